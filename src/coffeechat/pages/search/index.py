"""The search index in the database: its table, the triggers that keep it current, a rebuild.

Triggers, not Django signals: every path that writes the user's records goes through the
database, and not all of them through model methods (imports and restores write with
bulk_create and raw UPDATEs, merges move rows with queryset updates, deletes cascade). A trigger
runs inside the very statement that changes a row, so the index can never disagree with the
data, even after a rollback. Each engine gets its native index: FTS5 on SQLite, a tsvector with
`unaccent` under a GIN index on PostgreSQL.
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

from coffeechat.pages.search.sources import SOURCES, Source

TABLE = "search_index"
CONFIG = "coffeechat_search"  # PostgreSQL text search configuration: simple words, no accents
COLUMNS = "title, body, owner_id, scope, kind, object_id"
# Cut into words as FTS5's unicode61 does (letters and digits), so both engines see the same
# words: PostgreSQL's parser alone would keep "zoe@example.com" as one e-mail token.
_WORDS_PG = "regexp_replace({0}, '[^[:alnum:]]+', ' ', 'g')"
WORD_TOKENS = (
    "asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, "
    "hword_numpart"
)


def _is_postgres(connection: BaseDatabaseWrapper) -> bool:
    return connection.vendor == "postgresql"


def _fill(sql: str, row: str, connection: BaseDatabaseWrapper) -> str:
    return sql.format(row=row, key=_key_column(connection))


def _key_column(connection: BaseDatabaseWrapper) -> str:
    return "id" if _is_postgres(connection) else "rowid"


def _select(source: Source, row: str, connection: BaseDatabaseWrapper) -> str:
    """The index row(s) for `row` of the source, as a SELECT's column list."""
    return ", ".join(
        _fill(part, row, connection)
        for part in (
            source.key("{row}"),
            f"coalesce({source.title}, '')",
            f"coalesce({source.body}, '')",
            source.owner,
            f"'u' || {source.owner}",
            source.kind,
            "{row}.id",
        )
    )


def _insert(source: Source, row: str, connection: BaseDatabaseWrapper) -> str:
    into = f"INSERT INTO {TABLE} ({_key_column(connection)}, {COLUMNS}) "
    condition = _fill(source.where, row, connection)
    if row == "r":
        rows = f"FROM {source.table} r WHERE {condition}"
        return f"{into}SELECT {_select(source, 'r', connection)} {rows}"
    return f"{into}SELECT {_select(source, row, connection)} WHERE {condition}"


def _delete(source: Source, row: str, connection: BaseDatabaseWrapper) -> str:
    key = _fill(source.key("{row}"), row, connection)
    return f"DELETE FROM {TABLE} WHERE {_key_column(connection)} = {key}"


