"""Turning an uploaded file into text, or saying clearly why it is not one we can read.

UTF-8 (with or without the byte-order mark Excel adds) and UTF-16 with a byte-order mark (what
"Unicode Text" saves) are read as such; a file that is not valid UTF-8 is taken for Windows'
Western encoding (cp1252, a superset of Latin-1), which is what older Outlook versions write.
"""

from __future__ import annotations

import codecs

from .model import ImportFileError

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
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v", "\x1a"}  # \x1a: DOS end-of-file mark


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
    sample = text[:20_000]
    controls = sum(1 for char in sample if char < " " and char not in _ALLOWED_CONTROLS)
    if controls > len(sample) // 100:
        raise ImportFileError(_not_text(filename))
    return without_nul(text)


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
                    f"{filename} says it is {encoding.upper().removesuffix('-SIG')} "
                    "but is not. Export it again, choosing UTF-8."
                ) from None
    if b"\x00" in data[:1000]:
        return _utf16_without_bom(data, filename)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


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
