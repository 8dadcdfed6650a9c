"""Getting a message out: a .eml draft, a real SMTP send, and the user's own mail settings."""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from email import message_from_bytes, policy

import time_machine
from django.db import connection
from django.urls import reverse

import factories as make
from coffeechat.pipeline.outreach import mail
from coffeechat.pipeline.outreach.models import EmailSettings, Message
from outreach.conftest import free_port, subject_of, use_smtp

FRIDAY = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
SUBJECT = "Priya Shah suggested I get in touch — café?"
BODY = (
    "Dear Sam,\r\n\r\nPriya Shah suggested I get in touch with you. I'm Alice, exploring "
    "climate finance.\r\n\r\nWould you have 15-20 minutes for a coffee, whenever suits you?"
    "\r\n\r\nThank you,\r\nAlice Martin"
)


def post(client, contact, action: str, **overrides: object):
    """What a button of the compose page posts, to its own address."""
    data = {"subject": SUBJECT, "body": BODY, "sent_on": "2026-11-20", "channel": "email",
            **overrides}  # fmt: skip
    return client.post(reverse(f"outreach:compose_{action}", args=[contact.pk]), data, follow=True)


def lf(text: str) -> str:
    return text.replace("\r\n", "\n")


@time_machine.travel(FRIDAY, tick=False)
def test_the_eml_download_is_a_draft_mail_apps_open_and_marks_nothing_sent(alice_client, sam):
    response = post(alice_client, sam, "eml")
    assert response["Content-Type"] == "message/rfc822"
    assert response["Content-Disposition"] == 'attachment; filename="Sam Lee.eml"'
    assert b"\r\n" in response.content  # RFC 5322 line ends
    parsed = message_from_bytes(response.content, policy=policy.default)
    assert parsed["To"].addresses[0].addr_spec == "sam@acme.example"
    assert parsed["To"].addresses[0].display_name == "Sam Lee"
    assert parsed["Subject"] == SUBJECT
    assert parsed["X-Unsent"] == "1"
    assert parsed["Date"].datetime == FRIDAY
    assert parsed.get_content_charset() == "utf-8"
    assert lf(parsed.get_content()).rstrip("\n") == lf(BODY)
    assert not Message.objects.exists()


def test_the_eml_download_of_a_contact_without_email_has_no_recipient(alice_client, alice):
    kim = make.contact(alice, "Kim Ødegård")
    response = post(alice_client, kim, "eml")
    parsed = message_from_bytes(response.content, policy=policy.default)
    assert parsed["To"] is None
    assert "Kim%20%C3%98deg%C3%A5rd.eml" in response["Content-Disposition"]


def test_the_eml_download_of_another_users_contact_is_a_404(bob_client, sam):
    response = bob_client.post(reverse("outreach:compose_eml", args=[sam.pk]))
    assert response.status_code == 404


def test_send_delivers_through_the_users_smtp_server_and_records_it_exactly(
    alice_client, alice, sam, smtp_server
):
    use_smtp(alice, smtp_server.port)
    referral = make.built_in_template(alice, "after_referral")
    response = post(alice_client, sam, "send", template=referral.pk, channel="linkedin")
    page = response.content.decode()
    assert f"Sent your request for a conversation to Sam Lee (sam@acme.example) through " \
           f"127.0.0.1:{smtp_server.port}." in page  # fmt: skip
    [received] = smtp_server.received
    message = Message.objects.get()
    assert subject_of(received) == message.subject == SUBJECT
    assert lf(received.get_content()).rstrip("\n") == message.body == lf(BODY)
    assert received["To"].addresses[0].addr_spec == "sam@acme.example"
    assert received["From"].addresses[0].addr_spec == "alice@example.org"
    assert received["From"].addresses[0].display_name == "Alice Martin"
    assert smtp_server.envelopes == [("alice@example.org", ["sam@acme.example"])]
    assert (message.channel, message.purpose, message.template) == ("email", "request", referral)
    assert "Request for a conversation sent (Email): “Priya Shah suggested" in page  # timeline


def test_send_through_a_server_that_refuses_the_recipient_keeps_the_draft(
    alice_client, alice, sam, refusing_smtp_server
):
    use_smtp(alice, refusing_smtp_server.port)
    page = post(alice_client, sam, "send").content.decode()
    port = refusing_smtp_server.port
    assert (
        f"The mail server at 127.0.0.1:{port} refused the recipient sam@acme.example: "
        "550 No such user here" in page
    )
    assert "Priya Shah suggested I get in touch with you. I&#x27;m Alice" in page  # still there
    assert not Message.objects.exists()
    assert not refusing_smtp_server.received


