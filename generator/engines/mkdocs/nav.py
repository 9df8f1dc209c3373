"""Material's navigation, rendered faster: a top-level item once per relative link (issue 8).

Used by site/theme/partials/nav.html (Material's, but for its top-level loop), through
the `coursegen_nav_item` global the plugin sets in `on_env`.
"""

from __future__ import annotations

from mkdocs.utils import normalize_url


class NavItemMemo:
    """Renders a top-level navigation item once per relative link, not once per page.

    Material's `render` macro gives the same HTML for an item that does not hold the
    current page wherever its one link resolves to the same relative URL: a page, or a
    section that navigation.prune folds to a link to its first page. Anything else (the
    current page's own item, unfolded sections) is rendered as Material does. One memo
    per build: `on_env` makes a new one, so a serve rebuild never sees stale HTML.
    """

    def __init__(self, features: list[str]) -> None:
        # Material unfolds every top-level section with navigation.sections, unless tabs are on
        self.folds_sections = "navigation.prune" in features and (
            "navigation.sections" not in features or "navigation.tabs" in features)
        self.html: dict[tuple, object] = {}

    def __call__(self, render, nav_item, path: str, page):
        target = None if nav_item.active or page is None else self._only_link(nav_item)
        if target is None:
            return render(nav_item, path, 1)
        key = (id(nav_item), path, normalize_url(target, page=page))
        if key not in self.html:
            self.html[key] = render(nav_item, path, 1)
        return self.html[key]

    def _only_link(self, nav_item) -> str | None:
        if not nav_item.children:
            return nav_item.url
        if not self.folds_sections:
            return None
        while nav_item.children:  # Material's render_pruned links to the first page inside
            nav_item = nav_item.children[0]
        return nav_item.url
