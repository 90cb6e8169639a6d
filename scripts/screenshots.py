"""Takes screenshots of a running demo for the user guide and for looking at pages as a person would.

.venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000] [--out docs/screenshots] [--lang zh-hans|en]
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = [
    ("office", "home", "/"),
    ("office", "programmes", "/org/programmes/"),
    ("office", "checklist", "/org/programmes/1/checklist/"),
    ("office", "org-chart", "/org/programmes/2/chart/"),
    ("office", "task-force", "/org/task-forces/1/"),
    ("office", "units", "/records/unit/"),
    ("office", "import", "/org/workbook/import/"),
    ("auditor", "audit-log", "/audit/"),
    ("office", "dashboard", "/projects/dashboard/"),
    ("district_office", "ranking", "/projects/rankings/?programme=2"),
    ("district_office", "ranking-rules", "/projects/rankings/rules/?programme=2"),
    ("office", "notices", "/projects/notices/"),
    ("district_office", "problems", "/problems/"),
    ("district_office", "plans-document", "/plans/documents/10/"),
    ("district_office", "plans-behind", "/plans/tasks/behind/"),
    ("unit", "plans-task", "/plans/tasks/14/"),
]
PASSWORD = "Tuijin@2026"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--lang", default="zh-hans")
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        contexts = {}
        for user, name, path in PAGES:
            if args.only and args.only not in name:
                continue
            if user not in contexts:
                context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
                context.add_cookies([{"name": "tuijin_language", "value": args.lang, "url": args.base}])
                page = context.new_page()
                page.goto(f"{args.base}/accounts/login/")
                if name == "home":
                    page.screenshot(path=str(out / f"login-{args.lang}.png"))
                page.fill("#id_username", user)
                page.fill("#id_password", PASSWORD)
                page.click("button[type=submit]")
                page.wait_for_load_state()
                contexts[user] = page
            page = contexts[user]
            page.goto(f"{args.base}{path}")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(out / f"{name}-{args.lang}.png"), full_page=True)
            print(out / f"{name}-{args.lang}.png")
        browser.close()


if __name__ == "__main__":
    main()
