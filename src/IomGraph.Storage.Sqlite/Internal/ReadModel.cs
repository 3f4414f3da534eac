using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>
/// Keeps what reads would otherwise count on every request (schema migration 3): each actor's relation counts by type
/// and direction, actors' degrees, sources' citation counts, actors by kind and relations by type, and the search index.
/// Every write calls <see cref="MarkAsync"/> when its transaction begins and <see cref="RefreshAsync"/> before it
/// commits; the refresh finds what the write changed in the change log (the entries after the mark) and recomputes the
/// counts of the actors and sources those records touch, set-wise, in a handful of statements. A write that changed
/// many records compared with the graph's size (a seed or a whole-bundle import) recomputes every count instead, which
/// is cheaper than finding what it touched.
/// </summary>
internal static class ReadModel
{
    /// <summary>Where this write's change-log entries begin: the last sequence number before them.</summary>
    public static async Task<long> MarkAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = transaction.Command("SELECT coalesce(max(seq), 0) FROM changes;");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Brings the maintained counts and the search index up to date with the changes logged after <paramref name="since"/>.</summary>
    public static async Task RefreshAsync(SqliteTransaction transaction, long since, CancellationToken cancellationToken)
    {
        // seq grows by one per entry (AUTOINCREMENT, and the log is never deleted from), so this write has about
        // max(seq) - since entries, known without a pass over them (for a whole-bundle write, a million logged documents).
        // The figure only chooses between two exact ways of refreshing.
        long changed, stored;
        await using (var size = transaction.Command(
            "SELECT coalesce((SELECT max(seq) FROM changes), 0) - $since, (SELECT coalesce(sum(n), 0) FROM graph_counts);"))
        {
            size.Parameters.AddWithValue("$since", since);
            await using var reader = await size.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (changed, stored) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        if (changed == 0)
        {
            return;
        }

        // A small write reads its own entries (a seek to the mark); a large one finds the actors it wrote on the log's
        // index by kind, which holds ids only, and recomputes every count.
        var large = changed * 4 > stored;
        await using var refresh = transaction.Command(
            SearchIndex(large ? "SELECT record_id FROM changes INDEXED BY ix_changes_record WHERE kind = 'actor' AND seq > $since" : "SELECT record_id FROM changes WHERE seq > $since AND kind = 'actor'")
            + (large ? Rebuild : Touched));
        refresh.Parameters.AddWithValue("$since", since);
        await refresh.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Re-indexes the actors this write created, updated or deleted, whose ids <paramref name="written"/> selects.</summary>
    private static string SearchIndex(string written) => $"""
        DROP TABLE IF EXISTS temp.model_actors;
        CREATE TEMP TABLE model_actors (id TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
        INSERT OR IGNORE INTO temp.model_actors (id) {written};
        DELETE FROM actor_search WHERE rowid IN (SELECT k.row FROM temp.model_actors w JOIN actor_search_rows k ON k.actor_id = w.id);
        DELETE FROM actor_search_rows WHERE actor_id IN (SELECT id FROM temp.model_actors);
        INSERT INTO actor_search_rows (actor_id, names, sort_key, kind) SELECT a.id, a.search_names, a.sort_key, a.kind FROM temp.model_actors w JOIN actors a ON a.id = w.id;
        INSERT INTO actor_search (rowid, names) SELECT k.row, k.names FROM temp.model_actors w JOIN actor_search_rows k ON k.actor_id = w.id;
        DROP TABLE temp.model_actors;
        """;

    /// <summary>Every count, from the relations, citations and actors stored.</summary>
    private const string Rebuild = """
        DELETE FROM actor_relation_counts;
        DELETE FROM actor_degrees;
        DELETE FROM source_citations;
        DELETE FROM graph_counts;
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
        """;

    /// <summary>
    /// The counts of what this write touched. model_written holds each record the write changed once, with its JSON
    /// as it was before the write (its first entry's before; null if the write created it); what it is now is in its
    /// table (nothing if the write deleted it). The actors touched are the ends of each changed relation before and
    /// after, the sources touched those it cited before and after; their counts are recomputed from the relation
    /// indexes and the citations. Actors by kind and relations by type change by what was added less what was there.
    /// </summary>
    private const string Touched = """
        DROP TABLE IF EXISTS temp.model_written;
        DROP TABLE IF EXISTS temp.model_touched_actors;
        DROP TABLE IF EXISTS temp.model_touched_sources;
        CREATE TEMP TABLE model_written (kind TEXT NOT NULL, id TEXT NOT NULL, before TEXT, PRIMARY KEY (kind, id)) WITHOUT ROWID;
        INSERT OR IGNORE INTO temp.model_written (kind, id, before) SELECT kind, record_id, before FROM changes WHERE seq > $since ORDER BY seq;

        CREATE TEMP TABLE model_touched_actors (id TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
        INSERT OR IGNORE INTO temp.model_touched_actors (id)
        SELECT r.from_id FROM temp.model_written w JOIN relations r ON r.id = w.id WHERE w.kind = 'relation'
        UNION ALL SELECT r.to_id FROM temp.model_written w JOIN relations r ON r.id = w.id WHERE w.kind = 'relation'
        UNION ALL SELECT json_extract(w.before, '$.from') FROM temp.model_written w WHERE w.kind = 'relation' AND w.before IS NOT NULL
        UNION ALL SELECT json_extract(w.before, '$.to') FROM temp.model_written w WHERE w.kind = 'relation' AND w.before IS NOT NULL
        UNION ALL SELECT w.id FROM temp.model_written w WHERE w.kind = 'actor';

        CREATE TEMP TABLE model_touched_sources (id TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
        INSERT OR IGNORE INTO temp.model_touched_sources (id)
        SELECT w.id FROM temp.model_written w WHERE w.kind = 'source'
        UNION ALL SELECT c.source_id FROM temp.model_written w JOIN relation_sources c ON c.relation_id = w.id WHERE w.kind = 'relation'
        UNION ALL SELECT json_extract(s.value, '$.sourceId') FROM temp.model_written w, json_each(w.before, '$.sources') s
        WHERE w.kind = 'relation' AND w.before IS NOT NULL;

        DELETE FROM actor_relation_counts WHERE actor_id IN (SELECT id FROM temp.model_touched_actors);
        INSERT INTO actor_relation_counts (actor_id, type, direction, n)
        SELECT r.from_id, r.type, 0, count(*) FROM temp.model_touched_actors t JOIN relations r INDEXED BY ix_relations_from ON r.from_id = t.id GROUP BY r.from_id, r.type
        UNION ALL
        SELECT r.to_id, r.type, 1, count(*) FROM temp.model_touched_actors t JOIN relations r INDEXED BY ix_relations_to ON r.to_id = t.id GROUP BY r.to_id, r.type;
        DELETE FROM actor_degrees WHERE actor_id IN (SELECT id FROM temp.model_touched_actors);
        INSERT INTO actor_degrees (actor_id, ends, loops)
        SELECT c.actor_id, sum(c.n), (SELECT count(*) FROM relations r INDEXED BY ix_relations_from WHERE r.from_id = c.actor_id AND r.to_id = c.actor_id)
        FROM actor_relation_counts c WHERE c.actor_id IN (SELECT id FROM temp.model_touched_actors) GROUP BY c.actor_id;

        DELETE FROM source_citations WHERE source_id IN (SELECT id FROM temp.model_touched_sources);
        INSERT INTO source_citations (source_id, n)
        SELECT t.id, count(*) FROM temp.model_touched_sources t JOIN relation_sources c ON c.source_id = t.id GROUP BY t.id;

        INSERT INTO graph_counts (what, key, n)
        SELECT what, key, sum(d) FROM (
            SELECT 'type' AS what, r.type AS key, 1 AS d FROM temp.model_written w JOIN relations r ON r.id = w.id WHERE w.kind = 'relation'
            UNION ALL SELECT 'type', json_extract(w.before, '$.type'), -1 FROM temp.model_written w WHERE w.kind = 'relation' AND w.before IS NOT NULL
            UNION ALL SELECT 'kind', a.kind, 1 FROM temp.model_written w JOIN actors a ON a.id = w.id WHERE w.kind = 'actor'
            UNION ALL SELECT 'kind', json_extract(w.before, '$.kind'), -1 FROM temp.model_written w WHERE w.kind = 'actor' AND w.before IS NOT NULL)
        WHERE true GROUP BY what, key
        ON CONFLICT (what, key) DO UPDATE SET n = n + excluded.n;
        DELETE FROM graph_counts WHERE n = 0;

        DROP TABLE temp.model_written;
        DROP TABLE temp.model_touched_actors;
        DROP TABLE temp.model_touched_sources;
        """;
}
