"""Running a parsed query against the index: each engine's SQL, the same answers.

Ranking: FTS5's bm25 and PostgreSQL's ts_rank, both weighting a match in the title (a name, a
subject, a question) above one in the body. Highlights are marked in Python
(method/search_query.highlight), the same on both engines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection

from coffeechat.method.search_query import (
    SNIPPET_WORDS,
    SearchQuery,
    highlight,
    to_fts5,
    to_tsquery,
)
from coffeechat.pages.search.index import CONFIG, TABLE
from coffeechat.pages.search.sources import KEY_SPACE

# Ranked per keystroke at most: see top_per_kind.
CANDIDATES = 500


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
    # Kind and record come from the key (id * 16 + kind): no row's content is read to rank.
    return (
        f"SELECT rowid AS key, rowid %% {KEY_SPACE} AS kind, rowid / {KEY_SPACE} AS object_id, "
        f"bm25({TABLE}, 10.0, 1.0, 0.0) AS score FROM {TABLE} WHERE {TABLE} MATCH %(q)s"
    )


def _params(query: SearchQuery, owner_id: int, **more: str | int) -> dict[str, str | int]:
    if _postgres():
        return {"q": to_tsquery(query), "owner": owner_id, **more}
    # The owner's word in the scope column, and the query in the text columns only.
    return {"q": f'scope : "u{int(owner_id)}" AND {{title body}} : ({to_fts5(query)})', **more}


def _newest_matches() -> str:
    """At most CANDIDATES of the owner's matching rows, newest first, with their scores."""
    if _postgres():
        return (
            "SELECT c.key, c.kind, c.object_id, -ts_rank(c.document, q.q) AS score FROM ("
            f"SELECT s.id AS key, s.kind, s.object_id, s.document FROM {TABLE} s "
            f"WHERE s.owner_id = %(owner)s AND s.document @@ to_tsquery('{CONFIG}', %(q)s) "
            "ORDER BY s.id DESC LIMIT %(cap)s) c, "
            f"(SELECT to_tsquery('{CONFIG}', %(q)s) AS q) q"
        )
    return f"{_matching()} ORDER BY rowid DESC LIMIT %(cap)s"


@dataclass(frozen=True)
class TopHits:
    hits: list[Hit]
    totals: dict[int, int]  # kind -> how many matched (among the candidates)
    capped: bool  # more rows matched than were ranked: the totals are lower bounds


def top_per_kind(query: SearchQuery, owner_id: int, per_kind: int) -> TopHits:
    """The best `per_kind` hits of each kind, best first, and how many each kind has.

    The live box answers at every keystroke, so its cost must not grow with the account: only
    the newest CANDIDATES matches are ranked (a word in every other note of 100,000 would
    otherwise score them all), and the counts say "at least" beyond that.
    """
    if query.is_empty:
        return TopHits([], {}, capped=False)
    materialized = "" if _postgres() else "MATERIALIZED "
    sql = (
        f"WITH hits AS {materialized}({_newest_matches()}), "
        "ranked AS (SELECT key, kind, object_id, "
        "row_number() OVER (PARTITION BY kind ORDER BY score, key) AS position, "
        "count(*) OVER (PARTITION BY kind) AS total, count(*) OVER () AS everything "
        "FROM hits) "
        "SELECT key, kind, object_id, total, everything FROM ranked "
        "WHERE position <= %(per_kind)s ORDER BY kind, position"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, _params(query, owner_id, per_kind=per_kind, cap=CANDIDATES))
        rows = cursor.fetchall()
    totals = {int(row[1]): int(row[3]) for row in rows}
    capped = bool(rows) and int(rows[0][4]) >= CANDIDATES
    return TopHits([Hit(int(r[0]), int(r[1]), int(r[2])) for r in rows], totals, capped)


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
    """The title with every match marked, and a short passage of the body around the first."""
    if not keys or query.is_empty:
        return {}
    # Keys are integers from the index itself, never user input.
    listed = ", ".join(str(int(key)) for key in keys)
    key = "id" if _postgres() else "rowid"
    sql = (
        f"SELECT {key}, title, body FROM {TABLE} WHERE owner_id = %(owner)s AND {key} IN ({listed})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"owner": owner_id})
        return {
            int(key): Snippet(
                highlight(title or "", query), highlight(body or "", query, words=SNIPPET_WORDS)
            )
            for key, title, body in cursor.fetchall()
        }
