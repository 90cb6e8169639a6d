"""Django merges the apps' catalogues, the app listed first in INSTALLED_APPS winning a msgid they
share: a later app translating the same msgid otherwise would see its pages use the first app's
words without knowing it (the library's 月报 turned reporting's worksheet 月度报告 into a missing
sheet). So every catalogue translates a shared msgid as the others do; a different meaning takes a
different msgid or a context."""

import re
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "tuijin"
ENTRY = re.compile(
    r'^(?:msgctxt "(?P<ctxt>.*)"\n)?msgid "(?P<id>.+)"\n(?:msgid_plural .*\n)?msgstr(?:\[0\])? "(?P<str>.*)"$', re.M
)


def test_the_catalogues_agree_on_shared_messages() -> None:
    translations: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for path in sorted(SRC.glob("*/locale/zh_Hans/LC_MESSAGES/django.po")):
        for m in ENTRY.finditer(path.read_text(encoding="utf-8")):
            translations[(m["ctxt"] or "", m["id"])][path.parts[-5]] = m["str"]
    assert len(translations) > 1000
    clashes = {key: by_app for key, by_app in translations.items() if len(set(by_app.values())) > 1}
    assert clashes == {}
