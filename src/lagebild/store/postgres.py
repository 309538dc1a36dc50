"""The PostgreSQL store: the same corpus and picture as the SQLite store, on a shared server.

Use it when one machine is not enough: several ingest workers (or a Ray cluster's driver) write
into one database, and the API and pages read it. ``open_store("postgresql://...")`` returns a
:class:`PostgresStore` (optional extra ``[postgres]``: psycopg 3).

**One store logic, two dialects.** The store's methods and the corpus stages' index code
(:mod:`lagebild.corpus.index`, ``lineage``, ``stories``) are written once, in SQLite's SQL.
:class:`PostgresStore` subclasses :class:`~lagebild.store.sqlite.SQLiteStore` and gives it a
connection object (:class:`SQLiteDialectConnection`) that translates each statement mechanically
(cached per statement) before PostgreSQL sees it:

* ``?`` placeholders become ``%s`` (and a literal ``%`` becomes ``%%``);
* ``INSERT OR REPLACE`` becomes ``INSERT ... ON CONFLICT (primary key) DO UPDATE`` and
  ``INSERT OR IGNORE`` becomes ``ON CONFLICT DO NOTHING`` (keys read from the catalogue);
* in ``ON CONFLICT ... DO UPDATE SET``, bare column names are qualified with the table (SQLite
  reads ``df + excluded.df`` as the old row; PostgreSQL calls it ambiguous), and the two-argument
  scalar ``MAX(a, b)`` / ``MIN(a, b)`` become ``GREATEST`` / ``LEAST``;
* an output alias used in ``HAVING`` (``COUNT(*) AS n ... HAVING n >= ?``) is replaced by its
  expression, which PostgreSQL requires;
* in DDL, ``TEXT`` is ``TEXT COLLATE "C"`` (so ``ORDER BY`` sorts by code point, as SQLite does,
  and exports are byte-identical), ``INTEGER`` is ``BIGINT``, ``REAL`` is ``DOUBLE PRECISION``,
  ``WITHOUT ROWID`` is dropped, and every other table gets a ``rowid BIGSERIAL`` column, since
  code may read SQLite's implicit ``rowid`` (the ``changes`` feed does);
* a NUL character in a text parameter (PostgreSQL text cannot hold one) is stored as U+FFFF and
  read back as NUL.

Transactions mirror SQLite's ``BEGIN IMMEDIATE``: re-entrant, and each takes one advisory lock,
so writers from several processes or machines are serialised exactly as on SQLite, and a corpus
pass never interleaves with another.

* SQLite's full-text search (:mod:`lagebild.search`): an FTS5 table becomes a table with a
  generated ``tsvector`` column and a GIN index; ``t MATCH ?`` becomes ``t.fts @@ lagebild_fts(?)``
  and ``t.rank`` becomes ``-ts_rank(...)`` (FTS5's rank is "lower is better"). The search terms are
  German stems made by :mod:`lagebild.search` on both backends, so the index uses PostgreSQL's
  ``simple`` configuration: running the ``german`` Snowball stemmer over stems again would make
  PostgreSQL find other segments than SQLite does;
* ``json_extract(col, '$.a.b')`` becomes ``(col::jsonb #>> '{a,b}')`` (also in expression
  indexes) and ``json_array_length`` becomes ``jsonb_array_length``; a subquery in ``FROM``
  gets the name PostgreSQL requires; ``SELECT DISTINCT a ... ORDER BY b`` (b not selected)
  becomes ``GROUP BY a ORDER BY MAX(b)`` (``MIN`` when ascending); ``x = ? COLLATE NOCASE`` becomes ``lower(x) = lower(?)``, and ``LIKE`` becomes
  ``ILIKE`` (SQLite's LIKE ignores case);
* ``cursor.lastrowid`` after an ``INSERT`` works (``RETURNING rowid``).
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from lagebild.errors import MissingExtra, SchemaVersionError, StoreError
from lagebild.store.schema import MIGRATIONS, SCHEMA_VERSION
from lagebild.store.sqlite import SQLiteStore

try:  # the optional extra [postgres]
    import psycopg
    from psycopg.rows import RowMaker
except ImportError:  # pragma: no cover - exercised where the extra is missing
    psycopg = None  # type: ignore[assignment]

# One advisory lock key for "a writer holds the store" (the bytes of "lagebild" as an integer).
WRITE_LOCK_KEY = 0x6C61676562696C64 & 0x7FFFFFFFFFFFFFFF

# PostgreSQL text cannot hold NUL; U+FFFF is a noncharacter that no news text contains.
_NUL, _NUL_STAND_IN = "\x00", "\uffff"

def _require_psycopg() -> None:
    if psycopg is None:
        raise MissingExtra("the PostgreSQL store", "postgres")


# --------------------------------------------------------------------------- dialect translation


class Row(tuple):
    """A result row readable like :class:`sqlite3.Row`: by position, by name, and unpacked."""

    __slots__ = ()
    _names: dict[str, int] = {}

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor) -> "RowMaker[Row]":
    names = {c.name: i for i, c in enumerate(cursor.description or ())}
    row_class = type("Row", (Row,), {"__slots__": (), "_names": names})

    def make(values: Sequence[Any]) -> Row:
        return row_class(v.replace(_NUL_STAND_IN, _NUL) if isinstance(v, str) and _NUL_STAND_IN in v
                         else v for v in values)

    return make


@functools.lru_cache(maxsize=4096)
def _split_literals(sql: str) -> tuple[tuple[bool, str], ...]:
    """The statement as (is_code, text) pieces: string literals and quoted names kept apart."""
    pieces: list[tuple[bool, str]] = []
    i, start = 0, 0
    while i < len(sql):
        ch = sql[i]
        if ch in "'\"":
            if start < i:
                pieces.append((True, sql[start:i]))
            j = i + 1
            while j < len(sql):
                if sql[j] == ch:
                    if j + 1 < len(sql) and sql[j + 1] == ch:  # doubled quote inside
                        j += 2
                        continue
                    break
                j += 1
            pieces.append((False, sql[i : j + 1]))
            i = start = j + 1
            continue
        i += 1
    if start < len(sql):
        pieces.append((True, sql[start:]))
    return tuple(pieces)


def _map_code(sql: str, fn) -> str:
    return "".join(fn(text) if code else text for code, text in _split_literals(sql))


def _placeholders(sql: str) -> str:
    return _map_code(sql, lambda code: code.replace("%", "%%").replace("?", "%s"))


_TYPES = [(re.compile(r"\bTEXT\b(?!\s+COLLATE)"), 'TEXT COLLATE "C"'), (re.compile(r"\bINTEGER\b"), "BIGINT"),
          (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"), (re.compile(r"\bBLOB\b"), "BYTEA")]


def translate_ddl(statement: str) -> str:
    """One SQLite schema statement in PostgreSQL's dialect (see the module docstring)."""
    s = statement.strip()
    if not re.match(r"CREATE\s+TABLE", s, re.I):
        return s
    without_rowid = re.search(r"\)\s*WITHOUT\s+ROWID\s*$", s, re.I)
    if without_rowid:
        s = s[: without_rowid.start() + 1]
    # SQLite's "rowid INTEGER PRIMARY KEY" is the auto-numbered row id
    s = re.sub(r"\browid\s+INTEGER\s+PRIMARY\s+KEY\b", "rowid BIGSERIAL PRIMARY KEY", s, flags=re.I)
    for pattern, replacement in _TYPES:
        s = _map_code(s, lambda code, p=pattern, r=replacement: p.sub(r, code))
    if not without_rowid and not re.search(r"\browid\b", s, re.I):
        close = s.rstrip().rfind(")")
        s = s[:close].rstrip() + ",\n    rowid BIGSERIAL\n)" + s[close + 1 :]
    return s


