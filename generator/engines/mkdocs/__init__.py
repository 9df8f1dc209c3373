"""engines/mkdocs stage."""
