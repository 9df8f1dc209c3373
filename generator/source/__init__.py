"""Stage 1, source: YAML files read with the line and column of every value (document.py),
kept between runs for large courses (cache.py), parsed in forked workers (parallel.py).
"""