def _matching_paren(text: str, open_at: int) -> int:
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _top_level_split(text: str, sep: str = ",") -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _scalar_min_max(code: str) -> str:
    """Two-argument MAX(a, b) / MIN(a, b) (SQLite's scalar forms) as GREATEST / LEAST."""
    out, i = [], 0
    pattern = re.compile(r"\b(MAX|MIN)\s*\(", re.I)
    while True:
        m = pattern.search(code, i)
        if not m:
            out.append(code[i:])
            return "".join(out)
        open_at = m.end() - 1
        close = _matching_paren(code, open_at)
        inner = code[open_at + 1 : close] if close > 0 else ""
        out.append(code[i : m.start()])
        if close > 0 and len(_top_level_split(inner)) > 1:
            name = "GREATEST" if m.group(1).upper() == "MAX" else "LEAST"
            out.append(f"{name}({_scalar_min_max(inner)})")
            i = close + 1
        else:
            out.append(code[m.start() : open_at + 1])
            i = open_at + 1


_FTS5 = re.compile(r"^\s*CREATE\s+VIRTUAL\s+TABLE\s+(\w+)\s+USING\s+fts5\s*\((.*)\)\s*$", re.I | re.S)
_FTS_FUNCTION = (
    "CREATE OR REPLACE FUNCTION lagebild_fts(q text) RETURNS tsquery AS $$ "
    "SELECT plainto_tsquery('simple', replace(replace(q, '\"', ' '), ' AND ', ' ')) "
    "$$ LANGUAGE SQL IMMUTABLE")


