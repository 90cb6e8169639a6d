"""A message is written once in English with named placeholders and shown to each person in their
own language: it is rendered per recipient when it is stored in their inbox or sent to them."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise


@dataclass(frozen=True)
class Message:
    what: str  # the thing it is about; with the recipient, the channel and the day it keys the send
    subject: Promise | str
    body: Promise | str = ""
    params: Mapping[str, Any] = field(default_factory=dict)
    url: str = ""


def literal(text: str) -> str:
    """Text a person typed, as the body of a message with params: its "%" signs ("增长8.1%") are
    not placeholders."""
    return text.replace("%", "%%")


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str


def render(message: Message, language: str | None = None) -> Rendered:
    """The message in one language; placeholders may themselves be translatable (a level's name)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        params = {key: str(value) for key, value in message.params.items()}
        subject = str(message.subject) % params if params else str(message.subject)
        body = str(message.body) % params if params and message.body else str(message.body)
    return Rendered(subject[:200], body)