def test_send_to_a_port_nothing_listens_on_says_so_and_stores_nothing(alice_client, alice, sam):
    port = free_port()
    use_smtp(alice, port)
    page = post(alice_client, sam, "send").content.decode()
    assert (
        f"Could not connect to the mail server at 127.0.0.1:{port}: "
        "the connection was refused." in page
    )
    assert not Message.objects.exists()


def test_a_refused_login_names_the_server_and_quotes_its_answer(
    alice_client, alice, sam, login_refusing_smtp_server
):
    port = login_refusing_smtp_server.port
    use_smtp(alice, port, username="alice", password="wrong")
    page = post(alice_client, sam, "send").content.decode()
    assert f"The mail server at 127.0.0.1:{port} refused the login: 535 " in page
    assert not Message.objects.exists()


def test_send_is_disabled_with_the_reason_when_there_is_no_server(alice_client, sam, settings):
    settings.EMAIL_HOST = ""
    page = alice_client.get(reverse("outreach:compose", args=[sam.pk])).content.decode()
    send_url = reverse("outreach:compose_send", args=[sam.pk])
    assert f'<button type="submit" formaction="{send_url}" disabled' in page
    assert "Sending needs a mail server: set one up under" in page
    page = post(alice_client, sam, "send").content.decode()
    assert "Sending needs a mail server" in page
    assert not Message.objects.exists()


def test_a_contact_without_email_cannot_be_sent_to(alice_client, alice, smtp_server):
    use_smtp(alice, smtp_server.port)
    kim = make.contact(alice, "Kim Ek")
    page = alice_client.get(reverse("outreach:compose", args=[kim.pk])).content.decode()
    send_url = reverse("outreach:compose_send", args=[kim.pk])
    assert f'formaction="{send_url}"' not in page  # no mail actions without an address
    assert "Download .eml" not in page and "Open in mail app" not in page
    assert "Kim Ek has no email address on file, so Coffeechat cannot send to them" in page
    page = post(alice_client, kim, "send").content.decode()
    assert "Kim Ek has no email address on file" in page
    assert not Message.objects.exists()
    assert not smtp_server.received


def test_the_deployments_server_is_used_when_the_user_has_none(
    alice_client, sam, smtp_server, settings
):
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.DEFAULT_FROM_EMAIL = "coffeechat@careers.example.edu"
    page = alice_client.get(reverse("outreach:compose", args=[sam.pk])).content.decode()
    assert f"“Send” sends it now through 127.0.0.1:{smtp_server.port}" in page
    post(alice_client, sam, "send")
    [received] = smtp_server.received
    assert received["From"].addresses[0].addr_spec == "coffeechat@careers.example.edu"
    assert received["Reply-To"].addresses[0].addr_spec == "alice@example.org"
    assert Message.objects.get().subject == SUBJECT


def settings_form(**overrides: object) -> dict[str, object]:
    return {"host": "smtp.example.org", "port": 587, "security": "starttls",
            "username": "alice", "password": "s3cret-Pa55word", "from_address":
            "alice@example.org", **overrides}  # fmt: skip


def test_the_smtp_password_is_stored_encrypted_and_never_shown(alice_client, alice):
    response = alice_client.post(reverse("outreach:email_settings"), settings_form(), follow=True)
    page = response.content.decode()
    assert "Email sending settings saved." in page
    assert "A password is saved (encrypted). It is never shown again." in page
    assert "s3cret-Pa55word" not in page
    with connection.cursor() as cursor:
        table = EmailSettings._meta.db_table
        cursor.execute(f"SELECT password_encrypted FROM {table}")
        [(stored,)] = cursor.fetchall()
    assert stored and "s3cret-Pa55word" not in stored
    page = alice_client.get(reverse("accounts:profile")).content.decode()
    assert 'id="email-sending"' in page
    assert 'value="smtp.example.org"' in page
    assert "s3cret-Pa55word" not in page
    assert stored not in page


def test_an_empty_password_keeps_the_saved_one_and_it_can_be_removed(alice_client, alice):
    url = reverse("outreach:email_settings")
    alice_client.post(url, settings_form())
    stored = EmailSettings.objects.get(user=alice).password_encrypted
    alice_client.post(url, settings_form(password="", port=2525))
    own = EmailSettings.objects.get(user=alice)
    assert (own.port, own.password_encrypted) == (2525, stored)
    alice_client.post(url, settings_form(password="", forget_password="on"))
    assert EmailSettings.objects.get(user=alice).password_encrypted == ""


