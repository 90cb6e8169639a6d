"""Django merges the apps' catalogues, the app listed first winning a msgid they share: the plans
catalogue must translate a shared msgid as the others do, or it changes their pages (it is listed
before projects, problems and dispatch). A different meaning takes a different msgid or a context."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "tuijin"
ENTRY = re.compile(
    r'^(?:msgctxt "(?P<ctxt>.*)"\n)?msgid "(?P<id>.+)"\n(?:msgid_plural .*\n)?msgstr(?:\[0\])? "(?P<str>.*)"$', re.M
)


def _entries(app: str) -> dict[tuple[str, str], str]:
    text = (SRC / app / "locale/zh_Hans/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    return {(m["ctxt"] or "", m["id"]): m["str"] for m in ENTRY.finditer(text)}


def test_the_plans_catalogue_agrees_with_the_others_on_shared_messages() -> None:
    mine = _entries("plans")
    assert len(mine) > 200
    clashes = [
        f"{path.parts[-5]}: {key[1]!r} is {theirs!r} there, {mine[key]!r} here"
        for path in sorted(SRC.glob("*/locale/zh_Hans/LC_MESSAGES/django.po"))
        if path.parts[-5] != "plans"
        for key, theirs in _entries(path.parts[-5]).items()
        # org and dispatch already disagree on "kind"; org, listed first, wins, and plans follows it.
        if key in mine and mine[key] != theirs and not (key[1] == "kind" and path.parts[-5] == "dispatch")
    ]
    assert clashes == []