def rebuild(connection: BaseDatabaseWrapper) -> int:
    """Index every record again from scratch; returns how many rows the index holds."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
        for source in SOURCES:
            cursor.execute(_insert(source, "r", connection))
        cursor.execute(f"SELECT count(*) FROM {TABLE}")
        return int(cursor.fetchone()[0])


# SQLite -------------------------------------------------------------------------------------


def _sqlite_table() -> list[str]:
    return [
        # The owner twice: as a number to read, and as a word ("u12") in an indexed column, so
        # that the MATCH itself keeps to one user's rows without reading each row's content.
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(title, body, scope, "
        "owner_id UNINDEXED, kind UNINDEXED, object_id UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    ]


def _sqlite_triggers(connection: BaseDatabaseWrapper) -> list[str]:
    statements = []
    for source in SOURCES:
        name = f"{TABLE}_{source.name}"
        statements += [
            f"CREATE TRIGGER {name}_insert AFTER INSERT ON {source.table} BEGIN "
            f"{_insert(source, 'NEW', connection)}; END",
            f"CREATE TRIGGER {name}_update AFTER UPDATE ON {source.table} BEGIN "
            f"{_delete(source, 'OLD', connection)}; {_insert(source, 'NEW', connection)}; END",
            f"CREATE TRIGGER {name}_delete AFTER DELETE ON {source.table} BEGIN "
            f"{_delete(source, 'OLD', connection)}; END",
        ]
    return statements


def _sqlite_drop_triggers(connection: BaseDatabaseWrapper) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in _present_triggers(connection)]


# PostgreSQL ---------------------------------------------------------------------------------


def _pg_function(name: str, body: list[str]) -> str:
    statements = "\n  ".join(body)
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n  {statements}\n  RETURN NULL;\nEND $$"
    )


def _pg_table() -> list[str]:
    words = _WORDS_PG
    document = (
        f"setweight(to_tsvector('{CONFIG}'::regconfig, {words.format('title')}), 'A') || "
        f"setweight(to_tsvector('{CONFIG}'::regconfig, {words.format('body')}), 'B')"
    )
    return [
        # Both are "trusted" extensions: the database's owner may create them.
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        "CREATE EXTENSION IF NOT EXISTS btree_gin",
        f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple)",
        f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR {WORD_TOKENS} "
        "WITH unaccent, simple",
        f"CREATE TABLE {TABLE} (id bigint PRIMARY KEY, owner_id bigint NOT NULL, "
        "scope text NOT NULL, "
        "kind smallint NOT NULL, object_id bigint NOT NULL, title text NOT NULL, "
        f"body text NOT NULL, document tsvector GENERATED ALWAYS AS ({document}) STORED)",
        # The owner inside the GIN index: one user's matches are found without visiting the
        # other users' (btree_gin lets a GIN index hold the plain column).
        f"CREATE INDEX {TABLE}_owner_document ON {TABLE} USING gin (owner_id, document)",
        # One user's rows newest first: the live search reads them in this order and stops at
        # its candidates, which beats the GIN index when a word is common among all users.
        f"CREATE INDEX {TABLE}_owner_newest ON {TABLE} (owner_id, id DESC)",
    ]


def _pg_triggers(connection: BaseDatabaseWrapper) -> list[str]:
    statements = []
    for source in SOURCES:
        name = f"{TABLE}_{source.name}"
        kinds = ", ".join(map(str, source.kinds))
        statements += [
            _pg_function(
                name,
                [
                    "IF TG_OP IN ('UPDATE', 'DELETE') THEN",
                    f"  {_delete(source, 'OLD', connection)};",
                    "END IF;",
                    "IF TG_OP IN ('INSERT', 'UPDATE') THEN",
                    f"  {_insert(source, 'NEW', connection)};",
                    "END IF;",
                ],
            ),
            f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON {source.table} "
            f"FOR EACH ROW EXECUTE FUNCTION {name}()",
            # Row triggers do not see a TRUNCATE (the test suite's flush uses it).
            _pg_function(f"{name}_truncate", [f"DELETE FROM {TABLE} WHERE kind IN ({kinds});"]),
            f"CREATE TRIGGER {name}_truncate AFTER TRUNCATE ON {source.table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}_truncate()",
        ]
    return statements


def _pg_drop_triggers(connection: BaseDatabaseWrapper) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname LIKE %s",
            [f"{TABLE}%"],
        )
        found = cursor.fetchall()
    drops = [f"DROP TRIGGER IF EXISTS {name} ON {table}" for name, table in found]
    return drops + [f"DROP FUNCTION IF EXISTS {name}()" for name, _ in found]


# Both ---------------------------------------------------------------------------------------


def _run(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _has_table(connection: BaseDatabaseWrapper) -> bool:
    return TABLE in connection.introspection.table_names()


def create_table(connection: BaseDatabaseWrapper) -> None:
    """The index's table, empty and without triggers (the migration's part)."""
    _run(connection, _pg_table() if _is_postgres(connection) else _sqlite_table())


def drop_triggers(connection: BaseDatabaseWrapper) -> None:
    """Take the triggers off (before migrations change the tables they watch)."""
    drop = _pg_drop_triggers if _is_postgres(connection) else _sqlite_drop_triggers
    _run(connection, drop(connection))


def uninstall(connection: BaseDatabaseWrapper) -> None:
    drop_triggers(connection)
    statements = [f"DROP TABLE IF EXISTS {TABLE}"]
    if _is_postgres(connection):
        statements.append(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")
    _run(connection, statements)


def install(connection: BaseDatabaseWrapper) -> int:
    """Put the triggers on afresh and index every record again; returns the rows indexed."""
    if not _has_table(connection):
        create_table(connection)
    drop_triggers(connection)
    build = _pg_triggers if _is_postgres(connection) else _sqlite_triggers
    _run(connection, build(connection))
    return rebuild(connection)


def _expected_triggers(connection: BaseDatabaseWrapper) -> set[str]:
    names = set()
    for source in SOURCES:
        name = f"{TABLE}_{source.name}"
        if _is_postgres(connection):
            names |= {name, f"{name}_truncate"}
        else:
            names |= {f"{name}_{op}" for op in ("insert", "update", "delete")}
    return names


def _present_triggers(connection: BaseDatabaseWrapper) -> set[str]:
    with connection.cursor() as cursor:
        if _is_postgres(connection):
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE %s", [f"{TABLE}%"])
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [f"{TABLE}%"],
            )
        return {name for (name,) in cursor.fetchall()}


def is_current(connection: BaseDatabaseWrapper) -> bool:
    """The table and every trigger are in place."""
    return _has_table(connection) and _expected_triggers(connection) <= _present_triggers(
        connection
    )
