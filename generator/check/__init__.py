"""Stage 4, check: integrity rules across files (rules.py), the load-and-check pipeline
(pipeline.py), findings printed like a compiler or as JSON (report.py).
"""
