"""The search box's query language, without a database: what is parsed, what each engine gets,
and which words are highlighted."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from coffeechat.method.search_query import (
    START,
    STOP,
    Phrase,
    fold,
    highlight,
    parse,
    to_fts5,
    to_tsquery,
)


def marked(text: str) -> list[str]:
    return re.findall(f"{START}(.*?){STOP}", text)


def test_bare_words_are_prefixes_quoted_phrases_are_exact_and_minus_excludes():
    query = parse('Zoë "supply chain" -intern -"night shift"')
    assert query.include == (Phrase(("zoë",), True), Phrase(("supply", "chain"), False))
    assert query.exclude == (Phrase(("intern",), True), Phrase(("night", "shift"), False))


def test_each_engine_gets_only_quoted_words():
    query = parse('Zoë "supply chain" -intern')
    assert to_fts5(query) == '("zoë" * AND "supply chain") NOT ("intern" *)'
    assert to_tsquery(query) == "('zoë':*) & ('supply' <-> 'chain') & !('intern':*)"


def test_punctuation_splits_words_as_the_indexes_do():
    assert parse("o'brien").include == (Phrase(("o", "brien"), True),)
    assert parse("zh@rush.example").include == (Phrase(("zh", "rush", "example"), True),)


def test_only_exclusions_or_only_punctuation_is_an_empty_query():
    assert parse("-intern").is_empty
    assert parse('" * ( ) -').is_empty
    assert to_fts5(parse("-x")) == "" and to_tsquery(parse("-x")) == ""


@given(st.text())
def test_any_text_gives_words_of_letters_and_digits_only(text):
    query = parse(text)
    for phrase in query.include + query.exclude:
        assert all(re.fullmatch(r"[^\W_]+", word) for word in phrase.words)


def test_fold_drops_case_and_accents():
    assert fold("Hernández") == "hernandez"
    assert fold("ZOË") == "zoe"


def test_highlight_marks_prefixes_whatever_their_accents():
    text = highlight("Met Zoë Hernández at UIC", parse("zoe hern"))
    assert marked(text) == ["Zoë", "Hernández"]


def test_highlight_marks_a_phrase_only_where_its_words_follow_each_other():
    text = highlight("supply and chain; supply chain", parse('"supply chain"'))
    assert marked(text) == ["supply", "chain"]
    assert text.endswith(f"{START}supply{STOP} {START}chain{STOP}")


def test_a_snippet_is_a_passage_around_the_first_match():
    words = [f"w{n}" for n in range(100)]
    words[60] = "nursing"
    text = highlight(" ".join(words), parse("nurs"), words=12)
    assert text.startswith("…") and text.endswith("…")
    assert marked(text) == ["nursing"]
    assert len(text.split()) == 12
