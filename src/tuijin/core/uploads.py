"""Annotated workbooks handed back after a failed import, kept for their owner to download."""

import secrets
from pathlib import Path
from typing import Any

from django.conf import settings

_TOKEN_BYTES = 16


def _folder(user: Any) -> Path:
    return Path(settings.MEDIA_ROOT) / "annotated" / str(user.pk)


def keep_annotated(*, user: Any, data: bytes) -> str:
    folder = _folder(user)
    folder.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(_TOKEN_BYTES)
    (folder / f"{token}.xlsx").write_bytes(data)
    return token


def annotated_file(*, user: Any, token: str) -> bytes | None:
    if len(token) != _TOKEN_BYTES * 2 or not all(c in "0123456789abcdef" for c in token):
        return None
    path = _folder(user) / f"{token}.xlsx"
    return path.read_bytes() if path.exists() else None
