"""The export adapter: a SiteBuild written as a plain mkdocs.yml + docs/ project that
MkDocs and Zensical build without the plugin.
"""