def translate_fts5(statement: str) -> str | None:
    """An FTS5 virtual table as a table with a generated tsvector and a GIN index (or None)."""
    m = _FTS5.match(statement)
    if not m:
        return None
    name = m.group(1)
    columns = [c.strip() for c in _top_level_split(m.group(2)) if "=" not in c]
    text = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
    return "; ".join([
        f"CREATE TABLE {name} (rowid BIGSERIAL PRIMARY KEY, "
        + "".join(f'{c} TEXT COLLATE "C", ' for c in columns)
        + f"fts tsvector GENERATED ALWAYS AS (to_tsvector('simple', {text})) STORED)",
        f"CREATE INDEX {name}_fts ON {name} USING GIN (fts)",
        _FTS_FUNCTION,
    ])


_JSON_EXTRACT = re.compile(r"json_extract\(\s*([\w.]+)\s*,\s*'\$\.([\w.]+)'\s*\)", re.I)
_NOCASE = re.compile(r"(json_extract\([^)]*\)|[\w.]+)\s*=\s*\?\s+COLLATE\s+NOCASE", re.I)
_MATCH = re.compile(r"\b(\w+)\s+MATCH\s+\?", re.I)


_JSON_ARRAY_LENGTH = re.compile(r"json_array_length\(\s*([\w.]+)\s*(?:,\s*'\$\.([\w.]+)'\s*)?\)", re.I)


def _json_extract(s: str) -> str:
    s = _NOCASE.sub(r"lower(\1) = lower(?)", s)
    s = _JSON_ARRAY_LENGTH.sub(
        lambda m: f"jsonb_array_length(({m.group(1)})::jsonb"
                  + (f" #> '{{{m.group(2).replace('.', ',')}}}')" if m.group(2) else ")"), s)
    return _JSON_EXTRACT.sub(lambda m: f"(({m.group(1)})::jsonb #>> '{{{m.group(2).replace('.', ',')}}}')", s)


_DISTINCT_ORDER = re.compile(
    r"^\s*SELECT\s+DISTINCT\s+(?P<cols>.+?)\s+FROM\s+(?P<rest>.+?)\s+ORDER\s+BY\s+(?P<order>.+?)"
    r"(?P<tail>\s+LIMIT\b.*)?$", re.I | re.S)


