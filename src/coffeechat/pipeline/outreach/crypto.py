"""Encrypting the SMTP password at rest, with a key derived from SECRET_KEY.

The password has to be usable again (to log in to the mail server), so it cannot be hashed.
Encrypting it keeps it out of backups and database dumps in clear; the key never touches the
database. Keys from SECRET_KEY_FALLBACKS still decrypt, so rotating the secret key works the
way it does for sessions.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet as _Fernet
from cryptography.fernet import InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

_PURPOSE = b"coffeechat smtp password"


class CannotDecrypt(Exception):
    """The stored password was encrypted with a secret key this server no longer has."""


def _fernet(secret: str) -> _Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE).derive(
        secret.encode()
    )
    return _Fernet(base64.urlsafe_b64encode(key))


def _keys() -> MultiFernet:
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([_fernet(secret) for secret in secrets])


def encrypt(plaintext: str) -> str:
    return _keys().encrypt(plaintext.encode()).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _keys().decrypt(token.encode("ascii")).decode()
    except InvalidToken:
        raise CannotDecrypt(
            "The saved SMTP password can no longer be read (the server's secret key changed): "
            "enter it again under Email sending on your profile."
        ) from None
