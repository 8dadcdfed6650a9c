"""Writing to a person: greet them by their name, and talk about them more than yourself."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from coffeechat.method.checker.draft import Draft
from coffeechat.method.checker.model import Finding, problem, quoted, suggestion
from coffeechat.method.checker.names import SHORT_FORMS
from coffeechat.method.checker.text import I_FORMS, normal
from coffeechat.method.names import is_family_first, shown_name

_TITLE = re.compile(r"^(?:dr|mr|mrs|ms|mx|prof|professor|sir|dame)\.?$", re.IGNORECASE)
# Any of these in a greeting means it names a role or a crowd, not a person.
_NOBODY = {
    "there", "all", "everyone", "everybody", "team", "manager", "managers", "recruiter",
    "department", "committee", "staff", "office", "colleagues", "folks", "friend", "friends",
    "sir", "madam", "or", "hiring", "hr", "whom", "concern", "reader", "you",
}  # fmt: skip
_UNFILLED_MARKS = set("{}[]<>%|_")
_WORD = re.compile(r"[^\W\d_][\w'\u2019]*")
_WRITER = I_FORMS | {"me", "my", "mine", "myself"}
_READER = {"you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll"}
# "More than half of at least three sentences" start with I before the habit is worth a word.
MIN_SENTENCES = 3

WRONG_NAME = "The greeting says {greeting} but you're writing to {first_name}."
WRONG_NAME_GOES_BY = (
    "The greeting says {greeting} but you're writing to {first_name}, who goes by {goes_by}."
)
WRONG_TITLE = "The greeting says {greeting} but they are {formal}: use the title they use."
WRONG_SURNAME = "The greeting says {greeting} but you're writing to {full_name}."
SHORT_NAME = (
    "The greeting says {greeting}, a short form of {first_name}: "
    "fine if they sign that way, otherwise use the name they gave."
)
NO_NAME = "{greeting} names nobody: greet them by name."
ABOUT_ME_WORDS = (
    "Mostly about you ({writer} “I/me/my” to {reader} “you/your”): "
    "say why you're writing to them in particular."
)
HALF_ABOUT_ME_WORDS = (
    "Only half about them ({writer} “I/me/my” to {reader} “you/your”): the stricter rules "
    "want more than half; say why you're writing to them in particular."
)
ABOUT_ME_STARTS = (
    "{count} of {total} sentences start with “I”: turn a few towards them (“Your work on…”)."
)
_MIN_PREFIX = 2


def check_greeting(draft: Draft) -> Iterator[Finding]:
    greeting = draft.greeting
    if greeting is None or _UNFILLED_MARKS & set(greeting.rest):
        return  # no greeting at all is fine in a LinkedIn note; fields are another rule
    words = greeting.rest.replace(".", " ").split()
    if not words or any(normal(word) in _NOBODY for word in words):
        yield suggestion("greeting-name", NO_NAME.format(greeting=quoted((greeting.text,))))
        return
    if _romanized(draft, words):
        return  # "Dear Mr. Kim" to 김민준: a romanization the checker cannot check
    if _TITLE.match(words[0]):
        yield from _check_title(draft, words[0], words[1:])
        return
    first_name = draft.first_name.strip()
    goes_by = _goes_by(draft)
    if not first_name and not goes_by:
        return
    full_name = shown_name(draft.first_name, draft.last_name)
    if any(_names(words, name) for name in (first_name, *goes_by, full_name) if name):
        return
    said = quoted((greeting.text,))
    called = first_name or goes_by[0]
    if is_family_first(full_name):  # never a CJK given name alone: "김민준", not "민준"
        called = full_name
    short = next(
        (word for word in words if any(_short_form(word, name) for name in (called, *goes_by))),
        None,
    )
    if short and not goes_by:
        message = SHORT_NAME.format(greeting=said, first_name=called)
        yield suggestion("greeting-name", message, (short.strip(",.!:;"),))
        return
    message = WRONG_NAME.format(greeting=said, first_name=called)
    if goes_by:
        # They told you what they go by: any other name, even a short form, is a guess.
        message = WRONG_NAME_GOES_BY.format(
            greeting=said, first_name=called, goes_by=" or ".join(quoted((n,)) for n in goes_by)
        )
    yield problem("greeting-name", message, (greeting.rest,))


def _romanized(draft: Draft, words: list[str]) -> bool:
    """A name stored in Hangul, Han or kana greeted in Latin letters ("Dear Mr. Kim", "Dear
    Minjun" to 김민준): the checker cannot tell a right romanization from a wrong one."""
    if not is_family_first(draft.first_name + draft.last_name):
        return False
    names = [word for word in words if not _TITLE.match(word)]
    return bool(names) and all(_plain(word).isascii() for word in names)


def _goes_by(draft: Draft) -> tuple[str, ...]:
    """Known names other than the given one and the formal forms: “Johnny” for John."""
    given = _plain(draft.first_name.split()[0]) if draft.first_name.split() else ""
    formal = {form.name for form in _formal_forms(draft)}
    family = _plain(draft.last_name)
    return tuple(
        name
        for name in draft.known_names
        if name not in formal
        and _plain(name.split()[0]) not in ("", given)
        and _plain(name) != family  # "Public" alone is how a formal greeting ends, not a name
    )


@dataclass(frozen=True)
class _Formal:
    name: str  # as given: "Dr. Public"
    title: str  # "dr"
    surname: str  # "public"


def _formal_forms(draft: Draft) -> list[_Formal]:
    """Each formal form they are known by: “Dr. Public”, “Prof Lee”."""
    forms = []
    for name in draft.known_names:
        title, *rest = name.replace(".", " ").split() or [""]
        if _TITLE.match(title) and rest:
            forms.append(_Formal(name, _title(title), _plain(rest[-1])))
    return forms


def _title(word: str) -> str:
    plain = _plain(word).rstrip(".")
    return "prof" if plain == "professor" else plain


# A title that may stand in for the one they use: a professor is also a doctor; "Ms" suits
# any woman who has not said "Mrs" or "Miss" is wrong.
_ALSO_FINE = {"dr": {"prof"}, "prof": {"dr"}, "mrs": {"ms"}, "miss": {"ms"}}


def _other_title(said: str, forms: list[_Formal]) -> str | None:
    """“Dr. Public” when the greeting says “Mr. Public” to someone known as a doctor."""
    if not forms or any(said == f.title or said in _ALSO_FINE.get(f.title, ()) for f in forms):
        return None
    return forms[0].name


def _check_title(draft: Draft, title: str, names: list[str]) -> Iterator[Finding]:
    """“Dear Ms. Patel” must name their surname (or, as some write, their first name)."""
    greeting = draft.greeting
    forms = _formal_forms(draft)
    surname = _plain(draft.last_name)
    if not names or greeting is None or not (surname or forms):
        return
    full = _plain(shown_name(draft.first_name, draft.last_name))
    parts = {surname, *surname.replace("-", " ").split(), *(form.surname for form in forms)}
    if is_family_first(full):  # "Mr. 김민준": the whole name, as it is written
        parts.add(full)
    said = quoted((greeting.text,))
    if any(_plain(word) in parts - {""} for word in names) or _names(names, draft.first_name):
        formal = _other_title(_title(title), forms)
        if formal:
            message = WRONG_TITLE.format(greeting=said, formal=quoted((formal,)))
            yield suggestion("greeting-name", message, (greeting.rest.split()[0],))
        return
    full_name = shown_name(draft.first_name, draft.last_name) or forms[0].name
    message = WRONG_SURNAME.format(greeting=said, full_name=full_name)
    yield problem("greeting-name", message, (greeting.rest,))


def _names(words: list[str], first_name: str) -> bool:
    """Whether the greeting's words include the first name, ignoring case and accents."""
    wanted = _plain(first_name.split()[0]) if first_name.split() else ""
    return any(_plain(word) == wanted for word in words)


def _short_form(word: str, first_name: str) -> bool:
    """“Pri” for Priya, “Bob” for Robert (and the other way round): the same person's name."""
    said, wanted = _plain(word), _plain(first_name.split()[0])
    if not said.isalpha() or said == wanted:
        return False
    shorter, longer = sorted((said, wanted), key=len)
    if len(shorter) >= _MIN_PREFIX and longer.startswith(shorter):
        return True
    return any(said in names and wanted in names for names in SHORT_FORMS)


def _plain(word: str) -> str:
    word = word.replace("\u2019", "'").strip(",.!:;'")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def check_about_you(draft: Draft) -> Iterator[Finding]:
    if draft.rules.reader_share:
        words = [normal(word) for word in _WORD.findall(draft.main_masked())]
        writer = sum(word in _WRITER for word in words)
        reader = sum(word in _READER for word in words)
        # The rule is "more than half about the reader": a tie is not more than half.
        if writer and writer >= reader:
            about_me = ABOUT_ME_WORDS if writer > reader else HALF_ABOUT_ME_WORDS
            yield suggestion("about-you", about_me.format(writer=writer, reader=reader))
            return
    starts = [_starts_with_i(draft.masked_sentence(span)) for span in draft.sentences]
    if len(starts) >= MIN_SENTENCES and sum(starts) * 2 > len(starts):
        yield suggestion("about-you", ABOUT_ME_STARTS.format(count=sum(starts), total=len(starts)))


def _starts_with_i(sentence: str) -> bool:
    first = _WORD.search(sentence)
    return first is not None and normal(first.group()) in I_FORMS
