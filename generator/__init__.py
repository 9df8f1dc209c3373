"""Course generator: YAML lessons and quizzes into a static course website.

One folder per stage, data moving one way: source/ → model/ → load/ → check/ → site/ →
engines/ (the MkDocs plugin, the plain export), with cli/ driving them. The core never
imports mkdocs. The map: docs/architecture.md.
"""

__version__ = "0.1.0"
