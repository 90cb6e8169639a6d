"""The decomposer is pure Python: importing and running it never loads Django."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
assert "django" not in sys.modules
from tuijin.decompose import decompose_text
import tuijin.decompose.cli, tuijin.decompose.xlsx
decompose_text("一、重点任务\\n（一）推进甲。（牵头单位：省财政厅）")
loaded = sorted(name for name in sys.modules if name == "django" or name.startswith("django."))
assert not loaded, loaded
"""


def test_it_imports_and_runs_without_loading_django():
    subprocess.run([sys.executable, "-c", SCRIPT], check=True)
