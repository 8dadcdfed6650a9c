"""Which encodings an import reads, and the clear refusal for the ones it would garble."""

# Typographic quotes and dashes are what these files hold: ruff must not take them for typos.
# ruff: noqa: RUF001

from __future__ import annotations

import codecs

import pytest

from coffeechat.method.importers import ImportFileError, decode, parse

HEADER = "First Name,Last Name,E-mail Address,Company,Job Title,Notes\r\n"


def outlook(rows: list[str], encoding: str) -> bytes:
    return (HEADER + "".join(f"{row}\r\n" for row in rows)).encode(encoding)


def refusal(data: bytes, name: str = "contacts.csv") -> str:
    with pytest.raises(ImportFileError) as refused:
        decode(data, name)
    return str(refused.value)


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
)
def test_unicode_files_read_the_same_in_every_unicode_encoding(encoding):
    rows = ["Zoë,Ørsted,,Københavns Universitet,Lektor,“Café” — 8 h", "太郎,山田,,東京大学,教授,"]
    data = outlook(rows, encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    [zoe, taro] = parse("outlook", data, "contacts.csv").rows
    assert (zoe.full_name, zoe.organization, zoe.notes) == (
        "Zoë Ørsted", "Københavns Universitet", "“Café” — 8 h",
    )  # fmt: skip
    assert (taro.full_name, taro.organization) == ("山田太郎", "東京大学")


def test_a_utf8_file_with_one_stray_latin1_byte_is_refused_naming_its_line():
    good = "Zoë,Müller,,Climate Partners,CFO,\r\nJosé,Ñuñez,,Energía,Analyst,\r\n".encode()
    data = HEADER.encode() + good + b"Ren\xe9,Dubois,,Acme,CEO,\r\n" + good

    message = refusal(data)

    assert message == (
        "contacts.csv is UTF-8 except for line 4, where a character is in another encoding "
        "(pasted from another program, perhaps). Open it in a spreadsheet or text editor, save "
        "it as UTF-8 (in Excel: “CSV UTF-8”) and upload that file."
    )


def test_stray_bytes_on_several_lines_are_all_named():
    lines = [HEADER.encode(), "Zoë,Müller,,,,\r\n".encode() * 3]
    lines += [b"Ren\xe9,,,,,\r\n", b"ok,,,,,\r\n", b"Fran\xe7ois,,,,,\r\n", b"G\xfcnter,,,,,\r\n"]
    lines += [b"J\xf6rg,,,,,\r\n", "Åsa,Öberg,,,,\r\n".encode() * 2]

    assert "except for lines 5, 7, 8 and 1 more, where" in refusal(b"".join(lines))
    assert "except for lines 5 and 6, where" in refusal(
        HEADER.encode() + "Zoë,,,,,\r\n".encode() * 3 + b"\xe9,,,,,\r\n\xe9,,,,,\r\n"
    )


def test_a_utf8_file_with_a_byte_order_mark_and_a_stray_byte_is_refused_too():
    data = codecs.BOM_UTF8 + HEADER.encode() + "Zoë,,,,,\r\n".encode() + b"Ren\xe9,,,,,\r\n"
    assert refusal(data).startswith("contacts.csv is UTF-8 except for line 3, where")


def test_utf8_mojibake_among_latin1_bytes_is_not_taken_for_western_text():
    # A few names pasted as UTF-8 into a file of Latin-1 accents: cp1252 would read "ZoÃ«".
    data = outlook(["Zoë,,,,,"], "utf-8") + outlook(
        ["Fran\xe7ois,Lef\xe8vre,,Soci\xe9t\xe9,,"] * 3, "latin-1"
    )
    assert "is UTF-8 except for lines" in refusal(data)


@pytest.mark.parametrize(
    "rows",
    [
        ["François,Lefèvre,,Société Générale d'Énergie,Directeur,Café à 8 h — très sympa"],
        ["Jürgen,Groß,,Bäckerei Müller,Meister,„Gut“"],
        ["João,Conceição,,Ação Social,Coordenação,São Paulo"],
        ["Þórunn,Guðmundsdóttir,,Háskóli Íslands,Prófessor,Reykjavík"],
        ["Søren,Kierkegaard,,Københavns Universitet,Ærø,Åsa Öberg"],
        ["Siobhán,Ó Súilleabháin,,O’Brien & Co,Head – Sales…,“quoted”"],
        ["José,Ñuñez,,Compañía,¿Qué tal?,€ 5 000 · £3"],
        ["MARIE,DUPRÉ,,SOCIÉTÉ GÉNÉRALE,CAFÉ,naïve Zoë œuvre Œuvre"],
        ["Niccolò,Rossi,,Università,Col·legi,d’Artagnan ½ 2°"],
        ["François,Dupont,,Acme,CEO,"],
    ],
)
def test_a_genuine_western_file_is_read_as_windows_western(rows):
    data = outlook(rows, "cp1252")
    [row] = parse("outlook", data, "contacts.csv").rows
    assert (
        ",".join([row.first_name, row.last_name, "", row.organization, row.role, row.notes])
        == (rows[0])
    )


@pytest.mark.parametrize(
    ("encoding", "rows"),
    [
        ("shift_jis", ["山田,太郎,,株式会社サンプル,営業部長,", "鈴木,花子,,東京大学,教授,さくら"]),
        ("shift_jis", ["山田,太郎,,Acme,,"]),
        ("cp932", ["タナカ,ハナコ,,ソニー,,"]),
        ("euc_jp", ["山田,太郎,,株式会社,部長,"]),
        ("gb18030", ["李,小龍,,北京大学,教授,", "王,芳,,清华大学,研究员,"]),
        ("big5", ["陳,大文,,台灣大學,教授,"]),
        ("euc-kr", ["김,민준,,삼성전자,과장,"]),
        ("cp1251", ["Иван,Петров,,Газпром,Инженер,"]),
        ("cp1253", ["Γιάννης,Παπαδόπουλος,,ΔΕΗ,,"]),
        ("cp1256", ["محمد,علي,,Acme,,"]),
        ("cp1250", ["Łukasz,Wójcik,,Łódź,,"]),
    ],
)
def test_a_file_in_another_encoding_is_refused_not_garbled(encoding, rows):
    data = outlook(rows, encoding)
    assert refusal(data) == (
        "contacts.csv is not in UTF-8, nor in the Western European encoding (Windows-1252) "
        "older programs use: it may be in a Japanese, Chinese, Korean, Cyrillic or other "
        "encoding, which would come out garbled. Open it in a spreadsheet or text editor, save "
        "it as UTF-8 (in Excel: “CSV UTF-8”) and upload that file."
    )


def test_the_shift_jis_name_that_used_to_come_out_garbled():
    # 山田 read as cp1252 is "ŽR“c": the import refuses rather than store that.
    data = outlook(["山田,太郎,,Acme,,"], "shift_jis")
    assert data.split(b"\r\n")[1].decode("cp1252").startswith("ŽR“c")
    with pytest.raises(ImportFileError, match="is not in UTF-8"):
        parse("outlook", data, "contacts.csv")


def test_binary_data_that_is_not_utf8_is_called_not_text_rather_than_an_encoding():
    data = bytes(range(1, 256)) * 20
    assert refusal(data, "photo.csv") == (
        "photo.csv is not a text file. Choose the CSV or .vcf file you exported."
    )
