"""Course generator: YAML lessons and quizzes into a static course website.

The core (source, loader, models, checks, render) never imports mkdocs; the MkDocs
plugin (mkdocs_plugin) and the command line's build and serve are thin adapters.
"""

__version__ = "0.1.0"
