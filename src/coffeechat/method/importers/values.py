"""Cleaning single values from exported files, and the keys that recognize a person again."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from coffeechat.method.names import split_full_name

MONTHS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
# "18 Jun 2025" (LinkedIn since about 2020), "1/8/18, 6:14 PM" (older exports, US order),
# "2025-06-18" (what a spreadsheet writes back).
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*\.?[ -](\d{4})")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

# Close to Django's EmailValidator, so an imported address also passes the contact form.
_EMAIL_USER = re.compile(
    r"(^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*\Z"
    r'|^"([\001-\010\013\014\016-\037!#-\[\]-\177]|\\[\001-\011\013\014\016-\177])*"\Z)',
    re.IGNORECASE,
)
_EMAIL_DOMAIN = re.compile(
    r"((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+)(?:[A-Z0-9-]{2,63}(?<!-))\Z", re.IGNORECASE
)
MULTI_SEPARATOR = " ::: "  # Google joins several values of one field with it
_STORED_PREFIX = "https://www.linkedin.com/"  # how profile addresses are stored


def clean(value: str | None) -> str:
    """Trimmed, and composed the same way whichever system wrote it (macOS decomposes "ë")."""
    if not value:
        return ""
    value = value.strip()
    if value.isascii():
        return value
    return unicodedata.normalize("NFC", value)


def first_of(value: str) -> str:
    """The first of several values Google joined with ' ::: '."""
    return value.split(MULTI_SEPARATOR, 1)[0].strip() if MULTI_SEPARATOR in value else value


def all_of(value: str) -> list[str]:
    return [part.strip() for part in value.split(MULTI_SEPARATOR) if part.strip()]


def valid_email(address: str) -> bool:
    user, at, domain = address.rpartition("@")
    if not at or not user or not domain or len(address) > 254:
        return False
    if not _EMAIL_USER.match(user):
        return False
    if _EMAIL_DOMAIN.match(domain):
        return True
    try:
        return bool(_EMAIL_DOMAIN.match(domain.encode("idna").decode("ascii")))
    except UnicodeError:
        return False


def is_linkedin(url: str) -> bool:
    if url.startswith(_STORED_PREFIX):
        return True
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    return host == "linkedin.com" or host.endswith(".linkedin.com")


def linkedin_url(url: str) -> str:
    """The profile address as stored: https, www.linkedin.com, no query, no trailing slash.

    Returns "" for an address that is not LinkedIn's.
    """
    url = url.strip()
    if url.startswith(_STORED_PREFIX) and "?" not in url and "#" not in url:
        return url.rstrip("/")
    if not url or not is_linkedin(url):
        return ""
    parts = urlsplit(url if "//" in url else f"//{url}")
    return f"https://www.linkedin.com{parts.path.rstrip('/')}"


def linkedin_key(url: str) -> str:
    """What stays the same between copies of one profile address: its path.

    "http://uk.linkedin.com/in/Zo%C3%AB-M/?trk=x" and "linkedin.com/in/zoë-m" give the same key.
    """
    if url.startswith(_STORED_PREFIX) and "?" not in url and "#" not in url:
        path = url[len(_STORED_PREFIX) - 1 :].rstrip("/")  # as we store them: the fast way
    else:
        url = url.strip()
        if not url or not is_linkedin(url):
            return ""
        path = urlsplit(url if "//" in url else f"//{url}").path.rstrip("/")
    if "%" in path:
        path = unquote(path)
    if not path.isascii():
        path = unicodedata.normalize("NFC", path)
    return path.casefold()


def email_key(address: str) -> str:
    return address.strip().casefold()


def name_key(name: str) -> str:
    """Exact same name, give or take case and spacing."""
    return " ".join(name.casefold().split())


def split_name(full: str) -> tuple[str, str]:
    """'Ana María López' -> ('Ana María', 'López'): the last word is the family name; a name
    in a CJK script keeps its order ('김 민준' -> ('민준', '김'), '김민준' stays whole)."""
    return split_full_name(full)


@lru_cache(maxsize=4096)  # a file repeats its dates many times
def parse_date(text: str) -> date | None:
    """A date as exports write it; None when the text is not one (raises nothing)."""
    text = text.strip()
    try:
        if match := _DAY_MONTH_YEAR.match(text):
            day, month, year = match.groups()
            return date(int(year), MONTHS[month[:3].lower()], int(day))
        if match := _US_DATE.match(text):
            month, day, year = (int(part) for part in match.groups())
            return date(year + 2000 if year < 100 else year, month, day)
        if match := _ISO_DATE.match(text):
            return date(*(int(part) for part in match.groups()))
    except (KeyError, ValueError):
        return None
    return None


def join_location(*parts: str) -> str:
    """'Madrid', '', 'Spain' -> 'Madrid, Spain' (repeated parts once)."""
    seen: list[str] = []
    for part in parts:
        part = first_of(clean(part))
        if part and part not in seen:
            seen.append(part)
    return ", ".join(seen)


def split_location(location: str) -> tuple[str, str, str]:
    """'Pittsburgh, PA' -> ('Pittsburgh', 'PA', ''): city, region and country for an address,
    which join_location puts back together as written. The last of three or more parts is the
    country; a town written with commas keeps them in the city."""
    parts = [part.strip() for part in location.split(",") if part.strip()]
    if len(parts) <= 2:
        city, region = [*parts, "", ""][:2]
        return city, region, ""
    return ", ".join(parts[:-2]), parts[-2], parts[-1]
