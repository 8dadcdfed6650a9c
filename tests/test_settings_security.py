"""The security and robustness promises the settings make, checked against what actually happens:
SQLite pragmas on a live file database, concurrent writers, `check --deploy`, the CSP header,
password rules, login throttling, cookie flags and the password hasher."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.accounts.services import create_user

# What tests/conftest.py and the browser tests' servers hash passwords with.
FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"
FAST_HASHER_ENV = "COFFEECHAT_TESTS_HASH_PASSWORDS_FAST"

sqlite_only = pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="SQLite pragmas and write locking are covered by the SQLite run of the suite",
)


def clean_env(home: Path, **env: str) -> dict[str, str]:
    """The test's environment minus coffeechat's settings, with its own COFFEECHAT_HOME (so
    SQLite is a real file there, as in production, not the test run's in-memory database)."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("COFFEECHAT_", "DJANGO_")) and k != "DATABASE_URL"
    }
    return {**clean, "COFFEECHAT_HOME": str(home), **env}


def run_python(code: str, home: Path, **env: str) -> subprocess.CompletedProcess:
    """Run code in a fresh interpreter configured by coffeechat.settings."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=clean_env(home, DJANGO_SETTINGS_MODULE="coffeechat.settings", **env),
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip


def run_coffeechat(*args: str, home: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coffeechat", *args], env=clean_env(home, **env),
        capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def json_result(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


PRAGMAS = """
    import json
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    with connection.cursor() as cursor:
        values = {}
        for pragma in ("journal_mode", "busy_timeout", "foreign_keys", "synchronous"):
            cursor.execute(f"PRAGMA {pragma}")
            values[pragma] = cursor.fetchone()[0]
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        connection.cursor().execute("SELECT 1")
    values["begin"] = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("BEGIN")]
    values["file"] = str(connection.settings_dict["NAME"])
    print(json.dumps(values))
"""


@sqlite_only
def test_a_live_sqlite_connection_uses_wal_a_busy_timeout_and_immediate_transactions(tmp_path):
    values = json_result(run_python(PRAGMAS, tmp_path / "home"))

    assert values["file"] == str(tmp_path / "home" / "coffeechat.sqlite3")
    assert values["journal_mode"] == "wal"
    assert values["busy_timeout"] == 20_000  # milliseconds: COFFEECHAT_SQLITE_BUSY_TIMEOUT=20
    assert values["foreign_keys"] == 1
    assert values["synchronous"] == 1  # NORMAL
    assert values["begin"] == ["BEGIN IMMEDIATE"]


@sqlite_only
def test_the_busy_timeout_follows_its_environment_variable(tmp_path):
    values = json_result(run_python(PRAGMAS, tmp_path / "home", COFFEECHAT_SQLITE_BUSY_TIMEOUT="3"))
    assert values["busy_timeout"] == 3_000


@sqlite_only
@pytest.mark.django_db
def test_djangos_connection_takes_the_write_lock_when_a_transaction_starts(settings):
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    # Django reads the mode when it opens the connection: a worker whose first test this is
    # has not opened one yet.
    connection.ensure_connection()
    assert connection.transaction_mode == "IMMEDIATE"


CONCURRENT_WRITERS = """
    import json
    import threading
    import django

    django.setup()
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
        cursor.execute("INSERT INTO counter VALUES (1, 0)")
        cursor.execute("CREATE TABLE log (id INTEGER PRIMARY KEY, thread INTEGER, i INTEGER)")
    connection.close()

    THREADS, WRITES = 4, 50
    errors = []
    start = threading.Barrier(THREADS)

    def writer(number):
        start.wait()
        try:
            for i in range(WRITES):
                # Read, then write, in one transaction: the pattern that deadlocks a
                # deferred SQLite transaction ("database is locked") when writers overlap.
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute("SELECT n FROM counter WHERE id = 1")
                    n = cursor.fetchone()[0]
                    cursor.execute("INSERT INTO log (thread, i) VALUES (%s, %s)", [number, i])
                    cursor.execute("UPDATE counter SET n = %s WHERE id = 1", [n + 1])
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with connection.cursor() as cursor:
        cursor.execute("SELECT n FROM counter")
        counter = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM log")
        rows = cursor.fetchone()[0]
    print(json.dumps({"errors": errors, "counter": counter, "rows": rows}))
