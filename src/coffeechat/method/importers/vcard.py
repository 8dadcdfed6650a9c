"""vCard files (.vcf): 3.0 (RFC 2426), 4.0 (RFC 6350) and the 2.1 that phones still write.

One file holds one card or many. Each card is cut out with its line number and read by
vobject on its own, so one broken card is reported on its line instead of losing the file.
Before vobject sees a card: folded lines and quoted-printable soft line breaks (2.1) are
joined; quoted-printable values are decoded here, in their CHARSET; photos, logos, sounds and
keys are dropped (we do not keep them, and 2.1 base64 photos come in shapes vobject refuses);
and bare commas in single-valued text are escaped, since vobject keeps only the text before
the first one ("Text, der ..." would read "Text") and 2.1 writers never escape them.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterator
from typing import NamedTuple

import vobject
from vobject.base import Component, ContentLine

from coffeechat.method.importers.model import (
    ImportedContact,
    ImportFileError,
    ParseResult,
    RowIssue,
)
from coffeechat.method.importers.tabular import KIND_LABELS, guess_kind
from coffeechat.method.importers.values import (
    clean,
    is_linkedin,
    join_location,
    linkedin_url,
    split_name,
)

EXPECTED = "a vCard (.vcf) file"
_DROPPED = {"PHOTO", "LOGO", "SOUND", "KEY"}
# Properties whose commas separate values (vobject splits them into lists).
_LISTS = {"N", "ADR", "ORG", "CATEGORIES", "NICKNAME", "GEO", "CLIENTPIDMAP", "GENDER"}
_LINES = re.compile(r"\r\n|\r|\n")
_CONTENT_LINE = re.compile(r'^((?:[^:"]|"[^"]*")*):(.*)$', re.DOTALL)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_BINARY = re.compile(r"ENCODING=B|BASE64", re.IGNORECASE)
_LONG_VALUE = 4096  # characters; longer single values bypass vobject's parsing (see _prepared)
_QP_PARAMS = re.compile(r";(?:ENCODING=)?QUOTED-PRINTABLE|;CHARSET=[^;:]*", re.IGNORECASE)


def parse_vcard(text: str, filename: str = "contacts.vcf") -> ParseResult:
    result = ParseResult("vcard", filename)
    found = False
    for line, card_lines in _cards(_LINES.split(text)):
        found = True
        long_values: dict[str, str] = {}
        try:
            unfolded = _logical_lines(card_lines, long_values)
            card: Component = vobject.readOne("\r\n".join(unfolded) + "\r\n")
            _restore_long_values(card, long_values)
            contact = _contact(card, line)
        except RecursionError:
            result.problems.append(RowIssue(line, "this card holds cards nested too deeply"))
            continue
        except Exception as error:  # vobject raises many kinds; the card is what matters
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            result.problems.append(RowIssue(line, f"this card cannot be read ({reason})"))
            continue
        result.add(contact)
    if not found:
        _refuse(text, filename)
    return result


def _refuse(text: str, filename: str) -> None:
    other = guess_kind(text, "vcard")
    if other:
        raise ImportFileError(
            f"{filename} is not a vCard file: it looks like a CSV export from "
            f"{KIND_LABELS[other]}. Choose “{KIND_LABELS[other]}” as the kind of file."
        )
    raise ImportFileError(
        f"{filename} has no contact cards in it (no BEGIN:VCARD line): is it {EXPECTED}? "
        "Export your contacts as vCard from your address book (Apple Contacts: File > Export "
        "> Export vCard; Google Contacts: Export > vCard)."
    )


def _cards(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """(line of BEGIN:VCARD, the card's lines) for each card; a card cut short ends the file."""
    start, depth = 0, 0
    card: list[str] = []
    for number, line in enumerate(lines, 1):
        marker = line.strip().upper()
        if marker == "BEGIN:VCARD":
            depth += 1
            if depth == 1:
                start, card = number, []
        if depth:
            card.append(line)
        if marker == "END:VCARD" and depth:
            depth -= 1
            if depth == 0:
                yield start, card
    if depth:
        yield start, [*card, "END:VCARD"]


def _head(line: str) -> str:
    """The property name and parameters of a content line, upper case."""
    return line.split(":", 1)[0].upper()


def _logical_lines(lines: list[str], long_values: dict[str, str]) -> list[str]:
    """The card's content lines, unfolded. Each logical line is kept as a list of its pieces and
    joined once at the end: growing one string per physical line copies it every time, and a
    7 MB note folded into 100,000 lines took a minute that way."""
    logical: list[list[str]] = []
    head: str | None = None  # the line's name and parameters, upper case, once its colon is read
    soft_break = in_base64 = False
    for line in lines:
        if soft_break:
            _drop_soft_break(logical[-1])
            logical[-1].append(line)
        elif line[:1] in (" ", "\t") and logical:
            logical[-1].append(line[1:])
        elif not line.strip():
            in_base64 = False
            continue
        elif in_base64 and ":" not in line:  # 2.1 base64 continued without indentation
            logical[-1].append(line.strip())
        else:
            logical.append([line])
            head = None
        if head is None and ":" in logical[-1][-1]:
            # Read once per logical line: the parameters may be folded too (rarely), so the
            # pieces up to the first colon are joined, never the value after it.
            pieces = logical[-1]
            head = ("".join(pieces[:-1]) + pieces[-1].partition(":")[0]).upper()
        known = head or ""
        soft_break = "QUOTED-PRINTABLE" in known and _ends_with(logical[-1], "=")
        in_base64 = "BASE64" in known or "ENCODING=B" in known
    joined = ("".join(pieces) for pieces in logical)
    return [_prepared(line, long_values) for line in joined if _property(line) not in _DROPPED]


def _ends_with(pieces: list[str], suffix: str) -> bool:
    last = next((piece for piece in reversed(pieces) if piece), "")
    return last.endswith(suffix)


def _drop_soft_break(pieces: list[str]) -> None:
    """Remove the "=" that ends a quoted-printable line continued on the next one."""
    for at in range(len(pieces) - 1, -1, -1):
        if pieces[at]:
            pieces[at] = pieces[at][:-1]
            return


def _property(line: str) -> str:
    return _head(line).split(";", 1)[0].rsplit(".", 1)[-1]


def _prepared(line: str, long_values: dict[str, str]) -> str:
    match = _CONTENT_LINE.match(line)
    if not match:
        return line  # vobject reports it
    head, value = match.groups()
    single = _property(head) not in _LISTS
    if "QUOTED-PRINTABLE" in head.upper():
        # Decoded here, the value is plain text again: escape it as 3.0 text for vobject.
        value = _from_quoted_printable(value, head)
        if single:
            value = value.replace("\\", "\\\\")
        value = re.sub(r"\r\n|\r|\n", r"\\n", value)
        head = _QP_PARAMS.sub("", head)
    if single and len(value) > _LONG_VALUE and not _BINARY.search(head):
        # vobject reads a value one character at a time, twice (seconds for a note of a few
        # megabytes): it gets a stand-in, and the value is unescaped here in one pass.
        stand_in = f"coffeechat-long-value-{len(long_values)}"
        long_values[stand_in] = _unescaped(value)
        return f"{head}:{stand_in}"
    return f"{head}:{_escape_commas(value) if single else value}"


def _unescaped(value: str) -> str:
    """3.0 text unescaped: \\n is a new line, \\, \\; and \\\\ the character itself."""
    return _ESCAPE.sub(lambda match: "\n" if match.group(1) in "nN" else match.group(1), value)


def _restore_long_values(card: Component, long_values: dict[str, str]) -> None:
    if not long_values:
        return
    for lines in card.contents.values():
        for line in lines:
            if isinstance(line, ContentLine) and isinstance(line.value, str):
                line.value = long_values.get(line.value, line.value)


def _from_quoted_printable(value: str, head: str) -> str:
    charset = re.search(r"CHARSET=([^;:]+)", head, re.IGNORECASE)
    raw = quopri.decodestring(value.encode("latin-1", "replace"))
    try:
        return raw.decode(charset.group(1).strip('"') if charset else "utf-8")
    except (LookupError, UnicodeDecodeError):
        return raw.decode("utf-8", "replace")


_BARE_COMMA = re.compile(r"(\\.)|,", re.DOTALL)


def _escape_commas(value: str) -> str:
    """Escape every comma not already escaped (one regex pass: a Python loop over each
    character took seconds on a note of a few megabytes)."""
    return _BARE_COMMA.sub(lambda match: match.group(1) or "\\,", value)


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        return clean(" ".join(str(part) for part in value if part))
    return clean(str(value)) if value else ""


def _lines(card: Component, name: str) -> list[ContentLine]:
    """The card's content lines of that name (a vCard nests no components)."""
    return [line for line in card.contents.get(name, []) if isinstance(line, ContentLine)]


def _preferred(lines: list[ContentLine]) -> list[ContentLine]:
    """Content lines with TYPE=PREF (3.0) or the lowest PREF=n (4.0) first."""

    def rank(line: ContentLine) -> int:
        params = {key.upper(): [str(v).upper() for v in vs] for key, vs in line.params.items()}
        if "PREF" in params.get("TYPE", []) or "PREF" in getattr(line, "singletonparams", []):
            return 0
        pref = params.get("PREF", [""])[0]
        return int(pref) if pref.isdigit() else 101

    return sorted(lines, key=rank)


def _values(card: Component, name: str) -> list[str]:
    lines = _preferred(_lines(card, name))
    values = (_text(line.value) for line in lines)
    return [value.removeprefix("tel:").removeprefix("mailto:") for value in values if value]


def _contact(card: Component, line: int) -> ImportedContact:
    name = _name(card)
    emails = _values(card, "email")
    urls = _values(card, "url") + _values(card, "x-socialprofile")
    organization = _first_value(card, "org")
    if isinstance(organization, list):  # ORG:name;unit;sub-unit
        organization = organization[0] if organization else ""
    address = _first_value(card, "adr")
    return ImportedContact(
        line=line,
        first_name=name.given,
        last_name=name.family,
        honorific=name.prefix,
        middle_name=name.additional,
        suffix=name.suffix,
        email=emails[0] if emails else "",
        other_emails=tuple(emails[1:]),
        phone=next(iter(_values(card, "tel")), ""),
        linkedin_url=next((linkedin_url(url) for url in urls if is_linkedin(url)), ""),
        organization=_text(organization),
        role=next(iter(_values(card, "title") + _values(card, "role")), ""),
        location=join_location(
            _text(getattr(address, "city", "")),
            _text(getattr(address, "region", "")),
            _text(getattr(address, "country", "")),
        ),
        notes="\n\n".join(_values(card, "note")),
        labels=_labels(card),
        goes_by=next(iter(_nicknames(card)), ""),
    )


def _first_value(card: Component, name: str) -> object:
    lines = _lines(card, name)
    return lines[0].value if lines else None


def _labels(card: Component) -> tuple[str, ...]:
    labels: list[str] = []
    for line in _lines(card, "categories"):
        values = line.value if isinstance(line.value, list) else str(line.value).split(",")
        labels.extend(clean(value) for value in values if clean(value))
    return tuple(labels)


def _nicknames(card: Component) -> list[str]:
    """NICKNAME's values, the preferred first (a list: "Johnny,JQ")."""
    found: list[str] = []
    for line in _preferred(_lines(card, "nickname")):
        values = line.value if isinstance(line.value, list) else [line.value]
        found.extend(clean(str(value)) for value in values if clean(str(value)))
    return found


class _Name(NamedTuple):
    given: str
    family: str
    additional: str = ""
    prefix: str = ""
    suffix: str = ""


def _name(card: Component) -> _Name:
    """N is family;given;additional;prefix;suffix, each of which may hold several values
    separated by commas ("Jr.,PhD"). Without N, FN is split where that is safe
    (method/names.py), a CJK name kept in its order."""
    if names := _lines(card, "n"):
        name: object = names[0].value
        parts = (
            _text(getattr(name, part, ""))
            for part in ("given", "family", "additional", "prefix", "suffix")
        )
        found = _Name(*parts)
        if found.given or found.family:
            return found
    full_names = _lines(card, "fn")
    full = _text(full_names[0].value) if full_names else ""
    if "@" in full:  # some phones put the address where the name belongs
        return _Name("", "")
    return _Name(*split_name(full))
