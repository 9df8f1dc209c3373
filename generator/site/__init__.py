"""Stage 5, site: the site map of every page (sitemap.py), rendering (render.py and
templates/), the progress pages, branding, and build_site (build.py): the one
engine-neutral result every engine adapter consumes.
"""
