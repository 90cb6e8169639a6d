"""Resolves a merge conflict in an app's catalogue: regenerate it from the merged source, then keep
every translation either side had.

    scripts/merge_catalogue.py src/tuijin/<app>/locale/zh_Hans/LC_MESSAGES/django.po

Run it during a conflicted `git merge` (it reads both sides from the index), then review and commit.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK_ID = re.compile(r'^msgid ((?:".*"\n?)+)', re.M)
BLOCK_STR = re.compile(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', re.M)


def _joined(quoted: str) -> str:
    return "".join(re.findall(r'"(.*)"', quoted))


def translations(text: str) -> dict[str, str]:
    found = {}
    for block in text.split("\n\n"):
        if "#~" in block:
            continue
        msgid, msgstr = BLOCK_ID.search(block), BLOCK_STR.search(block)
        if msgid and msgstr and _joined(msgid.group(1)) and _joined(msgstr.group(1)):
            found[_joined(msgid.group(1))] = _joined(msgstr.group(1))
    return found


def _side(path: str, stage: int) -> str:
    result = subprocess.run(["git", "show", f":{stage}:{path}"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else ""


def fill(text: str, known: dict[str, str]) -> tuple[str, list[str]]:
    missing = []
    blocks = text.replace('#, fuzzy\nmsgid ""', 'msgid ""', 1).split("\n\n")
    for i, block in enumerate(blocks):
        # makemessages' fuzzy guesses (with their "#|" previous msgids) are never kept as they are:
        # the entry takes a translation either side had, or stays empty and is reported.
        fuzzy = ", fuzzy" in block
        block = re.sub(r"^#\| .*\n", "", block.replace("#, fuzzy\n", "").replace(", fuzzy", ""), flags=re.M)
        msgid, msgstr = BLOCK_ID.search(block), BLOCK_STR.search(block)
        if not (msgid and msgstr) or not _joined(msgid.group(1)):
            blocks[i] = block
            continue
        key = _joined(msgid.group(1))
        if key in known or fuzzy:
            block = block[: msgstr.start(1)] + f'"{known.get(key, "")}"' + block[msgstr.end(1) :].lstrip("\n")
            block = re.sub(r'\nmsgstr\[1\] ".*"', "", block)
        if key not in known and not _joined(BLOCK_STR.search(block).group(1)):
            missing.append(key)
        blocks[i] = block.rstrip("\n")
    return "\n\n".join(blocks) + "\n", missing


def main(path: str) -> None:
    known = {**translations(_side(path, 3)), **translations(_side(path, 2))}
    target = ROOT / path
    app = target.parents[3]
    target.write_text(_side(path, 2) or target.read_text())
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), str(ROOT / "manage.py"), "makemessages", "-l", "zh_Hans", "--no-obsolete"],
        cwd=app,
        check=True,
        capture_output=True,
    )
    text, missing = fill(target.read_text(), known)
    target.write_text(text)
    for key in missing:
        print(f"untranslated: {key}")


if __name__ == "__main__":
    main(sys.argv[1])
