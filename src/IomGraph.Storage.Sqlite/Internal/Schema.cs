namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>
/// The schema as a list of migrations. <c>PRAGMA user_version</c> holds how many have run; each runs once, in its
/// own transaction, and a migration is never edited once released: change the schema by appending one.
/// </summary>
internal static class Schema
{
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: the graph. Every record keeps its whole JSON form in doc (what reads return) and the SHA-256 of that JSON
        // in hash (what a bundle is compared with); the other columns exist only to filter, order and join on.
        """
        CREATE TABLE meta (
            key   TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID, STRICT;

        CREATE TABLE sources (
            id     TEXT NOT NULL PRIMARY KEY,
            doc    TEXT NOT NULL,
            hash   BLOB NOT NULL,
            origin TEXT NOT NULL CHECK (origin IN ('seed', 'import'))
        ) STRICT;

        -- search_names holds the folded id, name, label and aliases as '\n' || n1 || '\n' || n2 || '\n', so that an
        -- exact, prefix or substring match is an instr() away.
        CREATE TABLE actors (
            id           TEXT NOT NULL PRIMARY KEY,
            name         TEXT NOT NULL,
            label        TEXT,
            kind         TEXT NOT NULL,
            sort_key     TEXT NOT NULL,
            search_names TEXT NOT NULL,
            doc          TEXT NOT NULL,
            hash         BLOB NOT NULL,
            origin       TEXT NOT NULL CHECK (origin IN ('seed', 'import'))
        ) STRICT;
        CREATE INDEX ix_actors_sort ON actors (sort_key, id);
        CREATE INDEX ix_actors_kind ON actors (kind, sort_key, id);

        -- start_key and end_key are Validity.StartKey/EndKey: yyyymmdd bounds, 0 and 99991231 when undated.
        CREATE TABLE relations (
            id         TEXT NOT NULL PRIMARY KEY,
            from_id    TEXT NOT NULL REFERENCES actors (id),
            to_id      TEXT NOT NULL REFERENCES actors (id),
            type       TEXT NOT NULL,
            start_key  INTEGER NOT NULL,
            end_key    INTEGER NOT NULL,
            confidence INTEGER NOT NULL CHECK (confidence BETWEEN 1 AND 3),
            doc        TEXT NOT NULL,
            hash       BLOB NOT NULL,
            origin     TEXT NOT NULL CHECK (origin IN ('seed', 'import'))
        ) STRICT;
        -- One actor's relations in listing order, carrying every column a filter or a graph walk reads,
        -- so that a page, a count by type or a BFS step never touches the table itself.
        CREATE INDEX ix_relations_from ON relations (from_id, start_key, id, type, end_key, confidence, to_id);
        CREATE INDEX ix_relations_to ON relations (to_id, start_key, id, type, end_key, confidence, from_id);
        CREATE INDEX ix_relations_type ON relations (type, start_key, id, end_key, confidence);
        CREATE INDEX ix_relations_start ON relations (start_key, id, end_key, confidence, type);

        -- Which relations cite a source, in the listing order of relations (start_key copied from the relation).
        CREATE TABLE relation_sources (
            source_id   TEXT NOT NULL REFERENCES sources (id),
            start_key   INTEGER NOT NULL,
            relation_id TEXT NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
            PRIMARY KEY (source_id, start_key, relation_id)
        ) WITHOUT ROWID, STRICT;
        CREATE INDEX ix_relation_sources_relation ON relation_sources (relation_id);

        -- Which sources actors cite: kept only so that a source in use is never deleted.
        CREATE TABLE actor_sources (
            source_id TEXT NOT NULL REFERENCES sources (id),
            actor_id  TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
            PRIMARY KEY (source_id, actor_id)
        ) WITHOUT ROWID, STRICT;
        CREATE INDEX ix_actor_sources_actor ON actor_sources (actor_id);
        """,

        // 2: the change log. One row per created, updated or deleted record, with its canonical JSON before and after
        // (null where it did not exist). seq orders the log and never repeats (AUTOINCREMENT), so a cursor stays valid;
        // at is ChangeTimes.Format, fixed-width UTC text that sorts as it reads, and never decreases along seq, so
        // "since" is a suffix of the log found by one seek. The records already stored are logged as created by their
        // origin, so that reading the log from the start rebuilds the graph.
        """
        CREATE TABLE changes (
            seq       INTEGER PRIMARY KEY AUTOINCREMENT,
            at        TEXT NOT NULL,
            author    TEXT NOT NULL,
            kind      TEXT NOT NULL CHECK (kind IN ('source', 'actor', 'relation')),
            record_id TEXT NOT NULL,
            operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
            before    TEXT,
            after     TEXT
        ) STRICT;
        CREATE INDEX ix_changes_record ON changes (kind, record_id, seq);
        CREATE INDEX ix_changes_at ON changes (at, seq);

        INSERT INTO changes (at, author, kind, record_id, operation, before, after)
        SELECT strftime('%Y-%m-%dT%H:%M:%f0000Z', 'now'), origin, 'source', id, 'create', NULL, doc FROM sources ORDER BY id;
        INSERT INTO changes (at, author, kind, record_id, operation, before, after)
        SELECT strftime('%Y-%m-%dT%H:%M:%f0000Z', 'now'), origin, 'actor', id, 'create', NULL, doc FROM actors ORDER BY id;
        INSERT INTO changes (at, author, kind, record_id, operation, before, after)
        SELECT strftime('%Y-%m-%dT%H:%M:%f0000Z', 'now'), origin, 'relation', id, 'create', NULL, doc FROM relations ORDER BY id;
        """,

