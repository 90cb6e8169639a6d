"""Real Celery workers on the machine's Redis, in processes of their own, sharing the test database."""

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import redis
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
# Redis databases 5–7 are this project's on the shared machine; the broker uses 5.
BROKER = os.environ.get("TUIJIN_TEST_BROKER", "redis://127.0.0.1:6379/5")


def database_url() -> str:
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    return f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


def process_env(**extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "tuijin.settings.base",
        "PYTHONPATH": str(ROOT / "src"),
        **extra,
    }


def redis_reachable() -> bool:
    try:
        return bool(redis.Redis.from_url(BROKER, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


class Worker:
    """`celery -A tuijin worker` consuming one queue of its own; killed as a crash would (SIGKILL
    to its whole process group, pool processes included)."""

    def __init__(self, queue: str, **env: str) -> None:
        self.lines: list[str] = []
        self.ready = threading.Event()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "tuijin",
                "worker",
                "-Q",
                queue,
                "-c",
                "1",
                "-n",
                f"test-{uuid.uuid4().hex[:8]}@%h",
                "--without-gossip",
                "--without-mingle",
                "-l",
                "info",
            ],
            cwd=ROOT,
            env=process_env(CELERY_BROKER_URL=BROKER, **env),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        if not self.ready.wait(60):
            self.kill()
            raise RuntimeError("the Celery worker did not start:\n" + "\n".join(self.lines[-30:]))

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip())
            if " ready." in line:
                self.ready.set()

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()


def send_job(name: str, queue: str) -> None:
    from tuijin.celery import app

    with app.connection_for_write(BROKER) as connection:
        app.send_task("tuijin.run_job", args=[name], queue=queue, connection=connection)


def wait_for(condition, timeout: float = 60, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")