def _distinct_order(s: str) -> str:
    """``SELECT DISTINCT a ... ORDER BY b`` with ``b`` not selected: SQLite sorts by the value of
    some row of each group, PostgreSQL refuses. Spelled out as GROUP BY, sorting each group by its
    largest (DESC) or smallest (ASC) value, which is deterministic."""
    m = _DISTINCT_ORDER.match(s)
    if not m:
        return s
    cols = [c.strip() for c in _top_level_split(m.group("cols"))]
    bare = {c.split(".")[-1] for c in cols} | set(cols)
    terms = []
    changed = False
    for term in _top_level_split(m.group("order")):
        expr, _, direction = term.strip().rpartition(" ")
        if direction.upper() not in ("ASC", "DESC"):
            expr, direction = term.strip(), "ASC"
        if expr in bare or expr.split(".")[-1] in bare and expr in cols:
            terms.append(f"{expr} {direction}")
        else:
            changed = True
            terms.append(f"{'MAX' if direction.upper() == 'DESC' else 'MIN'}({expr}) {direction}")
    if not changed:
        return s
    return (f"SELECT {', '.join(cols)} FROM {m.group('rest')} GROUP BY {', '.join(cols)} "
            f"ORDER BY {', '.join(terms)}{m.group('tail') or ''}")


_CLAUSE_WORDS = {"WHERE", "ORDER", "GROUP", "LIMIT", "JOIN", "LEFT", "INNER", "CROSS", "UNION",
                 "HAVING", "OFFSET", "ON", "WINDOW", "EXCEPT", "INTERSECT"}


def _alias_subqueries(s: str) -> str:
    """``FROM (SELECT ...)`` without a name: PostgreSQL requires one, SQLite does not."""
    out, i, n = [], 0, 0
    for m in re.finditer(r"\bFROM\s*\(", s, re.I):
        if m.start() < i:
            continue
        close = _matching_paren(s, m.end() - 1)
        if close < 0:
            break
        follow = re.match(r"\s*(?:AS\s+)?(\w+)", s[close + 1 :], re.I)
        out.append(s[i : close + 1])
        if not follow or follow.group(1).upper() in _CLAUSE_WORDS:
            n += 1
            out.append(f" AS _subquery{n}")
        i = close + 1
    out.append(s[i:])
    return "".join(out)


class Catalogue:
    """Columns and primary keys of the store's tables, read from PostgreSQL's catalogue."""

    def __init__(self, connection):
        self.connection = connection
        self._tables: dict[str, tuple[list[str], list[str]]] = {}

    def clear(self) -> None:
        self._tables.clear()

    def table(self, name: str) -> tuple[list[str], list[str]]:
        """(columns in order, primary-key columns) of ``name``."""
        name = name.strip('"').lower()
        if name not in self._tables:
            cur = self.connection.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = %s ORDER BY ordinal_position", (name,))
            columns = [r[0] for r in cur.fetchall()]
            cur = self.connection.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = to_regclass(%s) AND i.indisprimary "
                "ORDER BY array_position(i.indkey, a.attnum)", (name,))
            self._tables[name] = (columns, [r[0] for r in cur.fetchall()])
        return self._tables[name]


_INSERT = re.compile(
    r"^\s*INSERT\s+OR\s+(REPLACE|IGNORE)\s+INTO\s+(\"?\w+\"?)\s*(\([^)]*\))?\s*(VALUES\b.*|SELECT\b.*)$",
    re.I | re.S)
_UPSERT_SET = re.compile(r"\bON\s+CONFLICT\s*(\([^)]*\))?\s*DO\s+UPDATE\s+SET\b", re.I)
_INSERT_TABLE = re.compile(r"^\s*INSERT\s+INTO\s+(\"?\w+\"?)", re.I)
_ALIAS = re.compile(r"((?:COUNT|SUM|MAX|MIN|AVG|TOTAL)\s*\([^()]*\))\s+AS\s+(\w+)", re.I)
_HAVING = re.compile(r"\bHAVING\b(.*?)(?=\bORDER\s+BY\b|\bLIMIT\b|$)", re.I | re.S)


