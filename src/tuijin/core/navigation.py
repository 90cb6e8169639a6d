"""The top navigation. Each app registers its sections when it loads, so a section exists in the
menu only once its pages do, and each user sees only the sections its roles may use."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class NavLink:
    label: Promise | str
    url_name: str
    args: tuple = ()
    allowed: Callable[[Any], bool] = lambda user: True


@dataclass(frozen=True)
class NavSection:
    key: str
    label: Promise | str
    order: int
    links: list[NavLink] = field(default_factory=list)
    allowed: Callable[[Any], bool] = lambda user: True


SECTIONS: dict[str, NavSection] = {}


def register(section: NavSection) -> None:
    """Adds a section, or adds its links to the section of the same key (parts of an app register
    their own pages)."""
    existing = SECTIONS.get(section.key)
    if existing is None:
        SECTIONS[section.key] = section
    else:
        existing.links.extend(link for link in section.links if link not in existing.links)


def menu_for(user: Any, path: str) -> list[dict[str, Any]]:
    menu = []
    for section in sorted(SECTIONS.values(), key=lambda s: s.order):
        if not section.allowed(user):
            continue
        links = [
            {"label": link.label, "url": reverse(link.url_name, args=link.args)}
            for link in section.links
            if link.allowed(user)
        ]
        if not links:
            continue
        active = any(path.startswith(link["url"]) and link["url"] != "/" for link in links) or path == links[0]["url"]
        menu.append({"key": section.key, "label": section.label, "links": links, "active": active})
    return menu
