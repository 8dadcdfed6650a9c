"""Spreadsheet-safe cells: formulas neutralised with a quote, and exactly undone."""

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coffeechat.method.spreadsheet import neutralise, neutralise_row, unneutralise


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("'quoted", "''quoted"),
        ("'", "''"),
    ],
)  # fmt: skip
def test_a_cell_a_spreadsheet_could_evaluate_gets_a_quote_in_front(value, cell):
    assert neutralise(value) == cell
    assert unneutralise(cell) == value


@pytest.mark.parametrize("value", ["", "Priya", "a=b", "x-1", " =1", "\n=1", "Zoë ☕", '"q"'])
def test_an_ordinary_cell_is_left_as_it_is(value):
    assert neutralise(value) == value
    assert unneutralise(value) == value


def test_a_cell_from_elsewhere_with_one_leading_quote_is_left_alone_on_the_way_in():
    # Only a quote we could have added (one before a formula character) is taken away.
    assert unneutralise("'tis the season") == "'tis the season"


def test_a_row_becomes_text_cells_with_none_as_empty():
    assert neutralise_row(["=1", None, 3, -1]) == ["'=1", "", "3", "'-1"]


@given(st.text())
def test_unneutralise_gives_back_every_value_exactly(value):
    assert unneutralise(neutralise(value)) == value


@given(st.lists(st.lists(st.text(), min_size=1, max_size=5), min_size=1, max_size=5))
def test_values_survive_a_csv_file_and_back(rows):
    out = io.StringIO()
    csv.writer(out).writerows(neutralise_row(row) for row in rows)

    parsed = list(csv.reader(io.StringIO(out.getvalue(), newline="")))

    assert [[unneutralise(cell) for cell in row] for row in parsed] == rows