_KEYWORDS = {"WHERE", "JOIN", "ON", "AND", "OR", "ORDER", "GROUP", "LIMIT", "FROM", "SELECT", "AS",
             "LEFT", "INNER", "BY", "MATCH", "NOT", "IN"}


class Translator:
    """SQLite statements in PostgreSQL's dialect, cached per statement text."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self._cache: dict[str, str] = {}

    def __call__(self, sql: str) -> tuple[str, tuple[int, ...] | None]:
        """The statement for PostgreSQL and, where placeholders were repeated or reordered,
        the index of the caller's parameter each placeholder takes (else None)."""
        out = self._cache.get(sql)
        if out is None:
            out = self._cache[sql] = self._translate(sql)
        return out

    def clear(self) -> None:
        self._cache.clear()

    def _translate(self, sql: str) -> tuple[str, tuple[int, ...] | None]:
        s = sql.strip().rstrip(";")
        fts = translate_fts5(s)
        if fts is not None:
            return fts, None
        if re.match(r"CREATE\s+TABLE", s, re.I):
            s = translate_ddl(s)
        if "json_" in s or "NOCASE" in s.upper():
            s = _json_extract(s)
        if re.search(r"\bFROM\s*\(", s, re.I):
            s = _alias_subqueries(s)
        if re.match(r"\s*SELECT\s+DISTINCT\b", s, re.I) and re.search(r"\bORDER\s+BY\b", s, re.I):
            s = _distinct_order(s)
        s = _map_code(s, lambda code: re.sub(r"\bLIKE\b", "ILIKE", code))
        m = _INSERT.match(s)
        if m:
            s = self._insert_or(m)
        if _UPSERT_SET.search(s):
            s = self._qualify_upsert(s)
        if re.search(r"\bHAVING\b", s, re.I):
            s = self._having_aliases(s)
        order = None
        if _MATCH.search(s):
            s, order = self._fts_match(s)
        else:
            s, order = _collapse_in_lists(s)
        return _placeholders(s), order

    @staticmethod
    def _fts_match(s: str) -> tuple[str, tuple[int, ...]]:
        """``t MATCH ?`` and ``alias.rank`` of an FTS5 query; the rank repeats the match parameter."""
        aliases = {m.group(2): m.group(1) for m in re.finditer(r"\b(\w+)\s+(?:AS\s+)?(\w+)\b", s)}
        pieces = re.split(r"(\?|\b\w+\s+MATCH\s+\?|\b\w+\.rank\b)", s)
        out, order, n, match_param = [], [], 0, None
        for piece in pieces:
            m = re.fullmatch(r"(\w+)\s+MATCH\s+\?", piece or "")
            if m:
                table = m.group(1)
                # the table may be aliased in FROM ("search_segments f"): refer to the alias
                alias = next((a for a, t in aliases.items() if t == table and a != table
                              and a.upper() not in _KEYWORDS), table)
                match_param = n
                out.append(f"{alias}.fts @@ lagebild_fts(?)")
                order.append(n)
                n += 1
            elif piece == "?":
                out.append("?")
                order.append(n)
                n += 1
            elif piece and re.fullmatch(r"\w+\.rank", piece):
                out.append(f"-ts_rank({piece.split('.')[0]}.fts, lagebild_fts(?))")
                order.append(-1)  # filled in below: the match parameter
            else:
                out.append(piece or "")
        order = [match_param if i == -1 else i for i in order]
        return "".join(out), tuple(order)

    def _insert_or(self, m: re.Match) -> str:
        verb, table, cols, rest = m.group(1).upper(), m.group(2), m.group(3), m.group(4)
        columns, key = self.catalogue.table(table)
        if cols:
            names = [c.strip().strip('"') for c in cols[1:-1].split(",")]
        else:
            n_values = len(_top_level_split(rest[rest.index("(") + 1 : _matching_paren(rest, rest.index("("))]))
            names = columns[:n_values]
        column_list = ", ".join(f'"{c}"' for c in names)
        head = f"INSERT INTO {table} ({column_list}) {rest}"
        if verb == "IGNORE" or not key:
            return head + " ON CONFLICT DO NOTHING" if verb == "IGNORE" or key else head
        others = [c for c in names if c not in key]
        target = ", ".join(f'"{c}"' for c in key)
        if not others:
            return f"{head} ON CONFLICT ({target}) DO NOTHING"
        sets = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in others)
        return f"{head} ON CONFLICT ({target}) DO UPDATE SET {sets}"

    def _qualify_upsert(self, s: str) -> str:
        table = _INSERT_TABLE.match(s)
        m = _UPSERT_SET.search(s)
        if not table or not m:
            return s
        name = table.group(1).strip('"')
        columns, _ = self.catalogue.table(name)
        head, tail = s[: m.end()], s[m.end() :]
        where = re.search(r"\bWHERE\b", tail, re.I)
        sets, after = (tail[: where.start()], tail[where.start() :]) if where else (tail, "")
        qualified = []
        for assignment in _top_level_split(sets):
            lhs, _, rhs = assignment.partition("=")
            for column in columns:
                rhs = re.sub(rf"(?<![.\w\"]){re.escape(column)}\b", f'{name}."{column}"', rhs)
            qualified.append(f"{lhs}={_scalar_min_max(rhs)}")
        return head + ",".join(qualified) + (" " + after if after else "")

    @staticmethod
    def _having_aliases(s: str) -> str:
        aliases = {alias: expr for expr, alias in _ALIAS.findall(s)}
        if not aliases:
            return s

        def fix(m: re.Match) -> str:
            clause = m.group(1)
            for alias, expr in aliases.items():
                clause = re.sub(rf"(?<![.\w]){re.escape(alias)}\b", expr, clause)
            return "HAVING" + clause

        return _HAVING.sub(fix, s)


