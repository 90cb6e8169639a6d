"""The outside channels: email over SMTP, and the WeCom and DingTalk group robots over HTTPS.
Each sender raises SendFailed with a message that carries no secret: robot keys, access tokens
and signing secrets are masked before anything is logged or stored."""

import base64
import hashlib
import hmac
import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from urllib.parse import parse_qsl, quote_plus, urlsplit, urlunsplit

from django.conf import settings
from django.core.mail import EmailMessage, get_connection

from .models import Channel, Delivery, Webhook

MASK = "••••••"
# Query parameters of robot addresses that are credentials.
SECRET_PARAMS = {"key", "access_token", "sign", "secret", "token"}


class SendFailed(Exception):
    """The channel did not take the message; the text is safe to log and store."""


def mask_url(url: str) -> str:
    """The address with every credential in its query replaced, for logs and error messages."""
    parts = urlsplit(url)
    query = "&".join(
        f"{quote_plus(name)}={MASK if name.lower() in SECRET_PARAMS else quote_plus(value)}"
        for name, value in parse_qsl(parts.query)
    )
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def webhook_secrets(webhook: Webhook) -> list[str]:
    query = dict(parse_qsl(urlsplit(webhook.endpoint).query))
    found = [value for name, value in query.items() if name.lower() in SECRET_PARAMS]
    return [s for s in [*found, webhook.signing_secret] if s]


def scrub(text: str, secrets: Iterable[str]) -> str:
    """Removes every secret from an error text, also URL-encoded, whatever a library put in it."""
    for secret in secrets:
        for form in {secret, quote_plus(secret)}:
            text = text.replace(form, MASK)
    return re.sub(r"(?i)((?:key|access_token|sign|secret)=)[^&\s]+", rf"\1{MASK}", text)


def email_enabled() -> bool:
    return bool(settings.EMAIL_HOST)


def send_email(delivery: Delivery) -> None:
    body = delivery.body
    if delivery.url:
        body = f"{body}\n\n{settings.TUIJIN_BASE_URL}{delivery.url}".strip()
    message = EmailMessage(
        subject=delivery.subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.address],
        connection=get_connection(settings.TUIJIN_EMAIL_BACKEND, timeout=settings.EMAIL_TIMEOUT),
    )
    try:
        message.send(fail_silently=False)
    except Exception as error:  # smtplib and socket errors: the send failed, whatever the cause
        raise SendFailed(f"{type(error).__name__}: {error}"[:400]) from None


def _markdown(delivery: Delivery) -> str:
    text = f"**{delivery.subject}**"
    if delivery.body:
        text += f"\n\n{delivery.body}"
    if delivery.url:
        text += f"\n\n[{settings.TUIJIN_BASE_URL}{delivery.url}]({settings.TUIJIN_BASE_URL}{delivery.url})"
    return text


def _post_json(url: str, payload: dict, secrets: list[str]) -> None:
    request = urllib.request.Request(
        url,
        data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        headers={"Content-Type": "application/json; charset=utf-8"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.TUIJIN_WEBHOOK_TIMEOUT) as response:
            answer = json.loads(response.read().decode("utf-8") or "{}")
    except urllib.error.HTTPError as error:
        raise SendFailed(f"HTTP {error.code}") from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise SendFailed(scrub(f"{type(error).__name__}: {error}", secrets)[:400]) from None
    # Both robots answer 200 with errcode 0 when they took the message, and a non-zero errcode otherwise.
    if answer.get("errcode", 0) != 0:
        raise SendFailed(scrub(f"errcode {answer.get('errcode')}: {answer.get('errmsg', '')}", secrets)[:400])


def send_wecom(delivery: Delivery) -> None:
    webhook = delivery.webhook
    payload = {"msgtype": "markdown", "markdown": {"content": _markdown(delivery)}}
    _post_json(webhook.endpoint, payload, webhook_secrets(webhook))


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk's robot signature: HMAC-SHA256 of "timestamp\\nsecret" keyed by the secret, base64, URL-encoded."""
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return quote_plus(base64.b64encode(digest))


def send_dingtalk(delivery: Delivery) -> None:
    webhook = delivery.webhook
    url = webhook.endpoint
    if webhook.signing_secret:
        timestamp = int(time.time() * 1000)
        separator = "&" if urlsplit(url).query else "?"
        url = f"{url}{separator}timestamp={timestamp}&sign={dingtalk_sign(webhook.signing_secret, timestamp)}"
    payload = {"msgtype": "markdown", "markdown": {"title": delivery.subject, "text": _markdown(delivery)}}
    _post_json(url, payload, webhook_secrets(webhook))


SENDERS: dict[str, Callable[[Delivery], None]] = {
    Channel.EMAIL: send_email,
    Channel.WECOM: send_wecom,
    Channel.DINGTALK: send_dingtalk,
}


def where(delivery: Delivery) -> str:
    """Where a delivery goes, fit for a log line."""
    if delivery.webhook_id:
        return mask_url(delivery.webhook.endpoint)
    return delivery.address
