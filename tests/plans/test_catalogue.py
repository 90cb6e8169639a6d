"""Django merges the apps' catalogues, the app listed first winning a msgid they share: the plans
catalogue must translate a shared msgid as the others do, or it changes their pages (it is listed
before projects, problems, dispatch and onboarding). A different meaning takes a different msgid or
a context. Checked for the messages the task-tracking code uses; the commitments package shares the
catalogue and answers for its own."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "tuijin"
BLOCK = re.compile(
    r'(?P<refs>(?:^#: .*\n)*)(?:^#.*\n)*(?:^msgctxt "(?P<ctxt>.*)"\n)?^msgid "(?P<id>.+)"\n'
    r'(?:^msgid_plural .*\n)?^msgstr(?:\[0\])? "(?P<str>.*)"$',
    re.M,
)
# Known disagreements that are not the plans app's to settle: org and dispatch already differ on
# "kind" (org, listed first, wins, and plans follows it); onboarding alone calls a programme 专项
# where the glossary and the other apps say 重大工程.
KNOWN = {("dispatch", "kind"), ("onboarding", "Programme"), ("onboarding", "programme")}


def _entries(app: str, *, task_code_only: bool = False) -> dict[tuple[str, str], str]:
    text = (SRC / app / "locale/zh_Hans/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    found = {}
    for m in BLOCK.finditer(text):
        refs = m["refs"].replace("#:", " ").split()
        if (
            task_code_only
            and refs
            and all(ref.startswith(("commitments/", "templates/plans/commitments/")) for ref in refs)
        ):
            continue
        found[m["ctxt"] or "", m["id"]] = m["str"]
    return found


def test_the_plans_catalogue_agrees_with_the_others_on_shared_messages() -> None:
    mine = _entries("plans", task_code_only=True)
    assert len(mine) > 200 and ("", "Lagging") in mine
    clashes = [
        f"{app}: {key[1]!r} is {theirs!r} there, {mine[key]!r} here"
        for path in sorted(SRC.glob("*/locale/zh_Hans/LC_MESSAGES/django.po"))
        if (app := path.parts[-5]) != "plans"
        for key, theirs in _entries(app).items()
        if key in mine and mine[key] != theirs and (app, key[1]) not in KNOWN
    ]
    assert clashes == []