_IN_LIST = re.compile(r"\b(NOT\s+)?IN\s*\(\s*\?(?:\s*,\s*\?)+\s*\)", re.I)


def _collapse_in_lists(s: str) -> tuple[str, tuple[int | slice, ...] | None]:
    """``x IN (?,?,?)`` as ``x = ANY(?)`` with one array parameter (``NOT IN`` as ``<> ALL``).

    SQLite's idiom makes a new statement for every length of the list, so PostgreSQL would plan
    each call afresh; one array parameter gives one statement, prepared once. The returned order
    holds a slice where the caller's parameters are gathered into that array.
    """
    if not _IN_LIST.search(s):
        return s, None
    out: list[str] = []
    order: list[int | slice] = []
    n = pos = 0
    for m in _IN_LIST.finditer(s):
        before = s[pos : m.start()]
        k = before.count("?")
        order.extend(range(n, n + k))
        n += k
        width = m.group(0).count("?")
        out += [before, "<> ALL(?)" if m.group(1) else "= ANY(?)"]
        order.append(slice(n, n + width))
        n += width
        pos = m.end()
    rest = s[pos:]
    order.extend(range(n, n + rest.count("?")))
    out.append(rest)
    return "".join(out), tuple(order)


def _reorder(values: Any, order: tuple[int | slice, ...]) -> list[Any]:
    return [values[i] if isinstance(i, int) else list(values[i]) for i in order]


_VALUES_ROW = re.compile(
    r"^(?P<head>\s*INSERT\s+INTO\s.*?\bVALUES\s*)(?P<row>\(\s*%s(?:\s*,\s*%s)*\s*\))(?P<tail>.*)$",
    re.I | re.S)
