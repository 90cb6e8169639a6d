"""Local stand-ins for the outside world, speaking the real protocols: an HTTP server answering
like the WeCom and DingTalk group robots (checking DingTalk's signature), and an SMTP server."""

import asyncio
import base64
import hashlib
import hmac
import json
import socket
import threading
from dataclasses import dataclass, field
from email import message_from_bytes
from email.header import decode_header, make_header
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote_plus, urlsplit

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class RobotServer:
    """Answers each POST with the next of `answers` (HTTP status, errcode), then with success."""

    answers: list[tuple[int, int]] = field(default_factory=list)
    secret: str = ""
    received: list[dict[str, Any]] = field(default_factory=list)  # every request
    accepted: list[dict[str, Any]] = field(default_factory=list)  # those answered with success

    def __post_init__(self) -> None:
        robot = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])).decode())
                query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
                request = {"path": urlsplit(self.path).path, "query": query, "body": body}
                robot.received.append(request)
                status, errcode = robot.answers.pop(0) if robot.answers else (200, 0)
                if robot.secret and not robot.signed(query):
                    status, errcode = 200, 310000  # DingTalk: "sign not match"
                if status == 200 and errcode == 0:
                    robot.accepted.append(request)
                payload = json.dumps({"errcode": errcode, "errmsg": "ok" if errcode == 0 else "error"}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def signed(self, query: dict[str, str]) -> bool:
        timestamp = query.get("timestamp", "")
        expected = base64.b64encode(
            hmac.new(self.secret.encode(), f"{timestamp}\n{self.secret}".encode(), hashlib.sha256).digest()
        ).decode()
        return unquote_plus(query.get("sign", "")) == expected or query.get("sign", "") == expected

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Sink:
    def __init__(self, owner: "SmtpSink") -> None:
        self.owner = owner

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list) -> str:
        # Holding the answer to RCPT TO keeps the sender waiting before any message text is sent:
        # a sender that dies here has handed nothing over.
        self.owner.arrived.set()
        while self.owner.stall.is_set():
            await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content)
        self.owner.messages.append(
            {"to": envelope.rcpt_tos, "subject": str(make_header(decode_header(message["Subject"])))}
        )
        return "250 Message accepted for delivery"


class SmtpSink:
    """An SMTP server keeping what it accepted. While `stall` is set it holds each sender at its
    recipient, as a slow server does; `arrived` is set when a sender has got that far."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []
        self.stall = threading.Event()
        self.arrived = threading.Event()
        self.port = free_port()
        self.controller = Controller(_Sink(self), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def close(self) -> None:
        self.stall.clear()
        self.controller.stop()
