"""The production settings, given their environment, pass Django's deployment checks with no warning."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_it_passes_check_deploy_with_no_warnings() -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "tuijin.settings.production",
        "TUIJIN_SECRET_KEY": "k" * 10 + "9f8e7d6c5b4a3Z2Y1X0W-v_u+t=s(r)q*p&o^n%m$l#k@j!i",
        "TUIJIN_ALLOWED_HOSTS": "tuijin.example.gov.cn",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_it_refuses_to_start_production_without_a_secret_key() -> None:
    env = {k: v for k, v in os.environ.items() if k != "TUIJIN_SECRET_KEY"}
    env.update({"DJANGO_SETTINGS_MODULE": "tuijin.settings.production", "TUIJIN_ALLOWED_HOSTS": "x"})
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "TUIJIN_SECRET_KEY" in result.stderr
