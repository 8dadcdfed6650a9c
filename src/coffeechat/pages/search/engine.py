"""Running a parsed query against the index: each engine's SQL, the same answers.

Ranking: FTS5's bm25 and PostgreSQL's ts_rank, both weighting a match in the title (a name, a
subject, a question) above one in the body. Highlights come back wrapped in control characters
that no one types, so the page can escape the text and only then turn them into <mark>.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection

from coffeechat.method.search_query import SearchQuery, to_fts5, to_tsquery
from coffeechat.pages.search.index import CONFIG, TABLE

START, STOP = "\x02", "\x03"


@dataclass(frozen=True)
class Hit:
    key: int
    kind: int
    object_id: int


@dataclass(frozen=True)
class Snippet:
    title: str
    body: str


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _matching() -> str:
    """The rows of one owner matching the query, with their score (lower is better)."""
    if _postgres():
        return (
            f"SELECT s.id AS key, s.kind, s.object_id, -ts_rank(s.document, q.q) AS score "
            f"FROM {TABLE} s, (SELECT to_tsquery('{CONFIG}', %(q)s) AS q) q "
            "WHERE s.owner_id = %(owner)s AND s.document @@ q.q"
        )
    return (
        f"SELECT rowid AS key, kind, object_id, bm25({TABLE}, 10.0, 1.0) AS score "
        f"FROM {TABLE} WHERE {TABLE} MATCH %(q)s AND {_OWNED_SQLITE}"
    )


# What belongs to a conversation carries the conversation, not the owner, on SQLite (sources.py).
_OWNED_SQLITE = (
    "(owner_id = %(owner)s OR conversation_id IN "
    "(SELECT id FROM conversations_conversation WHERE owner_id = %(owner)s))"
)


def _params(query: SearchQuery, owner_id: int, **more: str | int) -> dict[str, str | int]:
    return {"q": _expression(query), "owner": owner_id, **more}


def _expression(query: SearchQuery) -> str:
    return to_tsquery(query) if _postgres() else to_fts5(query)


def top_per_kind(
    query: SearchQuery, owner_id: int, per_kind: int
) -> tuple[list[Hit], dict[int, int]]:
    """The best `per_kind` hits of each kind, best first, and how many each kind has in all."""
    if query.is_empty:
        return [], {}
    materialized = "" if _postgres() else "MATERIALIZED "
    sql = (
        f"WITH hits AS {materialized}({_matching()}), "
        "ranked AS (SELECT key, kind, object_id, "
        "row_number() OVER (PARTITION BY kind ORDER BY score, key) AS position, "
        "count(*) OVER (PARTITION BY kind) AS total FROM hits) "
        "SELECT key, kind, object_id, total FROM ranked WHERE position <= %(per_kind)s "
        "ORDER BY kind, position"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, _params(query, owner_id, per_kind=per_kind))
        rows = cursor.fetchall()
    totals = {int(kind): int(total) for _, kind, _, total in rows}
    return [Hit(int(key), int(kind), int(oid)) for key, kind, oid, _ in rows], totals


def count_of_kind(query: SearchQuery, owner_id: int, kind: int) -> int:
    if query.is_empty:
        return 0
    sql = f"SELECT count(*) FROM ({_matching()}) hits WHERE kind = %(kind)s"
    with connection.cursor() as cursor:
        cursor.execute(sql, _params(query, owner_id, kind=kind))
        return int(cursor.fetchone()[0])


def page_of_kind(
    query: SearchQuery, owner_id: int, kind: int, offset: int, limit: int
) -> list[Hit]:
    if query.is_empty:
        return []
    sql = (
        f"SELECT key, kind, object_id FROM ({_matching()}) hits WHERE kind = %(kind)s "
        "ORDER BY score, key LIMIT %(limit)s OFFSET %(offset)s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, _params(query, owner_id, kind=kind, limit=limit, offset=offset))
        return [Hit(int(key), int(k), int(oid)) for key, k, oid in cursor.fetchall()]


def snippets(query: SearchQuery, owner_id: int, keys: Sequence[int]) -> dict[int, Snippet]:
    """The title with every match marked, and the best short passage of the body."""
    if not keys or query.is_empty:
        return {}
    marks = f"'{START}', '{STOP}'"
    # Keys are integers from the index itself, never user input.
    listed = ", ".join(str(int(key)) for key in keys)
    if _postgres():
        options = (
            f"StartSel={START}, StopSel={STOP}, MaxWords=24, MinWords=10, "
            "MaxFragments=1, FragmentDelimiter=…"
        )
        sql = (
            f"SELECT s.id, ts_headline('{CONFIG}', s.title, q.q, %(title)s), "
            f"ts_headline('{CONFIG}', s.body, q.q, %(body)s) "
            f"FROM {TABLE} s, (SELECT to_tsquery('{CONFIG}', %(q)s) AS q) q "
            f"WHERE s.owner_id = %(owner)s AND s.id IN ({listed})"
        )
        params = _params(
            query,
            owner_id,
            title=f"StartSel={START}, StopSel={STOP}, HighlightAll=true",
            body=options,
        )
    else:
        sql = (
            f"SELECT rowid, highlight({TABLE}, 0, {marks}), "
            f"snippet({TABLE}, 1, {marks}, '…', 20) "
            f"FROM {TABLE} WHERE {TABLE} MATCH %(q)s AND {_OWNED_SQLITE} AND rowid IN ({listed})"
        )
        params = _params(query, owner_id)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {
            int(key): Snippet(title or "", body or "") for key, title, body in cursor.fetchall()
        }
