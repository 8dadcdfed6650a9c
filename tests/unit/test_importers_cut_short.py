"""Files cut short are refused, naming the line, or read without their unfinished last record;
a long folded vCard note reads the same by the fast path (bench/importers.py times it)."""

from __future__ import annotations

import pytest

from coffeechat.method.importers import CutShortError, ImportFileError, parse

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
ROW = "Ann{n},Lee,https://www.linkedin.com/in/ann{n},,Acme,Engineer,12 Mar 2024\n"
LINKEDIN = HEADER + "".join(ROW.format(n=n) for n in range(100))
CUT_CSV = LINKEDIN + 'Bob,"LastX unterminated quote,https://x\n'
CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\nEND:VCARD\r\n"


def test_a_csv_that_ends_inside_a_quoted_field_is_refused_naming_its_line():
    with pytest.raises(CutShortError) as refused:
        parse("linkedin", CUT_CSV.encode(), "Connections.csv")
    assert refused.value.line == 102
    assert "Connections.csv ends in the middle of the row that starts on line 102" in str(
        refused.value
    )
    assert "cut short" in str(refused.value)


def test_the_complete_rows_of_a_cut_csv_can_be_imported_the_cut_one_reported():
    result = parse("linkedin", CUT_CSV.encode(), "Connections.csv", complete_only=True)
    assert len(result.rows) == 100
    assert all("unterminated" not in row.last_name for row in result.rows)
    assert [issue.line for issue in result.skipped] == [102]
    assert "ends in the middle of this row" in result.skipped[0].reason


@pytest.mark.parametrize(
    "text",
    [
        LINKEDIN,
        LINKEDIN + 'Cy,"Multi\nline ""quoted"" name",https://www.linkedin.com/in/cy,,,,\n',
        LINKEDIN + 'Dan,O"Brien,https://www.linkedin.com/in/dan,,,,\n',  # a stray quote
        LINKEDIN.rstrip("\n"),  # no newline at the end is not a cut
    ],
)
def test_whole_csv_files_are_read_as_they_are(text):
    result = parse("linkedin", text.encode(), "Connections.csv")
    assert len(result.rows) >= 100
    assert not result.skipped


def test_a_vcard_whose_last_card_has_no_end_is_refused_or_read_without_it():
    text = CARD * 3 + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half Card\r\n"
    with pytest.raises(CutShortError) as refused:
        parse("vcard", text.encode(), "contacts.vcf")
    assert refused.value.line == 16
    assert "contacts.vcf ends in the middle of the card that starts on line 16" in str(
        refused.value
    )
    result = parse("vcard", text.encode(), "contacts.vcf", complete_only=True)
    assert [row.full_name for row in result.rows] == ["Ann Lee"] * 3
    assert [issue.line for issue in result.skipped] == [16]


def test_a_single_cut_card_leaves_nothing_to_import_and_says_so():
    with pytest.raises(ImportFileError, match="holds one card, which is cut short"):
        parse("vcard", b"BEGIN:VCARD\r\nFN:Half\r\n", "one.vcf", complete_only=True)


def folded_note(lines: int) -> str:
    body = "\r\n ".join("x, y \\n z" + "w" * 60 for _ in range(lines))
    return f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nNOTE:{body}\r\nEND:VCARD\r\n"


def test_a_long_folded_note_reads_the_same_as_through_vobject():
    short, long = (
        parse("vcard", folded_note(2).encode(), "a.vcf"),
        parse("vcard", folded_note(500).encode(), "b.vcf"),
    )
    piece = "x, y \n z" + "w" * 60
    assert short.rows[0].notes == piece * 2
    assert long.rows[0].notes == piece * 500


def test_a_card_nesting_cards_deeply_is_one_clear_problem():
    nested = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\n" * 1200 + "END:VCARD\r\n" * 1200
    result = parse("vcard", (CARD + nested).encode(), "deep.vcf")
    assert [row.full_name for row in result.rows] == ["Ann Lee"]
    assert [str(issue) for issue in result.problems] == [
        "line 6: this card holds cards nested too deeply"
    ]


def test_a_file_of_more_people_than_one_import_takes_is_refused_before_reading(monkeypatch):
    import coffeechat.method.importers as importers

    monkeypatch.setattr(importers, "MAX_RECORDS", 50)
    with pytest.raises(ImportFileError, match=r"many\.vcf holds 60 cards; .* up to 50 people"):
        parse("vcard", (CARD * 60).encode(), "many.vcf")
    with pytest.raises(ImportFileError, match=r"C\.csv holds 202 lines; .* up to 50 people"):
        parse("linkedin", (LINKEDIN * 2).encode(), "C.csv")
    assert len(parse("vcard", (CARD * 50).encode(), "ok.vcf").rows) == 50