"""


@sqlite_only
def test_concurrent_writers_to_the_sqlite_file_never_see_database_is_locked(tmp_path):
    result = json_result(run_python(CONCURRENT_WRITERS, tmp_path / "home"))

    assert result["errors"] == []
    assert result["rows"] == 4 * 50
    assert result["counter"] == 4 * 50  # no lost updates either


PRODUCTION = {
    "COFFEECHAT_HTTPS": "true",
    "COFFEECHAT_ALLOWED_HOSTS": "coffeechat.example.edu",
}
DEPLOY_CHECK = ("manage", "check", "--deploy", "--fail-level", "WARNING")


def test_check_deploy_passes_with_production_settings(tmp_path):
    secret = "".join(secrets.choice("abcdefghijkmnpqrstuvwxyz23456789-_") for _ in range(60))
    result = run_coffeechat(
        *DEPLOY_CHECK, home=tmp_path / "home", COFFEECHAT_SECRET_KEY=secret, **PRODUCTION
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_fails_for_a_laptop_configuration_behind_no_tls(tmp_path):
    result = run_coffeechat(*DEPLOY_CHECK, home=tmp_path / "home")
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr + result.stdout


def test_a_short_secret_key_is_refused_with_one_clear_line(tmp_path):
    result = run_coffeechat(*DEPLOY_CHECK, home=tmp_path / "home", COFFEECHAT_SECRET_KEY="short")
    assert result.returncode != 0
    assert "COFFEECHAT_SECRET_KEY must be at least 50 characters long" in result.stderr


def test_the_login_page_sends_a_content_security_policy_without_inline_code(client, db):
    response = client.get(reverse("accounts:login"))

    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_password_shorter_than_twelve_characters_is_refused(db):
    with pytest.raises(ValidationError) as refused:
        create_user(username="carol", password="Xq7#mPz2vLk")  # 11 characters

    assert any("at least 12 characters" in message for message in refused.value.messages)
    assert not User.objects.filter(username="carol").exists()
    assert create_user(username="carol", password="Xq7#mPz2vLkw").pk  # 12 characters will do


def test_a_common_password_is_refused_even_when_long_enough(db):
    with pytest.raises(ValidationError):
        create_user(username="carol", password="password1234")


def post_login(client, username: str, password: str):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_login_is_locked_after_five_wrong_passwords_even_for_the_right_one(
    client, alice, persona_password
):
    statuses = [post_login(client, "alice", "not alices password").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks

    response = post_login(client, "alice", persona_password)

    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_four_wrong_passwords_still_let_the_right_one_in(client, alice, persona_password):
    for _ in range(4):
        response = post_login(client, "alice", "not alices password")
        assert response.status_code == 200
        assert "username or e-mail address and password do not match" in response.content.decode()

    response = post_login(client, "alice", persona_password)

    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(alice.pk)


def test_session_and_csrf_cookies_are_httponly_and_samesite(client, alice, persona_password):
    csrf = client.get(reverse("accounts:login")).cookies["csrftoken"]
    session = post_login(client, "alice", persona_password).cookies["sessionid"]

    assert csrf["httponly"] is True
    assert csrf["samesite"] == "Strict"
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"


@pytest.fixture
def production_hashers(settings):
    """The hashers settings.py gives production, not the fast one the suite uses."""
    settings.PASSWORD_HASHERS = [h for h in settings.PASSWORD_HASHERS if h != FAST_HASHER]


def test_passwords_are_hashed_with_argon2(production_hashers, alice, bob, persona_password):
    alice.refresh_from_db()
    assert alice.password.startswith("argon2$argon2id$")
    assert alice.check_password(persona_password)
    assert persona_password not in alice.password
    assert bob.password != alice.password  # salted


def test_production_hashes_with_argon2_and_only_the_tests_switch_to_a_fast_hasher(tmp_path):
    code = """
        import django
        django.setup()
        from django.conf import settings
        print(settings.PASSWORD_HASHERS[0])
    """
    production = run_python(code, tmp_path / "home")
    assert production.returncode == 0, production.stderr
    assert production.stdout.split() == ["django.contrib.auth.hashers.Argon2PasswordHasher"]

    tests = run_python(code, tmp_path / "home", **{FAST_HASHER_ENV: "1"})
    assert tests.returncode == 0, tests.stderr
    assert tests.stdout.split() == [FAST_HASHER]