        // 3: what reads would otherwise count on every request, kept by ReadModel at the end of every write
        // transaction, and the search index. Filled here from what an existing database holds.
        // - actor_relation_counts: one actor's relations by type and direction (0 out, 1 in), for the actor page;
        // - actor_degrees: ends (relations out plus in: the statistics' degree) and loops (relations to itself), so
        //   that ends - loops is how many relations an actor's listing holds; only actors with relations have a row;
        // - source_citations: how many relations cite each source, for sources with at least one;
        // - graph_counts: actors by kind ('kind') and relations by type ('type'), never a zero;
        // - actor_search: each actor's search_names in an FTS5 trigram index, for queries of three characters or more;
        //   actor_search_rows says which actor each index row is (its own key, so that VACUUM cannot change it), with the
        //   actor's search names, sort key and kind, so that a search ranks, filters and orders its hits on one seek each,
        //   without reading the actors.
        """
        CREATE TABLE actor_relation_counts (
            actor_id  TEXT NOT NULL,
            type      TEXT NOT NULL,
            direction INTEGER NOT NULL CHECK (direction IN (0, 1)),
            n         INTEGER NOT NULL,
            PRIMARY KEY (actor_id, type, direction)
        ) WITHOUT ROWID, STRICT;

        CREATE TABLE actor_degrees (
            actor_id TEXT NOT NULL PRIMARY KEY,
            ends     INTEGER NOT NULL,
            loops    INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;
        CREATE INDEX ix_actor_degrees_top ON actor_degrees (ends DESC, actor_id);

        CREATE TABLE source_citations (
            source_id TEXT NOT NULL PRIMARY KEY,
            n         INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;

        CREATE TABLE graph_counts (
            what TEXT NOT NULL CHECK (what IN ('kind', 'type')),
            key  TEXT NOT NULL,
            n    INTEGER NOT NULL,
            PRIMARY KEY (what, key)
        ) WITHOUT ROWID, STRICT;

        CREATE TABLE actor_search_rows (
            row      INTEGER PRIMARY KEY,
            actor_id TEXT NOT NULL UNIQUE,
            names    TEXT NOT NULL,
            sort_key TEXT NOT NULL,
            kind     TEXT NOT NULL
        ) STRICT;
        CREATE VIRTUAL TABLE actor_search USING fts5 (names, tokenize = 'trigram case_sensitive 1');

        -- The first fill, as ReadModel's Rebuild does it today, written out here rather than called: a migration is
        -- never edited once released, so it must not change when ReadModel does.
        INSERT INTO actor_relation_counts (actor_id, type, direction, n)
        SELECT from_id, type, 0, count(*) FROM relations INDEXED BY ix_relations_from GROUP BY from_id, type
        UNION ALL
        SELECT to_id, type, 1, count(*) FROM relations INDEXED BY ix_relations_to GROUP BY to_id, type;
        INSERT INTO actor_degrees (actor_id, ends, loops)
        SELECT c.actor_id, sum(c.n), (SELECT count(*) FROM relations r INDEXED BY ix_relations_from WHERE r.from_id = c.actor_id AND r.to_id = c.actor_id)
        FROM actor_relation_counts c GROUP BY c.actor_id;
        INSERT INTO source_citations (source_id, n) SELECT source_id, count(*) FROM relation_sources GROUP BY source_id;
        INSERT INTO graph_counts (what, key, n)
        SELECT 'kind', kind, count(*) FROM actors GROUP BY kind
        UNION ALL
        SELECT 'type', type, count(*) FROM relations GROUP BY type;
        INSERT INTO actor_search_rows (actor_id, names, sort_key, kind) SELECT id, search_names, sort_key, kind FROM actors ORDER BY id;
        INSERT INTO actor_search (rowid, names) SELECT row, names FROM actor_search_rows;
        """,
    ];

    public static int LatestVersion => Migrations.Count;
}
