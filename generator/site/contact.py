"""A brand's contact details as data: shown on the home page, in the footer, and used by
the progress page's "send to your trainer" (the address)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Contact:
    """One way to reach the firm: `kind` is email, phone or web; `text` is shown, `href` opened."""

    kind: str
    text: str
    href: str

    def html(self) -> str:
        """An escaped link, e.g. <a href="mailto:training@firm.example">training@firm.example</a>."""
        return f'<a href="{html.escape(self.href)}">{html.escape(self.text)}</a>'


def contacts(email: str | None = None, phone: str | None = None, web: str | None = None) -> list[Contact]:
    """The contact details given, in the order email, phone, web."""
    found = []
    if email:
        found.append(Contact("email", email, f"mailto:{email}"))
    if phone:
        found.append(Contact("phone", phone, "tel:" + re.sub(r"[^0-9+]", "", phone)))
    if web:
        found.append(Contact("web", re.sub(r"^https?://", "", web).rstrip("/"), web))
    return found


def email_of(found: list[Contact]) -> str:
    """The first email address among `found`, or ""."""
    return next((c.text for c in found if c.kind == "email"), "")
