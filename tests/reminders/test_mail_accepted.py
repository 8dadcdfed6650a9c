"""A message the mail server accepted counts as sent, whatever the server says when we hang up:
calling it a failure would send the digest (or the update) a second time."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coffeechat.pages.reminders.digest import Status, run
from coffeechat.pages.reminders.models import DigestSent
from coffeechat.pipeline.outreach import mail
from reminders.conftest import NOW

# Longer than any SMTP client accepts: Python's smtplib raises "500 Line too long." on it.
GARBLED_GOODBYE = "221 " + "x" * 9000


@pytest.fixture
def rude_goodbye(alice_smtp):
    alice_smtp.quit_reply = GARBLED_GOODBYE
    return alice_smtp


def test_an_error_on_quit_after_the_message_was_accepted_is_no_failure(alice, rude_goodbye):
    server = mail.smtp_server_for(alice)

    mail.send(
        server, to_name="Priya Shah", to_email="priya@acme.example", subject="News",
        body="I got the job.", sender_name="Alice Martin",
    )  # fmt: skip

    [message] = rude_goodbye.received
    assert message["Subject"] == "News"


def test_the_digest_is_recorded_as_sent_and_not_sent_again(alice, rude_goodbye, alices_items):
    first = run(NOW)
    later = run(NOW + timedelta(minutes=20), retry_failed=True)  # cron, 15 minutes on and more

    assert [outcome.status for outcome in first] == [Status.SENT]
    assert [outcome.status for outcome in later] == [Status.DONE]
    assert len(rude_goodbye.received) == 1
    assert DigestSent.objects.owned_by(alice).get().state == "sent"


def test_a_refused_message_is_still_a_failure_that_says_why(alice, rude_goodbye):
    rude_goodbye.refuse = "550 No such user here"

    with pytest.raises(mail.SendFailed) as failure:
        mail.send(
            mail.smtp_server_for(alice), to_name="Nobody", to_email="nobody@acme.example",
            subject="News", body="Hello", sender_name="Alice Martin",
        )  # fmt: skip

    assert "refused the recipient nobody@acme.example: 550 No such user here" in str(failure.value)
    assert rude_goodbye.received == []
