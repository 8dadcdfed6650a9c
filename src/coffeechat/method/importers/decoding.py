"""Turning an uploaded file into text, or saying clearly why it is not one we can read.

UTF-8 (with or without the byte-order mark Excel adds) and UTF-16 (what "Unicode Text" saves)
are read as such. A file that is not valid UTF-8 is one of three things:

- UTF-8 with a few stray bytes (a name pasted from an older program): refused, naming the
  lines, because reading it any other way would garble every other accented letter;
- Windows' Western encoding (cp1252, a superset of Latin-1), which older Outlook versions and
  "CSV (Comma delimited)" in Excel write: read as such when its accented letters look like
  Western European writing;
- anything else (Shift-JIS, GB18030, Big5, EUC-KR, Cyrillic or Greek code pages): refused,
  rather than imported as "ŽR“c" for 山田.
"""

from __future__ import annotations

import codecs
import re

from coffeechat.method.importers.model import ImportFileError

# (leading bytes, what the file is, what to do instead)
_NOT_TEXT = (
    (b"\x89PNG", "a PNG image", "Choose the exported CSV or .vcf file."),
    (b"\xff\xd8\xff", "a JPEG image", "Choose the exported CSV or .vcf file."),
    (b"GIF8", "a GIF image", "Choose the exported CSV or .vcf file."),
    (b"%PDF", "a PDF document", "Choose the exported CSV or .vcf file."),
    (
        b"PK\x03\x04",
        "a ZIP archive (or an Excel workbook)",
        "Unzip LinkedIn's archive and choose Connections.csv from it; save a workbook as CSV "
        "(UTF-8) first.",
    ),
    (
        b"\xd0\xcf\x11\xe0",
        "an old Excel or Outlook file",
        "Save or export it as CSV (comma separated values) first.",
    ),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v", "\x1a"}  # \x1a: DOS end-of-file mark
SAVE_AS_UTF8 = (
    "Open it in a spreadsheet or text editor, save it as UTF-8 (in Excel: “CSV UTF-8”) and "
    "upload that file."
)

# A byte that is not UTF-8, kept by "surrogateescape" as a lone surrogate we can find.
_STRAY_BYTE = re.compile("[\udc80-\udcff]")
# What real UTF-8 from Western writing decodes to: accented letters, typographic quotes and
# dashes, the euro. Bytes of a cp1252 file form such a character only as mojibake ("Ã«").
_WESTERN_UTF8 = re.compile("[\u00c0-\u017f\u2010-\u2030\u20ac]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# cp1252 marks that Western text uses beside its letters (no-break space, soft hyphen, quotes,
# dashes, ellipsis, bullet, currencies, guillemets, degree, (c), (R), TM, middle dot, section,
# inverted ! and ?, times, one half, squared); other symbols (¾ ¤ ¹ ±) and the rare letters
# and marks of _RARE (circumflex, per mille, angle quotes, tilde, f-hook, Y-diaeresis) are what
# a multi-byte encoding read as cp1252 is full of.
_WESTERN_MARKS = frozenset(
    b"\xa0\xad\x91\x92\x93\x94\x82\x84\x96\x97\x85\x95\x80\xa3\xa5\xa2\xab\xbb\xb0\xa9\xae\x99"
    b"\xb7\xa7\xa1\xbf\xd7\xbd\xb2".decode("cp1252")
)
_RARE = frozenset(b"\x88\x89\x8b\x9b\x98\x83\x9f".decode("cp1252"))
_CURRENCY = frozenset("€£¥¢")
_SAMPLE = 200_000  # characters of a cp1252 file judged (a big file repeats itself)


def decode(data: bytes, filename: str) -> str:
    """The file's text; ImportFileError if it is empty, binary or undecodable."""
    for magic, what, advice in _NOT_TEXT:
        if data.startswith(magic):
            raise ImportFileError(f"{filename} is {what}, not a contacts export. {advice}")
    text = _text(data, filename)
    if not text.strip():
        raise ImportFileError(
            f"{filename} is empty. Export your contacts again and choose the downloaded file."
        )
    if _mostly_controls(text):
        raise ImportFileError(_not_text(filename))
    return without_nul(text)


def _mostly_controls(text: str) -> bool:
    sample = text[:20_000]
    controls = sum(1 for char in sample if char < " " and char not in _ALLOWED_CONTROLS)
    return controls > len(sample) // 100


def without_nul(text: str) -> str:
    """NUL never means anything in an export, and PostgreSQL refuses to store it."""
    return text.replace("\x00", "") if "\x00" in text else text


def _text(data: bytes, filename: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ImportFileError(
                    f"{filename} says it is {encoding.upper()} but is not. Export it again, "
                    "choosing UTF-8."
                ) from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise ImportFileError(_stray_bytes(data, filename)) from None
    if b"\x00" in data[:1000]:
        return _utf16_without_bom(data, filename)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_controls(data[:20_000].decode("latin-1")):
        raise ImportFileError(_not_text(filename))  # binary: say so, not "wrong encoding"
    mixed = data.decode("utf-8", "surrogateescape")
    if _mostly_utf8(mixed):
        raise ImportFileError(_stray_bytes(data, filename, mixed))
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined: not Western text
        raise ImportFileError(_unknown_encoding(filename)) from None
    if not _reads_as_western(text[:_SAMPLE]):
        raise ImportFileError(_unknown_encoding(filename))
    return text


def _mostly_utf8(mixed: str) -> bool:
    """Whether text decoded with "surrogateescape" is UTF-8 with a few stray bytes.

    Only UTF-8 characters standing among plain ASCII count: a legacy multi-byte file forms
    one now and then by chance, next to its stray bytes. Accented letters in UTF-8 are enough
    on their own, since a cp1252 file would need mojibake ("Ã«") to contain them.
    """
    stray = utf8 = 0
    for run in _NON_ASCII_RUN.findall(mixed):
        bad = len(_STRAY_BYTE.findall(run))
        if bad:
            stray += bad
            continue
        if _WESTERN_UTF8.search(run):
            return True
        utf8 += len(run)
    return utf8 >= stray


def _reads_as_western(text: str) -> bool:
    """Whether the non-ASCII characters of cp1252-decoded text look like Western writing.

    Western words have an accented letter or two among plain ones ("Müller", "São"); a
    multi-byte encoding read as cp1252 gives runs of symbols and odd letters ("ŽR“c", "Àî").
    """
    odd = total = 0
    for match in _NON_ASCII_RUN.finditer(text):
        run = match.group()
        total += len(run)
        start, end = match.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        alone = not before.isalnum() and not after.isalnum()
        if len(run) >= 3 or (len(run) == 2 and alone and any(c.isalpha() for c in run)):
            odd += len(run)
            continue
        for char in run:
            if char in _CURRENCY and after.isalpha() and char == run[-1]:
                odd += 1  # "£ukasz": a currency sign before a letter is a letter misread
            elif char in _WESTERN_MARKS:
                pass
            elif not char.isalpha() or char in _RARE:
                odd += 1
            elif char.isupper() and before.islower():
                odd += 1  # "SociŽtŽ"
            before = char
    return odd * 4 <= total


def _stray_bytes(data: bytes, filename: str, mixed: str | None = None) -> str:
    if mixed is None:
        mixed = data.decode("utf-8", "surrogateescape")
    lines: list[int] = []
    for match in _STRAY_BYTE.finditer(mixed):
        line = mixed.count("\n", 0, match.start()) + 1
        if not lines or lines[-1] != line:
            lines.append(line)
    shown = ", ".join(str(line) for line in lines[:3])
    if len(lines) == 1:
        where = f"line {shown}"
    elif len(lines) <= 3:
        where = f"lines {shown.rsplit(', ', 1)[0]} and {lines[-1]}"
    else:
        where = f"lines {shown} and {len(lines) - 3} more"
    return (
        f"{filename} is UTF-8 except for {where}, where a character is in another encoding "
        f"(pasted from another program, perhaps). {SAVE_AS_UTF8}"
    )


def _unknown_encoding(filename: str) -> str:
    return (
        f"{filename} is not in UTF-8, nor in the Western European encoding (Windows-1252) "
        "older programs use: it may be in a Japanese, Chinese, Korean, Cyrillic or other "
        f"encoding, which would come out garbled. {SAVE_AS_UTF8}"
    )


def _utf16_without_bom(data: bytes, filename: str) -> str:
    """UTF-16 text of Latin letters has a zero in every other byte; anything else is binary."""
    head = data[:1000]
    even_zeros, odd_zeros = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    for zeros, encoding in ((odd_zeros, "utf-16-le"), (even_zeros, "utf-16-be")):
        if zeros > half * 0.6:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    raise ImportFileError(_not_text(filename))


def _not_text(filename: str) -> str:
    return f"{filename} is not a text file. Choose the CSV or .vcf file you exported."