_CONFLICT_UPDATE = re.compile(r"\bON\s+CONFLICT\s*\(([^)]*)\)\s*DO\s+UPDATE\b", re.I)
_INSERT_COLUMNS = re.compile(r"^\s*INSERT\s+INTO\s+\"?\w+\"?\s*\(([^)]*)\)", re.I)


@functools.lru_cache(maxsize=256)
def _insert_shape(statement: str) -> tuple[str, str, str, tuple[int, ...] | None] | None:
    """(head, one row of placeholders, tail, indexes of the DO UPDATE conflict key or None) of
    ``INSERT ... VALUES (%s, ...) ...``; None where many rows cannot share one statement (not
    such an INSERT, parameters after VALUES, RETURNING, a conflict key not among the columns)."""
    m = _VALUES_ROW.match(statement)
    if not m or "%s" in m.group("tail") or re.search(r"\bRETURNING\b", m.group("tail"), re.I):
        return None
    update = _CONFLICT_UPDATE.search(m.group("tail"))
    key = None
    if update:
        columns = _INSERT_COLUMNS.match(statement)
        if not columns:
            return None
        names = [c.strip().strip('"') for c in columns.group(1).split(",")]
        try:
            key = tuple(names.index(c.strip().strip('"')) for c in update.group(1).split(","))
        except ValueError:
            return None
    return m.group("head"), m.group("row"), m.group("tail"), key


