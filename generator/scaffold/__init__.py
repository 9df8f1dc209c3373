"""`coursegen new`: commented lesson and quiz files that pass `check` as written (files.py)."""
