"""The MkDocs adapter: the `course` plugin (plugin.py) and what makes it fast (nav.py,
shards.py, incremental.py).
"""
