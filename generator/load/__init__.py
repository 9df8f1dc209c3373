"""Stage 3, load: files to models with every problem a finding at file:line:column
(course.py), mkdocs.yml and the course plugin's options (settings.py), a brand and its
overlay on the course (brand.py, overlay.py).
"""
