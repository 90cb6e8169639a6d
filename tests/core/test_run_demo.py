"""`run_demo` serves the embedded deployment with its job loop beside it; stopping it with `kill`
stops the loop too, instead of leaving it running on against the demo database."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_stopping_the_demo_stops_its_job_loop(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}", "PYTHONPATH": str(ROOT / "src")}
    env.pop("DJANGO_SETTINGS_MODULE", None)  # the project's own settings, as `make demo` runs it
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [*manage, "run_demo", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    loops: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not (loops := _children(server.pid)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert loops, "run_demo started no job loop"
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        assert not [pid for pid in loops if _alive(pid)]
    finally:
        if server.poll() is None:
            server.kill()
        for pid in loops:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
