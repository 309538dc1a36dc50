"""The PostgreSQL store: the same API, the same records and the same picture as SQLite.

The dialect translation is specified without a server; everything else runs against a real
PostgreSQL server started on 127.0.0.1 for this session (lagebild.scale.pgserver), or the one
named by LAGEBILD_TEST_POSTGRES. Where neither can be had the tests are skipped with the reason.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scale"))

from equivalence import first_difference, ingest_examples  # noqa: E402

from lagebild.errors import NotFound, SchemaVersionError  # noqa: E402
from lagebild.model import Rejection  # noqa: E402
from lagebild.scale.pgserver import TemporaryPostgres, unavailable_reason  # noqa: E402
from lagebild.store import open_store  # noqa: E402

NO_SERVER = unavailable_reason()
needs_server = pytest.mark.skipif(NO_SERVER is not None, reason=f"no PostgreSQL: {NO_SERVER}")


# --------------------------------------------------------------------------- dialect, no server


class FakeCatalogue:
    TABLES = {
        "term_df": (["scope", "term", "df"], ["scope", "term"]),
        "story_terms": (["term", "story_id", "day"], ["term", "story_id"]),
        "meta": (["key", "value", "rowid"], ["key"]),
        "lineage_bands": (["band", "document_id"], ["band", "document_id"]),
        "changes": (["document_id", "revision", "at", "rowid"], []),
    }

    def table(self, name):
        return self.TABLES[name]


@pytest.fixture
def translate():
    pytest.importorskip("psycopg", reason="psycopg is not installed (extra [postgres])")
    from lagebild.store.postgres import Translator

    return lambda sql: Translator(FakeCatalogue())(sql)[0]


def test_placeholders_become_psycopg_ones_and_percent_signs_are_escaped(translate):
    assert translate("SELECT a FROM t WHERE b=? AND c LIKE '%x'") == \
        "SELECT a FROM t WHERE b=%s AND c ILIKE '%x'"
    assert translate("SELECT 100 % 7 FROM t WHERE a=?") == "SELECT 100 %% 7 FROM t WHERE a=%s"


def test_insert_or_replace_becomes_an_upsert_on_the_primary_key(translate):
    assert translate("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)") == (
        'INSERT INTO meta ("key", "value") VALUES (\'schema_version\', %s) '
        'ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value"')


def test_insert_or_ignore_skips_existing_rows(translate):
    assert translate("INSERT OR IGNORE INTO lineage_bands (band, document_id) VALUES (?,?)").endswith(
        "ON CONFLICT DO NOTHING")


def test_an_upsert_reads_the_old_row_as_sqlite_does(translate):
    assert translate("INSERT INTO term_df (scope, term, df) VALUES (?,?,?) "
                     "ON CONFLICT(scope, term) DO UPDATE SET df = df + excluded.df").endswith(
        'SET df = term_df."df" + excluded.df')
    assert translate("INSERT INTO story_terms (term, story_id, day) VALUES (?,?,?) "
                     "ON CONFLICT(term, story_id) DO UPDATE SET day = MAX(day, excluded.day)").endswith(
        'SET day = GREATEST(story_terms."day", excluded.day)')


def test_an_output_alias_in_having_is_replaced_by_its_expression(translate):
    sql = translate("SELECT d, COUNT(*) AS n FROM t WHERE x IN (?,?) GROUP BY d HAVING n >= ? "
                    "ORDER BY n DESC LIMIT ?")
    assert "HAVING COUNT(*) >= %s ORDER BY n DESC" in sql


def test_json_extract_and_case_insensitive_comparison(translate):
    assert translate("SELECT id FROM e WHERE json_extract(data, '$.name') = ? COLLATE NOCASE") == \
        "SELECT id FROM e WHERE lower(((data)::jsonb #>> '{name}')) = lower(%s)"
    assert translate("CREATE INDEX s ON events (json_extract(data, '$.a.b'))") == \
        "CREATE INDEX s ON events (((data)::jsonb #>> '{a,b}'))"


def test_json_array_length_and_unnamed_subqueries(translate):
    assert translate("SELECT data FROM e ORDER BY json_array_length(data, '$.mentions') DESC") == \
        "SELECT data FROM e ORDER BY jsonb_array_length((data)::jsonb #> '{mentions}') DESC"
    assert translate("SELECT COUNT(*) FROM (SELECT 1 FROM t WHERE a=? LIMIT ?)") == \
        "SELECT COUNT(*) FROM (SELECT 1 FROM t WHERE a=%s LIMIT %s) AS _subquery1"
    assert translate("SELECT x FROM (SELECT 1 AS x) s WHERE x=?").endswith(") s WHERE x=%s")


def test_distinct_ordered_by_an_unselected_column_is_grouped(translate):
    assert translate("SELECT DISTINCT m2.document_id FROM m m1 JOIN m m2 ON m2.s = m1.s "
                     "WHERE m1.document_id = ? ORDER BY m2.day DESC LIMIT ?") == (
        "SELECT m2.document_id FROM m m1 JOIN m m2 ON m2.s = m1.s WHERE m1.document_id = %s "
        "GROUP BY m2.document_id ORDER BY MAX(m2.day) DESC LIMIT %s")
    same = "SELECT DISTINCT derived_from FROM e WHERE document_id = %s ORDER BY derived_from"
    assert translate(same.replace("%s", "?")) == same


def test_an_in_list_becomes_one_array_parameter_so_one_statement_serves_every_length():
    pytest.importorskip("psycopg", reason="psycopg is not installed (extra [postgres])")
    from lagebild.store.postgres import Translator, _reorder

    sql, order = Translator(FakeCatalogue())(
        "SELECT term FROM term_df WHERE scope=? AND term IN (?,?,?) AND df NOT IN (?, ?) LIMIT ?")
    assert sql == "SELECT term FROM term_df WHERE scope=%s AND term = ANY(%s) AND df <> ALL(%s) LIMIT %s"
    assert _reorder(["s", "a", "b", "c", 1, 2, 10], order) == ["s", ["a", "b", "c"], [1, 2], 10]


def test_many_rows_are_inserted_in_one_statement_where_that_means_the_same():
    pytest.importorskip("psycopg", reason="psycopg is not installed (extra [postgres])")
    from lagebild.store.postgres import _multi_row_inserts

    ignore = "INSERT INTO t (a, b) VALUES (%s,%s) ON CONFLICT DO NOTHING"
    [(sql, values)] = _multi_row_inserts(ignore, [["x", 1], ["x", 1], ["y", 2]])
    assert sql == "INSERT INTO t (a, b) VALUES (%s,%s),(%s,%s),(%s,%s) ON CONFLICT DO NOTHING"
    assert values == ["x", 1, "x", 1, "y", 2]
    assert len(_multi_row_inserts(ignore, [["x", i] for i in range(1200)])) == 3  # chunks of 500
    upsert = ('INSERT INTO term_df (scope, term, df) VALUES (%s,%s,%s) '
              'ON CONFLICT (scope, term) DO UPDATE SET df = term_df."df" + excluded.df')
    assert _multi_row_inserts(upsert, [["s", "a", 1], ["s", "b", 1]]) is not None
    # PostgreSQL refuses to update one row twice in a statement: a repeated key runs row by row
    assert _multi_row_inserts(upsert, [["s", "a", 1], ["s", "a", 1]]) is None


def test_sqlite_ddl_is_translated_mechanically():
    pytest.importorskip("psycopg", reason="psycopg is not installed (extra [postgres])")
    from lagebild.store.postgres import translate_ddl, translate_fts5

    ddl = translate_ddl("CREATE TABLE x (k TEXT NOT NULL, n INTEGER, d REAL, PRIMARY KEY (k)) WITHOUT ROWID")
    assert ddl == 'CREATE TABLE x (k TEXT COLLATE "C" NOT NULL, n BIGINT, d DOUBLE PRECISION, PRIMARY KEY (k))'
    assert translate_ddl("CREATE TABLE c (a TEXT)").endswith("rowid BIGSERIAL\n)")
    assert "rowid BIGSERIAL PRIMARY KEY" in translate_ddl("CREATE TABLE r (rowid INTEGER PRIMARY KEY, a TEXT)")
    fts = translate_fts5("CREATE VIRTUAL TABLE s USING fts5(terms, tokenize='unicode61')")
    assert "to_tsvector('simple', coalesce(terms, ''))" in fts and "USING GIN (fts)" in fts


# --------------------------------------------------------------------------- against a server


@pytest.fixture(scope="session")
def server():
    if NO_SERVER:
        pytest.skip(f"no PostgreSQL: {NO_SERVER}")
    with TemporaryPostgres() as pg:
        yield pg


@pytest.fixture
def url(server):
    url = server.create_database()
    yield url
    server.drop_database(url)


@needs_server
def test_the_examples_give_the_same_export_on_postgresql_as_on_sqlite(tmp_path, url):
    on_sqlite = ingest_examples(tmp_path / "x.db", workers=1)
    on_postgres = ingest_examples(url, workers=1)
    assert on_postgres == on_sqlite, first_difference(on_postgres, on_sqlite)


@needs_server
def test_a_restarted_process_continues_the_corpus_pass_on_postgresql(tmp_path, url):
    from test_restart import comparable, ingest_in_two_sessions

    at_once = comparable(ingest_examples(tmp_path / "all.db", workers=1))
    in_halves = comparable(ingest_in_two_sessions(url))
    assert in_halves == at_once, first_difference(in_halves, at_once)


@needs_server
def test_revisions_rejections_state_and_changes_behave_as_on_sqlite(url):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_sqlite import make_analysis

    with open_store(url) as store:
        assert store.put_analysis(make_analysis(), "h1") == "added"
        assert store.put_analysis(make_analysis(), "h1") == "unchanged"
        assert store.put_analysis(make_analysis(text="Kiew und Moskau verhandeln nicht."), "h2") == "revised"
        doc_id = make_analysis().document.id
        assert [d.revision for d in store.revisions(doc_id)] == [1, 2]
        assert store.analysis(doc_id).document.text.endswith("nicht.")
        assert store.stored_hash("/x/a.txt") == "h2"
        assert store.changes_since("2000-01-01") == [doc_id]
        with pytest.raises(NotFound):
            store.document("nope")
        store.add_rejection(Rejection("bad.bin", "not a news format"))
        assert store.rejections() == [Rejection("bad.bin", "not a news format")]
        store.clear_rejection("bad.bin")
        assert store.rejections() == []
        store.set_state("k", {"a": [1, "\x00x"]})
        assert store.get_state("k") == {"a": [1, "\x00x"]}


@needs_server
def test_an_upsert_of_many_rows_counts_as_sqlite_does_even_with_a_repeated_key(tmp_path, url):
    rows = [("s", "a", 1), ("s", "b", 1), ("s", "a", 1)]
    counts = []
    for location in (str(tmp_path / "x.db"), url):
        with open_store(location) as store:
            for batch in (rows, rows[:2]):
                store.db.executemany(
                    "INSERT INTO term_df (scope, term, df) VALUES (?,?,?) "
                    "ON CONFLICT(scope, term) DO UPDATE SET df = df + excluded.df", batch)
            counts.append(dict(store.db.execute(
                "SELECT term, df FROM term_df WHERE scope=? AND term IN (?,?) ORDER BY term",
                ("s", "a", "b")).fetchall()))
    assert counts[0] == counts[1] == {"a": 3, "b": 2}


@needs_server
def test_a_failed_transaction_leaves_nothing_behind(url):
    with open_store(url) as store:
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.set_state("half", 1)
                raise RuntimeError("killed midway")
        assert store.get_state("half") is None


@needs_server
def test_a_newer_schema_is_refused_with_a_hint(url):
    with open_store(url) as store:
        store.db.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    with pytest.raises(SchemaVersionError, match="upgrade lagebild"):
        open_store(url)


@needs_server
def test_search_finds_the_same_segments_on_both_backends(tmp_path, url):
    search = pytest.importorskip("lagebild.search")
    ingest_examples(tmp_path / "x.db", workers=1)
    ingest_examples(url, workers=1)
    for query in ("Gespräche Istanbul", "Gefangene", "Hitze"):
        with open_store(tmp_path / "x.db") as a, open_store(url) as b:
            hits_a, total_a = search.search(a, query, limit=50)
            hits_b, total_b = search.search(b, query, limit=50)
        assert total_a == total_b
        assert sorted(h.segment_id for h in hits_a) == sorted(h.segment_id for h in hits_b)


def test_an_unreachable_server_is_a_store_error_with_a_hint():
    pytest.importorskip("psycopg", reason="psycopg is not installed (extra [postgres])")
    from lagebild.errors import StoreError

    with pytest.raises(StoreError, match="check that the server runs"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
