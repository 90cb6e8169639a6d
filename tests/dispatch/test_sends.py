"""Telling people: the inbox, email over a real SMTP connection, and the WeCom and DingTalk robots
over real HTTP; each send keyed so nothing goes out twice; failures retried with back-off; secrets
kept out of logs, stored errors and the audit trail."""

import logging

import pytest
from django.test import override_settings

from tuijin.core.models import AuditEntry
from tuijin.core.services import attribute_change
from tuijin.dispatch.messages import Message
from tuijin.dispatch.models import Delivery, DeliveryStatus, Notification, Webhook, WebhookKind
from tuijin.dispatch.services import deliveries_send, notify

from ..world import World
from .servers import RobotServer, SmtpSink

WECOM_KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"
DINGTALK_TOKEN = "a1b2c3d4e5f6accesstoken"
DINGTALK_SECRET = "SEC4f2b9c1d0e8a7f6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1"


def _webhook(world: World, robot: RobotServer, kind: str, **fields: str) -> Webhook:
    webhook = Webhook(unit=world["u_d"], name=f"{kind} group", kind=kind, **fields)
    attribute_change(webhook, user=world["office_d"])
    webhook.save()
    return webhook


def _message(what: str = "test:1") -> Message:
    return Message(what=what, subject="项目问题已升级", body="请专班协调解决。", url="/problems/1/")


def test_it_puts_a_message_in_each_inbox_once_a_day(world: World) -> None:
    users = [world["office_d"], world["taskforce_d1"]]
    first = notify(message=_message(), users=users)
    again = notify(message=_message(), users=users)
    assert (first.inbox, again.inbox) == (2, 0)
    assert Notification.objects.filter(what="test:1").count() == 2


@pytest.mark.django_db
def test_it_emails_through_smtp_once(world: World, smtp: SmtpSink) -> None:
    world["office_d"].email = "office_d@example.test"
    world["office_d"].save()
    notify(message=_message(), users=[world["office_d"]])
    notify(message=_message(), users=[world["office_d"]])
    assert deliveries_send() == {"sent": 1, "failed": 0, "given_up": 0}
    assert deliveries_send()["sent"] == 0
    assert smtp.messages == [{"to": ["office_d@example.test"], "subject": "项目问题已升级"}]


def test_it_sends_nothing_outside_when_email_is_off_and_no_robot_is_set(world: World) -> None:
    world["office_d"].email = "office_d@example.test"
    world["office_d"].save()
    with override_settings(EMAIL_HOST=""):
        told = notify(message=_message(), users=[world["office_d"]], units=[world["u_d"]])
    assert told.outside == 0 and not Delivery.objects.exists()


def test_it_gets_a_message_to_a_robot_that_fails_twice_exactly_once(
    world: World, robot: RobotServer, no_backoff: None
) -> None:
    robot.answers = [(500, 0), (200, 93000)]  # an HTTP error, then the robot's own error code
    _webhook(world, robot, WebhookKind.WECOM, endpoint=f"{robot.url}/cgi-bin/webhook/send?key={WECOM_KEY}")
    notify(message=_message(), units=[world["u_d"]])
    results = [deliveries_send() for _ in range(4)]
    assert [r["sent"] for r in results] == [0, 0, 1, 0]
    assert [r["failed"] for r in results] == [1, 1, 0, 0]
    assert len(robot.received) == 3 and len(robot.accepted) == 1
    accepted = robot.accepted[0]
    assert accepted["query"]["key"] == WECOM_KEY
    assert accepted["body"]["msgtype"] == "markdown" and "项目问题已升级" in accepted["body"]["markdown"]["content"]
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_error) == (DeliveryStatus.SENT, 3, "")


def test_it_waits_longer_after_each_failure_and_gives_up_at_the_last_attempt(world: World, robot: RobotServer) -> None:
    robot.answers = [(503, 0)] * 10
    _webhook(world, robot, WebhookKind.WECOM, endpoint=f"{robot.url}/send?key={WECOM_KEY}")
    notify(message=_message(), units=[world["u_d"]])
    with override_settings(TUIJIN_DELIVERY_BACKOFF_SECONDS=60, TUIJIN_DELIVERY_MAX_ATTEMPTS=3):
        deliveries_send()
        first = Delivery.objects.get()
        assert deliveries_send()["failed"] == 0  # not due again yet
        waits = []
        for _ in range(2):
            delivery = Delivery.objects.get()
            waits.append((delivery.next_attempt_at - first.created_at).total_seconds())
            Delivery.objects.update(next_attempt_at=delivery.created_at)
            deliveries_send()
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 3
    assert waits[0] >= 60 and waits[1] >= 120
    assert len(robot.received) == 3


def test_it_signs_dingtalk_messages(world: World, robot: RobotServer) -> None:
    robot.secret = DINGTALK_SECRET
    _webhook(
        world,
        robot,
        WebhookKind.DINGTALK,
        endpoint=f"{robot.url}/robot/send?access_token={DINGTALK_TOKEN}",
        signing_secret=DINGTALK_SECRET,
    )
    notify(message=_message(), units=[world["u_d"]])
    assert deliveries_send()["sent"] == 1
    request = robot.accepted[0]
    assert request["query"]["access_token"] == DINGTALK_TOKEN and request["query"]["timestamp"].isdigit()
    assert request["body"]["markdown"]["title"] == "项目问题已升级"


def test_it_keeps_robot_secrets_out_of_logs_errors_and_the_audit_trail(
    world: World, robot: RobotServer, caplog: pytest.LogCaptureFixture
) -> None:
    robot.secret = "some-other-secret"  # the robot refuses our signature
    _webhook(
        world,
        robot,
        WebhookKind.DINGTALK,
        endpoint=f"{robot.url}/robot/send?access_token={DINGTALK_TOKEN}",
        signing_secret=DINGTALK_SECRET,
    )
    _webhook(world, robot, WebhookKind.WECOM, endpoint=f"http://127.0.0.1:9/send?key={WECOM_KEY}")  # nobody there
    notify(message=_message(), units=[world["u_d"]])
    with caplog.at_level(logging.DEBUG):
        assert deliveries_send()["failed"] == 2
    stored = " ".join(Delivery.objects.values_list("last_error", flat=True))
    audit = " ".join(str(e.changes) for e in AuditEntry.objects.filter(model="dispatch.Webhook"))
    assert "errcode 310000" in stored and "access_token=••••••" in caplog.text and "key=••••••" in caplog.text
    for secret in (WECOM_KEY, DINGTALK_TOKEN, DINGTALK_SECRET):
        assert secret not in caplog.text and secret not in stored and secret not in audit
    assert "signing_secret" in audit  # the change is recorded, its value is not
