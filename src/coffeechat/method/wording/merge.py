"""The merge: details filled into a template so that the result reads as if a person wrote it.

    {{first_name}}                a field; left visible when empty, so the user sees it
    [[ at {{organization}}]]      an optional clause: it disappears whole when a field in it is
                                  empty, or when its field says again what the text already said
    [[{{school}} alumni||fellow]] alternatives: the first whose fields are all filled
    {{role|a}}                    with "a" or "an": "an alumna", "a UX researcher", "an MBA"
    {{first_name|'s}}             possessive: "James's", "the Joneses'"
    {{field|lower}}, {{x|cap}}    first letter lower or upper case

After filling, each sentence starts with a capital, and doubled spaces and doubled or stranded
punctuation left by an empty field are tidied. Templates written with plain {{field}} only
merge exactly as before, apart from that tidying.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from coffeechat.method.wording.grammar import (
    capitalize_sentences,
    first_lower,
    first_upper,
    possessive,
    with_article,
)

FIELD = re.compile(r"\{\{\s*([a-z_]+)\s*(?:\|\s*([a-z']+)\s*)?\}\}")
_TOKEN = re.compile(r"\[\[|\]\]|\|\||\{\{\s*[a-z_]+\s*(?:\|\s*[a-z']+\s*)?\}\}")
FILTERS: dict[str, Callable[[str], str]] = {
    "a": with_article,
    "'s": possessive,
    "lower": first_lower,
    "cap": first_upper,
}
_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_SPACE_BEFORE = re.compile(r"[ \t]+(?=[,.;:!?](?:\s|$))")
_DOUBLED = re.compile(r"([,;:])(?:\s*[,;:])+|,(\s*[.!?])|(?<![.])\.\.(?![.])")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


@dataclass
class _Node:
    """Text and fields in order; a clause holds alternatives, each a list of nodes."""

    parts: list[str | _Node | tuple[str, str, str]] = field(default_factory=list)
    alternatives: list[list[str | _Node | tuple[str, str, str]]] = field(default_factory=list)


def _parse(text: str) -> list[str | _Node | tuple[str, str, str]]:
    root: list[str | _Node | tuple[str, str, str]] = []
    stack: list[tuple[_Node, list[str | _Node | tuple[str, str, str]]]] = []
    current = root
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            current.append(text[position : match.start()])
        token = match.group()
        position = match.end()
        if token == "[[":
            node = _Node()
            node.alternatives.append([])
            current.append(node)
            stack.append((node, current))
            current = node.alternatives[-1]
        elif token == "]]" and stack:
            _, current = stack.pop()
        elif token == "||" and stack:
            node = stack[-1][0]
            node.alternatives.append([])
            current = node.alternatives[-1]
        elif token.startswith("{{"):
            found = FIELD.fullmatch(token)
            assert found is not None
            current.append((found.group(1), found.group(2) or "", token))
        else:  # a stray "]]" or "||" outside a clause is text
            current.append(token)
    if position < len(text):
        current.append(text[position:])
    return root


class _Missing(Exception):
    """A field of an optional clause is empty, or says again what was said."""


def _render(
    parts: list[str | _Node | tuple[str, str, str]],
    fields: Mapping[str, str],
    said: str,
    *,
    optional: bool,
    fallbacks: Mapping[str, str],
) -> str:
    out = ""
    for part in parts:
        if isinstance(part, str):
            out += part
        elif isinstance(part, _Node):
            out += _clause(part, fields, said + out, fallbacks)
        else:
            out += _field(part, fields, said + out, optional=optional, fallbacks=fallbacks)
    return out


def _clause(node: _Node, fields: Mapping[str, str], said: str, fallbacks: Mapping[str, str]) -> str:
    for alternative in node.alternatives:
        try:
            return _render(alternative, fields, said, optional=True, fallbacks=fallbacks)
        except _Missing:
            continue
    return ""


def _field(
    part: tuple[str, str, str],
    fields: Mapping[str, str],
    said: str,
    *,
    optional: bool,
    fallbacks: Mapping[str, str],
) -> str:
    name, filter_name, raw = part
    value = fields.get(name, "").strip()
    if optional:
        if not value or (name in PHRASE_FIELDS and _already_said(value, said)):
            raise _Missing
    elif not value:
        value = fallbacks.get(name, "")
        if not value:
            # Older templates: a line with nothing to say goes; any other gap stays visible.
            return "" if name in _MAY_BE_EMPTY and name in fields else raw
    transform = FILTERS.get(filter_name)
    return transform(value) if transform else value


# Fields that describe (the user's headline, the field they explore, the person's role): when
# profiles overlap, a clause that would say the same phrase again is left out.
PHRASE_FIELDS = frozenset({"field", "my_headline", "role", "organization", "school", "pitch"})
# Fields that may be empty where they stand in older templates (a line with nothing to say).
_MAY_BE_EMPTY = frozenset({"referral_line"})


def _already_said(value: str, said: str) -> bool:
    """Whether the words of `value` already stand, as a phrase, in what was written before."""
    words = re.findall(r"\w+", value.casefold())
    if len(words) < 2:  # one word ("design") may stand twice
        return False
    pattern = r"\b" + r"\W+".join(re.escape(word) for word in words) + r"\b"
    return re.search(pattern, said.casefold()) is not None


def tidy(text: str) -> str:
    """Doubled spaces and punctuation, a space before a comma, trailing blanks: what an empty
    field leaves behind. Line breaks and paragraphs stay as written."""
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE.sub("", text)
    text = _DOUBLED.sub(lambda m: m.group(1) or (m.group(2) or ".").strip(), text)
    return _TRAILING_SPACE.sub("", text)


def merge(
    text: str, fields: Mapping[str, str], *, fallbacks: Mapping[str, str] | None = None
) -> str:
    """`text` with `fields` filled in (see the module's help for the syntax)."""
    merged = _render(_parse(text), fields, "", optional=False, fallbacks=fallbacks or {})
    # A field may itself carry fields (the connection line names the organization).
    if any("{{" in value for value in fields.values()):
        merged = _render(_parse(merged), fields, "", optional=False, fallbacks=fallbacks or {})
    return capitalize_sentences(tidy(merged))


def fields_in(text: str) -> list[str]:
    return [match.group(1) for match in FIELD.finditer(text)]
