"""Stage 6, engines: adapters that publish a SiteBuild. mkdocs/ is the `course` plugin;
export/ writes a plain project; output.py swaps a finished build in. Only this folder
(and cli/) may import mkdocs.
"""