def _multi_row_inserts(statement: str, rows: list[list[Any]],
                       chunk: int = 500) -> list[tuple[str, list[Any]]] | None:
    """One ``INSERT ... VALUES (...), (...), ...`` per chunk of rows instead of one statement a
    row: a round trip and a plan per chunk. None where that would not mean the same as running
    the rows one after the other: an upsert (``DO UPDATE``) whose rows repeat a conflict key
    (PostgreSQL refuses to update a row twice in one statement), or parameters after VALUES."""
    shape = _insert_shape(statement)
    if shape is None:
        return None
    head, row, tail, key = shape
    if key is not None and len({tuple(r[i] for i in key) for r in rows}) != len(rows):
        return None
    width = row.count("%s")
    step = max(1, min(chunk, 60_000 // width))  # PostgreSQL takes at most 65,535 parameters
    return [(head + ",".join([row] * len(rows[i : i + step])) + tail,
             [v for r in rows[i : i + step] for v in r])
            for i in range(0, len(rows), step)]


def _params(params: Any) -> Any:
    if isinstance(params, dict):
        return {k: _param(v) for k, v in params.items()}
    return [_param(v) for v in params]


def _param(value: Any) -> Any:
    return value.replace(_NUL, _NUL_STAND_IN) if isinstance(value, str) and _NUL in value else value


_RETURNS_ROWID = re.compile(r"^\s*INSERT\s+INTO\s+\"?\w+\"?\s*\([^)]*\)\s*VALUES\s*\([^)]*\)\s*$", re.I)

if psycopg is not None:

    class _Cursor(psycopg.Cursor):
        """A psycopg cursor with sqlite3's ``lastrowid`` (set after a single-row INSERT)."""

        lastrowid: int | None = None
else:  # pragma: no cover
    _Cursor = None  # type: ignore[assignment,misc]


class SQLiteDialectConnection:
    """A psycopg connection that speaks the subset of SQLite's dialect the store code uses.

    ``execute`` and ``executemany`` return cursors whose rows behave like ``sqlite3.Row``.
    """

    def __init__(self, connection):
        self.connection = connection
        self.catalogue = Catalogue(connection)
        self.translate = Translator(self.catalogue)

    def execute(self, sql: str, params: Any = ()):
        cur = _Cursor(self.connection, row_factory=_row_factory)
        if re.match(r"\s*PRAGMA\b", sql, re.I):  # SQLite tuning has no meaning here
            return cur
        statement, order = self.translate(sql)
        if params:
            values = _params(params)
            if order is not None:
                values = _reorder(values, order)
            if _RETURNS_ROWID.match(statement) and self._has_rowid(statement):
                cur.execute(statement + " RETURNING rowid", values)
                cur.lastrowid = cur.fetchone()[0]
            else:
                cur.execute(statement, values)
        else:  # no placeholders: psycopg must not read "%" as one
            cur.execute(statement.replace("%%", "%"))
        return cur

    def executemany(self, sql: str, seq: Iterable[Any]):
        cur = _Cursor(self.connection, row_factory=_row_factory)
        statement, order = self.translate(sql)
        rows = [_params(p) for p in seq]
        if order is not None:
            rows = [_reorder(r, order) for r in rows]
        batches = _multi_row_inserts(statement, rows) if len(rows) > 1 else None
        if batches is not None:
            for text, values in batches:
                cur.execute(text, values)
        elif rows:
            cur.executemany(statement, rows)
        return cur

    def _has_rowid(self, statement: str) -> bool:
        m = _INSERT_TABLE.match(statement)
        return bool(m) and "rowid" in self.catalogue.table(m.group(1))[0]

    def schema_changed(self) -> None:
        self.catalogue.clear()
        self.translate.clear()

    def close(self) -> None:
        self.connection.close()


# --------------------------------------------------------------------------- the store


class PostgresStore(SQLiteStore):
    """A corpus in a PostgreSQL database. Use as a context manager, or call :meth:`close`.

    ``url`` is a libpq connection string (``postgresql://user:pass@host:5432/dbname``); the
    database must exist, the schema is created and migrated on first use.
    """

    def __init__(self, url: str):
        _require_psycopg()
        self.path = url
        try:
            raw = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to {_redact(url)}: {str(exc).strip()}; check that the server runs "
                "and that the database exists (createdb NAME)") from exc
        self.db = SQLiteDialectConnection(raw)  # type: ignore[assignment]
        self._lock = threading.RLock()
        self._migrate()

    def close(self) -> None:
        self.db.close()

    def transaction(self) -> "_PgTransaction":  # type: ignore[override]
        return _PgTransaction(self)

    def _migrate(self) -> None:
        with self.transaction():
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise SchemaVersionError(
                    f"{_redact(self.path)} has schema version {version}, newer than this Lagebild "
                    f"({SCHEMA_VERSION}); upgrade lagebild to read it")
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[target]:
                    self.db.execute(statement)  # translated like every statement
                self.db.schema_changed()
                self.db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", (str(target),))

    def changes_since(self, since: str) -> list[str]:
        """Ids of documents added or revised at or after ``since`` (ISO 8601, UTC), first change first.

        SQLite accepts ``SELECT DISTINCT ... ORDER BY`` a column outside the selection; PostgreSQL
        does not, so the order is spelled out: by each document's first change in the range.
        """
        rows = self.db.execute(
            "SELECT document_id FROM changes WHERE at >= ? GROUP BY document_id "
            "ORDER BY MIN(rowid)", (since,))
        return [row[0] for row in rows]


class _PgTransaction:
    """Re-entrant transaction holding the store's write lock, like SQLite's BEGIN IMMEDIATE."""

    def __init__(self, store: PostgresStore):
        self.store = store
        self._outer = None

    def __enter__(self) -> None:
        store = self.store
        store._lock.acquire()
        depth = getattr(store, "_depth", 0)
        if depth == 0:
            self._outer = store.db.connection.transaction()
            self._outer.__enter__()
            store.db.connection.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
            store._pg_outer = self._outer
        store._depth = depth + 1

    def __exit__(self, exc_type, exc, tb) -> None:
        store = self.store
        store._depth -= 1
        try:
            if store._depth == 0:
                store._pg_outer.__exit__(exc_type, exc, tb)
                store._pg_outer = None
        finally:
            store._lock.release()


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def is_postgres_url(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def open_postgres(url: str) -> PostgresStore:
    """Open (creating and migrating the schema as needed) the PostgreSQL store at ``url``."""
    return PostgresStore(url)
