"""Getting a message out of Coffeechat: a draft .eml file, or a real send through SMTP.

The mail server is the user's own (Email sending on the profile page) or, failing that, the
deployment's (COFFEECHAT_SMTP_* in the environment). Every failure becomes one sentence that
names the server and quotes its answer, so the user can fix the setting or tell IT.
"""

from __future__ import annotations

import logging
import re
import smtplib
import socket
import ssl
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage as MimeMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime, formataddr, make_msgid, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.pipeline.outreach import crypto
from coffeechat.pipeline.outreach.models import EmailSettings, Security

logger = logging.getLogger(__name__)

# Long enough for a slow server, short enough that the page does not hang.
TIMEOUT_SECONDS = 10
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


class SendFailed(Exception):
    """The message did not go out; str() says why, in words for the user."""


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    username: str
    password_encrypted: str
    password_plain: str
    security: str
    from_address: str
    is_users_own: bool

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    def password(self) -> str:
        if self.password_encrypted:
            try:
                return crypto.decrypt(self.password_encrypted)
            except crypto.CannotDecrypt as error:
                raise SendFailed(str(error)) from None
        return self.password_plain

    def connection(self) -> BaseEmailBackend:
        connection: BaseEmailBackend = get_connection(
            SMTP_BACKEND,
            host=self.host,
            port=self.port,
            username=self.username or None,
            password=self.password() or None,
            use_tls=self.security == Security.STARTTLS,
            use_ssl=self.security == Security.SSL,
            timeout=TIMEOUT_SECONDS,
            fail_silently=False,
        )
        return connection


def own_settings(user: User) -> EmailSettings | None:
    return EmailSettings.objects.filter(user=user).first()


def smtp_server_for(user: User, own: EmailSettings | None = None) -> SmtpServer | None:
    """The user's own mail server if they set one up, else the deployment's, else none."""
    own = own if own is not None else own_settings(user)
    if own is not None and own.is_configured:
        return SmtpServer(
            host=own.host,
            port=own.port,
            username=own.username,
            password_encrypted=own.password_encrypted,
            password_plain="",
            security=own.security,
            from_address=own.from_address,
            is_users_own=True,
        )
    if settings.EMAIL_HOST:
        security = (
            Security.SSL
            if settings.EMAIL_USE_SSL
            else Security.STARTTLS
            if settings.EMAIL_USE_TLS
            else Security.NONE
        )
        return SmtpServer(
            host=settings.EMAIL_HOST,
            port=settings.EMAIL_PORT,
            username=settings.EMAIL_HOST_USER,
            password_encrypted="",
            password_plain=settings.EMAIL_HOST_PASSWORD,
            security=security,
            from_address=settings.DEFAULT_FROM_EMAIL,
            is_users_own=False,
        )
    return None


def plain_text(body: str) -> str:
    # Browsers send textarea line breaks as CRLF; mail transport adds its own.
    return body.replace("\r\n", "\n")


def send(
    server: SmtpServer,
    *,
    to_name: str,
    to_email: str,
    subject: str,
    body: str,
    sender_name: str,
    reply_to: str = "",
) -> None:
    """Send one plain-text message now, or raise SendFailed with the reason."""
    domain = server.from_address.rpartition("@")[2] or "coffeechat.invalid"
    message = EmailMessage(
        subject=one_line(subject),
        body=plain_text(body),
        from_email=formataddr((one_line(sender_name), server.from_address)),
        to=[formataddr((one_line(to_name), one_line(to_email)))],
        reply_to=[reply_to] if reply_to and reply_to != server.from_address else None,
        # Our own Message-ID: Django's default asks DNS for this machine's name.
        headers={"Message-ID": make_msgid(domain=domain)},
    )
    connection: BaseEmailBackend | None = None
    try:
        connection = server.connection()
        connection.open()
        connection.send_messages([message])
    except SendFailed:
        raise
    except Exception as error:  # every failure is reported; none may crash the page
        raise SendFailed(explain(error, server)) from error
    finally:
        if connection is not None:
            _hang_up(connection)


def _hang_up(connection: BaseEmailBackend) -> None:
    """Say goodbye to the server, whatever it answers: once it has accepted the message, an
    error on QUIT does not unsend it, and calling it a failure would send it again."""
    try:
        connection.close()
    except Exception as error:  # nothing left to tell the user: the message went
        logger.info("The mail server answered QUIT with an error: %s", error)


def _text(raw: bytes | str) -> str:
    return raw.decode(errors="replace") if isinstance(raw, bytes) else str(raw)


def explain(error: BaseException, server: SmtpServer) -> str:
    """One sentence for the user: which server, what it said."""
    at = f"The mail server at {server.where}"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return f"{at} refused the login: {error.smtp_code} {_text(error.smtp_error)}"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        refused = "; ".join(
            f"{parseaddr(address)[1] or address}: {code} {_text(reply)}"
            for address, (code, reply) in error.recipients.items()
        )
        return f"{at} refused the recipient {refused}"
    if isinstance(error, smtplib.SMTPSenderRefused):
        return (
            f"{at} refused the sender address {error.sender}: "
            f"{error.smtp_code} {_text(error.smtp_error)}"
        )
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{at} refused the message: {error.smtp_code} {_text(error.smtp_error)}"
    if isinstance(error, smtplib.SMTPNotSupportedError) and "STARTTLS" in str(error):
        return f"{at} does not offer STARTTLS: choose SSL/TLS, or check the port."
    if isinstance(error, smtplib.SMTPNotSupportedError) and "AUTH" in str(error):
        return f"{at} does not accept a login: leave the username empty, or check the port."
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return f"{at} does not support what the settings ask for: {error}"
    if isinstance(error, TimeoutError) or isinstance(error.__context__, TimeoutError):
        return f"{at} did not answer within {TIMEOUT_SECONDS} seconds."
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return f"{at} closed the connection: {error or 'no reason given'}"
    if isinstance(error, ConnectionRefusedError):
        return (
            f"Could not connect to the mail server at {server.where}: the connection was refused."
        )
    if isinstance(error, socket.gaierror):
        return f"Could not find the mail server {server.host}: {error.strerror}."
    if isinstance(error, ssl.SSLError):
        return f"The secure connection to the mail server at {server.where} failed: {error}"
    if isinstance(error, smtplib.SMTPException | OSError):
        return f"Sending through the mail server at {server.where} failed: {error}"
    return f"Sending through the mail server at {server.where} failed: {error!r}"


_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def one_line(value: str) -> str:
    """A header value on one line: a subject or name pasted with line breaks keeps its words
    (a header cannot hold a line break: it would end the header, or start a forged one)."""
    return _LINE_BREAKS.sub(" ", value).strip()


def draft_file(
    *,
    to_name: str,
    to_email: str,
    from_name: str,
    from_email: str,
    subject: str,
    body: str,
    now: datetime | None = None,
) -> bytes:
    """An RFC 5322 message that mail apps open as an unsent draft (X-Unsent: 1)."""
    message = MimeMessage()
    if to_email:
        message["To"] = Address(display_name=one_line(to_name), addr_spec=one_line(to_email))
    if from_email:
        message["From"] = Address(display_name=one_line(from_name), addr_spec=one_line(from_email))
    message["Subject"] = one_line(subject)
    message["Date"] = format_datetime(now or timezone.now())
    message["X-Unsent"] = "1"
    message.set_content(plain_text(body), charset="utf-8")
    return message.as_bytes(policy=SMTP_POLICY)