def test_a_password_without_encryption_to_a_remote_server_is_refused(alice_client, alice):
    page = alice_client.post(
        reverse("outreach:email_settings"), settings_form(security="none")
    ).content.decode()
    assert "Without encryption the password would cross the network in clear" in page
    assert not EmailSettings.objects.exists()


def test_the_test_email_goes_to_the_user_through_their_server(alice_client, smtp_server):
    form = settings_form(host="127.0.0.1", port=smtp_server.port, security="none",
                         username="", password="")  # fmt: skip
    page = alice_client.post(reverse("outreach:email_settings_test"), form, follow=True)
    page = page.content.decode()
    assert f"Sent a test email to alice@example.org through 127.0.0.1:{smtp_server.port}." in page
    [received] = smtp_server.received
    assert subject_of(received) == "Coffeechat test message"


def test_saving_the_settings_sends_no_test_email(alice_client, smtp_server):
    form = settings_form(host="127.0.0.1", port=smtp_server.port, security="none",
                         username="", password="")  # fmt: skip
    page = alice_client.post(reverse("outreach:email_settings"), form, follow=True)
    assert "Email sending settings saved." in page.content.decode()
    assert not smtp_server.received


def test_the_profile_buttons_post_to_their_own_addresses(alice_client):
    page = alice_client.get(reverse("accounts:profile")).content.decode()
    assert f'action="{reverse("outreach:email_settings")}"' in page
    assert f'formaction="{reverse("outreach:email_settings_test")}"' in page


def test_a_failed_test_email_says_why(alice_client):
    port = free_port()
    form = settings_form(host="127.0.0.1", port=port, security="none", username="",
                         password="")  # fmt: skip
    page = alice_client.post(reverse("outreach:email_settings_test"), form, follow=True)
    page = page.content.decode()
    assert "The test email was not sent. Could not connect to the mail server at " in page


def test_another_users_smtp_settings_are_never_used_or_shown(bob_client, bob, alice, smtp_server):
    use_smtp(alice, smtp_server.port)
    page = bob_client.get(reverse("accounts:profile")).content.decode()
    assert f'value="{smtp_server.port}"' not in page
    bobs_sam = make.contact(bob, "Sam", email="sam@acme.example")
    page = bob_client.get(reverse("outreach:compose", args=[bobs_sam.pk])).content.decode()
    assert f"127.0.0.1:{smtp_server.port}" not in page
    assert "Sending needs a mail server" in page


def test_starttls_against_a_server_without_it_says_so(alice_client, alice, sam, smtp_server):
    use_smtp(alice, smtp_server.port, security="starttls")
    page = post(alice_client, sam, "send").content.decode()
    assert f"The mail server at 127.0.0.1:{smtp_server.port} does not offer STARTTLS" in page
    assert not Message.objects.exists()


def test_a_server_that_never_answers_times_out_with_a_clear_error(
    alice_client, alice, sam, monkeypatch
):
    monkeypatch.setattr(mail, "TIMEOUT_SECONDS", 0.5)
    with socket.socket() as silent:  # accepts connections (the kernel does) but never speaks
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        use_smtp(alice, port)
        page = post(alice_client, sam, "send").content.decode()
    assert f"The mail server at 127.0.0.1:{port} did not answer within 0.5 seconds." in page
    assert not Message.objects.exists()


def test_reloading_the_settings_page_that_showed_a_problem_goes_back_to_the_profile(
    alice_client,
):
    refused = alice_client.post(reverse("outreach:email_settings"), settings_form(security="none"))
    assert refused.status_code == 200  # the problem is shown at the address the form posted to
    # Reloading that address (a GET) must not be a blank "405": back to the settings.
    again = alice_client.get(reverse("outreach:email_settings"))
    assert again.status_code == 302
    assert again["Location"] == reverse("accounts:profile") + "#email-sending"


def test_a_subject_pasted_with_line_breaks_downloads_on_one_line_without_a_forged_header(
    alice_client, sam
):
    response = post(alice_client, sam, "eml", subject="Coffee?\r\nBcc: everyone@example.org\n")
    assert response.status_code == 200
    parsed = message_from_bytes(response.content, policy=policy.default)
    assert parsed["Subject"] == "Coffee? Bcc: everyone@example.org"
    assert parsed["Bcc"] is None
