using System.Globalization;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>
/// Applies a bundle inside one transaction, set-wise. Each record is encoded (in parallel batches), compared with the
/// hash stored under its id, and staged in a temporary table by prepared commands re-bound per row; only created and
/// updated records stage their payload and citations. The staged changes are then checked for references nothing
/// holds, logged in the change log and merged with a handful of INSERT ... SELECT / DELETE statements, so a failure at
/// any step leaves the store as it was.
/// </summary>
/// <remarks>
/// Seeds, imports and curation writes share the steps: <see cref="StageAsync"/>, <see cref="MergeAsync"/>, then
/// <see cref="DeleteStagedAsync"/> for whatever the caller put in <c>stage_deletes</c>. Origin is what a seed's
/// deletions go by: a seed removes only records whose last write was a seed's; every other write marks what it
/// writes 'import', so that a seed never removes it.
/// </remarks>
internal sealed class BundleWriter(SqliteTransaction transaction)
{
    private const int Unchanged = (int)RecordState.Unchanged;
    private const int Created = (int)RecordState.Created;
    private const int Updated = (int)RecordState.Updated;

    // A large bundle rewrites index pages all over the file; SQLite's default 2 MB page cache would re-read them
    // constantly. The bigger cache lasts for this bundle only: the connection may go back to a pool.
    private const int BundleCacheKibibytes = 256 * 1024;

    // Secondary indexes are dropped and built again (SetIndexesAsideAsync) for a write of at least this many changed
    // rows of a table, when they are at least 1/RebuildIndexesRatio of the rows it holds.
    private const int RebuildIndexesFrom = 10_000;
    private const int RebuildIndexesRatio = 2;

    /// <summary>
    /// How many records a seed replaced that an import or a curator wrote last. The seed wins (its files are the source
    /// of truth for what they hold) and the change log keeps what it replaced; this count lets the caller say so.
    /// </summary>
    public int Overwritten { get; private set; }

    /// <summary>A seed: stages, logs and merges the bundle, then removes what it no longer holds and records its fingerprint.</summary>
    public Task<WriteResult> SeedAsync(GraphBundle bundle, ChangeStamp stamp, DateTimeOffset now, CancellationToken cancellationToken) =>
        WithBundleCacheAsync(bundle, () => SeedCoreAsync(bundle, stamp, now, cancellationToken), cancellationToken);

    /// <summary>Runs a write of <paramref name="bundle"/> with a page cache to match its size.</summary>
    public async Task<T> WithBundleCacheAsync<T>(GraphBundle bundle, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        var large = bundle.Actors.Count + bundle.Relations.Count > 10_000;
        if (!large)
        {
            return await write();
        }

        await using var cacheSize = Command("PRAGMA cache_size;");
        var previousCacheSize = Convert.ToInt64(await cacheSize.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        await ExecuteAsync($"PRAGMA cache_size = -{BundleCacheKibibytes};", cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            await RestoreCacheSizeAsync(previousCacheSize);
        }
    }

    private async Task RestoreCacheSizeAsync(long cacheSize)
    {
        try
        {
            await ExecuteAsync($"PRAGMA cache_size = {cacheSize};", CancellationToken.None);
        }
        catch (SqliteException)
        {
            // The bundle's own failure is the one to report; a connection that cannot take a pragma is broken anyway.
        }
    }

    private async Task<WriteResult> SeedCoreAsync(GraphBundle bundle, ChangeStamp stamp, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await StageAsync(bundle, cancellationToken);
        var result = await MergeAsync(seed: true, stamp, cancellationToken);

        {
            await ExecuteAsync(StageSeedDeletions, cancellationToken);
            result = await DeleteStagedAsync(result, stamp, cancellationToken);
            await using var meta = Command(
                """
                INSERT INTO meta (key, value) VALUES ('seed.fingerprint', $fingerprint), ('seed.appliedAt', $appliedAt)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value;
                """);
            meta.Parameters.AddWithValue("$fingerprint", await FingerprintAsync(cancellationToken));
            meta.Parameters.AddWithValue("$appliedAt", now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            await meta.ExecuteNonQueryAsync(cancellationToken);
        }

        var versions = await StagedVersionsAsync(cancellationToken);
        await DropStageTablesAsync(cancellationToken);
        return new WriteResult(WriteStatus.Applied, result, versions) { Overwritten = Overwritten };
    }

    /// <summary>
    /// Stages every record of the bundle with its state, then checks that what the changed ones refer to exists in the
    /// bundle or the store. Throws <see cref="InvalidBundleException"/> for an id held twice or a reference to nothing.
    /// </summary>
    public async Task StageAsync(GraphBundle bundle, CancellationToken cancellationToken)
    {
        await ExecuteAsync(StageTables, cancellationToken);
        await StageSourcesAsync(bundle.Sources, cancellationToken);
        await StageActorsAsync(bundle.Actors, cancellationToken);
        await StageRelationsAsync(bundle.Relations, cancellationToken);
        await CheckReferencesAsync(cancellationToken);
    }

    /// <summary>
    /// Logs and writes the created and updated staged records, sources first so that what actors and relations cite
    /// exists, under the origin 'seed' for a seed and 'import' for any other write.
    /// </summary>
    public async Task<BundleResult> MergeAsync(bool seed, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var sources = await MergeTableAsync("source", "sources", SourceColumns, await StagedCountsAsync("sources", cancellationToken), seed, stamp, cancellationToken);
        var actorCounts = await StagedCountsAsync("actors", cancellationToken);
        var actorIndexes = await SetIndexesAsideAsync("actors", actorCounts, ["actors", "actor_sources"], cancellationToken);
        var actors = await MergeTableAsync("actor", "actors", ActorColumns, actorCounts, seed, stamp, cancellationToken);
        await ExecuteAsync(
            """
            DELETE FROM actor_sources WHERE actor_id IN (SELECT id FROM stage_actors WHERE state = 2);
            INSERT INTO actor_sources (source_id, actor_id)
            SELECT c.source_id, c.actor_id FROM stage_actor_sources c JOIN stage_actors s ON s.id = c.actor_id WHERE s.state <> 0
            ORDER BY c.source_id, c.actor_id;
            """,
            cancellationToken);
        await RebuildIndexesAsync(actorIndexes, cancellationToken);
        var relationCounts = await StagedCountsAsync("relations", cancellationToken);
        var relationIndexes = await SetIndexesAsideAsync("relations", relationCounts, ["relations", "relation_sources"], cancellationToken);
        var relations = await MergeTableAsync("relation", "relations", RelationColumns, relationCounts, seed, stamp, cancellationToken);
        await ExecuteAsync(
            """
            DELETE FROM relation_sources WHERE relation_id IN (SELECT id FROM stage_relations WHERE state = 2);
            INSERT INTO relation_sources (source_id, start_key, relation_id)
            SELECT c.source_id, s.start_key, c.relation_id FROM stage_relation_sources c JOIN stage_relations s ON s.id = c.relation_id WHERE s.state <> 0
            ORDER BY c.source_id, s.start_key, c.relation_id;
            """,
            cancellationToken);
        await RebuildIndexesAsync(relationIndexes, cancellationToken);
        return new BundleResult(sources, actors, relations);
    }

    /// <summary>
    /// Logs and deletes the records in <c>stage_deletes</c>: relations, then actors, then sources, so that nothing
    /// deleted is still referred to when it goes. The caller has made sure that nothing left refers to them.
    /// </summary>
    public async Task<BundleResult> DeleteStagedAsync(BundleResult counts, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var count = Command("SELECT kind, count(*) FROM stage_deletes GROUP BY kind;"))
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                deleted[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        if (deleted.Count == 0)
        {
            return counts;
        }

        await using var delete = Command(
            ChangeLog.LogDeletes("relation", "relations") + ChangeLog.LogDeletes("actor", "actors") + ChangeLog.LogDeletes("source", "sources") + """
            DELETE FROM relations WHERE id IN (SELECT id FROM stage_deletes WHERE kind = 'relation');
            DELETE FROM actors WHERE id IN (SELECT id FROM stage_deletes WHERE kind = 'actor');
            DELETE FROM sources WHERE id IN (SELECT id FROM stage_deletes WHERE kind = 'source');
            """);
        stamp.Bind(delete);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        return new BundleResult(
            counts.Sources with { Deleted = deleted.GetValueOrDefault("source") },
            counts.Actors with { Deleted = deleted.GetValueOrDefault("actor") },
            counts.Relations with { Deleted = deleted.GetValueOrDefault("relation") });
    }

    /// <summary>The version of every staged record, changed or not.</summary>
    public async Task<Dictionary<RecordRef, string>> StagedVersionsAsync(CancellationToken cancellationToken)
    {
        var versions = new Dictionary<RecordRef, string>();
        await using var command = Command(
            """
            SELECT 'source', id, hash FROM stage_sources
            UNION ALL SELECT 'actor', id, hash FROM stage_actors
            UNION ALL SELECT 'relation', id, hash FROM stage_relations;
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[new RecordRef(WireNames.Parse<RecordKind>(reader.GetString(0)), reader.GetString(1))] = Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(2));
        }

        return versions;
    }

    public Task DropStageTablesAsync(CancellationToken cancellationToken) => ExecuteAsync(DropStageTables, cancellationToken);

    // Relations first: an actor or source is removed only once nothing that stays refers to it, so one that an
    // imported or curated record still uses outlives the seed that dropped it.
    private const string StageSeedDeletions = """
        INSERT INTO stage_deletes (kind, id)
        SELECT 'relation', r.id FROM relations r WHERE r.origin = 'seed' AND r.id NOT IN (SELECT id FROM stage_relations);
        INSERT INTO stage_deletes (kind, id)
        SELECT 'actor', a.id FROM actors a WHERE a.origin = 'seed' AND a.id NOT IN (SELECT id FROM stage_actors)
        AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.from_id = a.id AND r.id NOT IN (SELECT id FROM stage_deletes WHERE kind = 'relation'))
        AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.to_id = a.id AND r.id NOT IN (SELECT id FROM stage_deletes WHERE kind = 'relation'));
        INSERT INTO stage_deletes (kind, id)
        SELECT 'source', s.id FROM sources s WHERE s.origin = 'seed' AND s.id NOT IN (SELECT id FROM stage_sources)
        AND NOT EXISTS (SELECT 1 FROM relation_sources c WHERE c.source_id = s.id AND c.relation_id NOT IN (SELECT id FROM stage_deletes WHERE kind = 'relation'))
        AND NOT EXISTS (SELECT 1 FROM actor_sources c WHERE c.source_id = s.id AND c.actor_id NOT IN (SELECT id FROM stage_deletes WHERE kind = 'actor'));
        """;

    private const string SourceColumns = "id, doc, hash";
    private const string ActorColumns = "id, name, label, kind, sort_key, search_names, doc, hash";
    private const string RelationColumns = "id, from_id, to_id, type, start_key, end_key, confidence, doc, hash";

    private const string DropStageTables = """
        DROP TABLE IF EXISTS temp.stage_sources;
        DROP TABLE IF EXISTS temp.stage_actors;
        DROP TABLE IF EXISTS temp.stage_actor_sources;
        DROP TABLE IF EXISTS temp.stage_relations;
        DROP TABLE IF EXISTS temp.stage_relation_sources;
        DROP TABLE IF EXISTS temp.stage_deletes;
        """;

    // state: 0 unchanged, 1 created, 2 updated, decided while staging. An unchanged row keeps only its id and hash
    // (for deletions and the fingerprint): its payload and citations are already stored.
    private const string StageTables = DropStageTables + """
        CREATE TEMP TABLE stage_sources (id TEXT NOT NULL PRIMARY KEY, hash BLOB NOT NULL, state INTEGER NOT NULL, doc TEXT);
        CREATE TEMP TABLE stage_actors (
            id TEXT NOT NULL PRIMARY KEY, hash BLOB NOT NULL, state INTEGER NOT NULL,
            name TEXT, label TEXT, kind TEXT, sort_key TEXT, search_names TEXT, doc TEXT);
        CREATE TEMP TABLE stage_actor_sources (actor_id TEXT NOT NULL, source_id TEXT NOT NULL, PRIMARY KEY (actor_id, source_id)) WITHOUT ROWID;
        CREATE TEMP TABLE stage_relations (
            id TEXT NOT NULL PRIMARY KEY, hash BLOB NOT NULL, state INTEGER NOT NULL,
            from_id TEXT, to_id TEXT, type TEXT, start_key INTEGER, end_key INTEGER, confidence INTEGER, doc TEXT);
        CREATE TEMP TABLE stage_relation_sources (relation_id TEXT NOT NULL, source_id TEXT NOT NULL, PRIMARY KEY (relation_id, source_id)) WITHOUT ROWID;
        CREATE TEMP TABLE stage_deletes (kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
        """;

    private async Task StageSourcesAsync(IReadOnlyList<Source> sources, CancellationToken cancellationToken)
    {
        var stored = new StoredHashes<Source>(this, "sources", sources, s => s.Id);
        await using var insert = Prepared("INSERT INTO stage_sources (id, hash, state, doc) VALUES ($id, $hash, $state, $doc);", "$id", "$hash", "$state", "$doc");
        foreach (var (source, encoded) in BundleEncoding.EncodeInBatches(sources, CanonicalJson.Encode))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = await stored.StateAsync(source.Id, encoded.Hash, cancellationToken);
            Bind(insert, source.Id, encoded.Hash, state, state == Unchanged ? null : encoded.Json);
            await InsertOnceAsync(insert, RecordKind.Source, source.Id, cancellationToken);
        }
    }

    private async Task StageActorsAsync(IReadOnlyList<Actor> actors, CancellationToken cancellationToken)
    {
        var stored = new StoredHashes<Actor>(this, "actors", actors, a => a.Id);
        await using var insert = Prepared(
            """
            INSERT INTO stage_actors (id, hash, state, name, label, kind, sort_key, search_names, doc)
            VALUES ($id, $hash, $state, $name, $label, $kind, $sortKey, $searchNames, $doc);
            """,
            "$id", "$hash", "$state", "$name", "$label", "$kind", "$sortKey", "$searchNames", "$doc");
        await using var cite = Prepared("INSERT OR IGNORE INTO stage_actor_sources (actor_id, source_id) VALUES ($id, $source);", "$id", "$source");
        foreach (var (actor, encoded) in BundleEncoding.EncodeInBatches(actors, CanonicalJson.Encode))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = await stored.StateAsync(actor.Id, encoded.Hash, cancellationToken);
            if (state == Unchanged)
            {
                Bind(insert, actor.Id, encoded.Hash, state, null, null, null, null, null, null);
                await InsertOnceAsync(insert, RecordKind.Actor, actor.Id, cancellationToken);
                continue;
            }

            Bind(insert, actor.Id, encoded.Hash, state, actor.Name, actor.Label, WireNames.Of(actor.Kind), TextFolding.SortKey(actor), RecordCodec.SearchNames(actor), encoded.Json);
            await InsertOnceAsync(insert, RecordKind.Actor, actor.Id, cancellationToken);
            foreach (var citation in actor.Sources ?? [])
            {
                Bind(cite, actor.Id, citation.SourceId);
                await cite.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private async Task StageRelationsAsync(IReadOnlyList<Relation> relations, CancellationToken cancellationToken)
    {
        var stored = new StoredHashes<Relation>(this, "relations", relations, r => r.Id);
        await using var insert = Prepared(
            """
            INSERT INTO stage_relations (id, hash, state, from_id, to_id, type, start_key, end_key, confidence, doc)
            VALUES ($id, $hash, $state, $from, $to, $type, $startKey, $endKey, $confidence, $doc);
            """,
            "$id", "$hash", "$state", "$from", "$to", "$type", "$startKey", "$endKey", "$confidence", "$doc");
        await using var cite = Prepared("INSERT OR IGNORE INTO stage_relation_sources (relation_id, source_id) VALUES ($id, $source);", "$id", "$source");
        foreach (var (relation, encoded) in BundleEncoding.EncodeInBatches(relations, CanonicalJson.Encode))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = await stored.StateAsync(relation.Id, encoded.Hash, cancellationToken);
            if (state == Unchanged)
            {
                Bind(insert, relation.Id, encoded.Hash, state, null, null, null, null, null, null, null);
                await InsertOnceAsync(insert, RecordKind.Relation, relation.Id, cancellationToken);
                continue;
            }

            Bind(
                insert,
                relation.Id,
                encoded.Hash,
                state,
                relation.From,
                relation.To,
                WireNames.Of(relation.Type),
                Validity.StartKey(relation),
                Validity.EndKey(relation.End),
                (int)relation.Confidence,
                encoded.Json);
            await InsertOnceAsync(insert, RecordKind.Relation, relation.Id, cancellationToken);
            foreach (var citation in relation.Sources)
            {
                Bind(cite, relation.Id, citation.SourceId);
                await cite.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// The hash stored under each id of a bundle's records, read a batch of ids at a time as the records are staged in
    /// order, so that a bundle of a million records costs a few hundred queries instead of a million.
    /// </summary>
    private sealed class StoredHashes<T>(BundleWriter writer, string table, IReadOnlyList<T> records, Func<T, string> idOf)
    {
        private const int BatchSize = 4096;
        private readonly Dictionary<string, byte[]> _hashes = new(StringComparer.Ordinal);
        private int _next;

        /// <summary>
        /// Created, updated or unchanged (<see cref="RecordStates"/>) for the next record of the bundle's list, which
        /// must be asked for in order, one call per record.
        /// </summary>
        public async Task<int> StateAsync(string id, byte[] hash, CancellationToken cancellationToken)
        {
            if (_next % BatchSize == 0)
            {
                await LoadAsync(_next, cancellationToken);
            }

            _next++;
            var isStored = _hashes.TryGetValue(id, out var stored);
            return (int)RecordStates.Of(stored, isStored, hash);
        }

        private async Task LoadAsync(int start, CancellationToken cancellationToken)
        {
            _hashes.Clear();
            var ids = new List<string>(Math.Min(BatchSize, records.Count - start));
            for (var i = start; i < records.Count && i < start + BatchSize; i++)
            {
                ids.Add(idOf(records[i]));
            }

            await using var command = writer.Command($"SELECT id, hash FROM {table} WHERE id IN (SELECT value FROM json_each($ids));");
            command.Parameters.AddWithValue("$ids", RecordCodec.JsonArray(ids));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                _hashes[reader.GetString(0)] = reader.GetFieldValue<byte[]>(1);
            }
        }
    }

    private static async Task InsertOnceAsync(SqliteCommand insert, RecordKind kind, string id, CancellationToken cancellationToken)
    {
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteErrors.Constraint)
        {
            throw new InvalidBundleException(WriteMessages.Duplicate(kind, id), new RecordRef(kind, id), e);
        }
    }

    /// <summary>
    /// Finds references that neither the bundle nor the store can satisfy, among the changed records (an unchanged
    /// one's references are stored and kept). The foreign keys would refuse them too, but
    /// only with "FOREIGN KEY constraint failed"; this names the record and what it misses.
    /// </summary>
    private async Task CheckReferencesAsync(CancellationToken cancellationToken)
    {
        await using var check = Command(
            """
            SELECT 'relation', r.id, 'actor', r.from_id FROM stage_relations r
            WHERE r.state <> 0 AND NOT EXISTS (SELECT 1 FROM stage_actors a WHERE a.id = r.from_id) AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = r.from_id)
            UNION ALL
            SELECT 'relation', r.id, 'actor', r.to_id FROM stage_relations r
            WHERE r.state <> 0 AND NOT EXISTS (SELECT 1 FROM stage_actors a WHERE a.id = r.to_id) AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = r.to_id)
            UNION ALL
            SELECT 'relation', c.relation_id, 'source', c.source_id FROM stage_relation_sources c
            WHERE NOT EXISTS (SELECT 1 FROM stage_sources s WHERE s.id = c.source_id) AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = c.source_id)
            UNION ALL
            SELECT 'actor', c.actor_id, 'source', c.source_id FROM stage_actor_sources c
            WHERE NOT EXISTS (SELECT 1 FROM stage_sources s WHERE s.id = c.source_id) AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = c.source_id)
            LIMIT $take;
            """);
        check.Parameters.AddWithValue("$take", WriteMessages.MissingListed + 1);
        var missing = new List<(RecordRef Holder, RecordKind Kind, string Id)>();
        await using (var reader = await check.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var holder = new RecordRef(WireNames.Parse<RecordKind>(reader.GetString(0)), reader.GetString(1));
                missing.Add((holder, WireNames.Parse<RecordKind>(reader.GetString(2)), reader.GetString(3)));
            }
        }

        if (missing.Count > 0)
        {
            throw WriteMessages.Missing(missing);
        }
    }

    /// <summary>How many staged rows of a table are created, updated and unchanged.</summary>
    private async Task<RecordCounts> StagedCountsAsync(string table, CancellationToken cancellationToken)
    {
        int created = 0, updated = 0, unchanged = 0;
        await using var count = Command($"SELECT state, count(*) FROM stage_{table} GROUP BY state;");
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rows = reader.GetInt32(1);
            switch (reader.GetInt32(0))
            {
                case Created: created = rows; break;
                case Updated: updated = rows; break;
                default: unchanged = rows; break;
            }
        }

        return new RecordCounts(created, updated, unchanged, 0);
    }

    /// <summary>
    /// Logs the created and updated staged rows (<paramref name="counts"/>) and writes them, in id order. A seed also
    /// claims the unchanged rows it holds, so that a later seed may remove them; that changes no record, so it is not
    /// logged. A table with nothing to write is not scanned again: re-applying a large unchanged seed stays a read.
    /// </summary>
    private async Task<RecordCounts> MergeTableAsync(
        string kind, string table, string columns, RecordCounts counts, bool seed, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var stage = "stage_" + table;
        var (created, updated, unchanged) = (counts.Created, counts.Updated, counts.Unchanged);
        if (seed && updated > 0)
        {
            await using var overwritten = Command($"SELECT count(*) FROM {stage} s JOIN {table} t ON t.id = s.id WHERE s.state = {Updated} AND t.origin <> 'seed';");
            Overwritten += Convert.ToInt32(await overwritten.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var assignments = string.Join(", ", columns.Split(", ").Skip(1).Select(c => $"{c} = excluded.{c}"));
        var statements = new List<string>();
        if (created + updated > 0)
        {
            statements.Add(ChangeLog.LogStaged(kind, table));
            statements.Add(
                $"""
                INSERT INTO {table} ({columns}, origin) SELECT {columns}, $origin FROM {stage} WHERE state <> {Unchanged} ORDER BY id
                ON CONFLICT (id) DO UPDATE SET {assignments}, origin = excluded.origin;
                """);
        }

        if (seed && unchanged > 0)
        {
            statements.Add($"UPDATE {table} SET origin = 'seed' WHERE origin <> 'seed' AND id IN (SELECT id FROM {stage} WHERE state = {Unchanged});");
        }

        if (statements.Count > 0)
        {
            await using var merge = Command(string.Join('\n', statements));
            merge.Parameters.AddWithValue("$origin", seed ? "seed" : "import");
            stamp.Bind(merge);
            await merge.ExecuteNonQueryAsync(cancellationToken);
        }

        return counts;
    }

    /// <summary>
    /// Drops the secondary indexes of <paramref name="tables"/> when a write creates or updates so many rows of
    /// <paramref name="table"/> that building the indexes again, from sorted keys, costs less than inserting every
    /// row's entries one by one into each of them (the rows arrive in id order, so only the primary key grows at one
    /// end). Returns what <see cref="RebuildIndexesAsync"/> creates again. Inside the write's transaction, so a failed
    /// write rolls the drop back with everything else and readers never see a table without its indexes.
    /// </summary>
    private async Task<List<string>> SetIndexesAsideAsync(string table, RecordCounts counts, string[] tables, CancellationToken cancellationToken)
    {
        var changed = counts.Created + counts.Updated;
        var definitions = new List<string>();
        if (changed < RebuildIndexesFrom)
        {
            return definitions;
        }

        await using (var stored = Command($"SELECT count(*) FROM {table};"))
        {
            var rows = Convert.ToInt64(await stored.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (changed * RebuildIndexesRatio < rows)
            {
                return definitions;
            }
        }

        var names = new List<string>();
        await using (var command = Command(
            $"SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select(t => $"'{t}'"))}) ORDER BY rowid;"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
                definitions.Add(reader.GetString(1));
            }
        }

        if (names.Count > 0)
        {
            await ExecuteAsync(string.Concat(names.Select(n => $"DROP INDEX \"{n.Replace("\"", "\"\"", StringComparison.Ordinal)}\";")), cancellationToken);
        }

        return definitions;
    }

    private async Task RebuildIndexesAsync(List<string> definitions, CancellationToken cancellationToken)
    {
        if (definitions.Count > 0)
        {
            await ExecuteAsync(string.Concat(definitions.Select(d => d + ";")), cancellationToken);
        }
    }

    /// <summary>
    /// SHA-256 over the hashes of the bundle's records (each the SHA-256 of its canonical JSON): sources, then actors,
    /// then relations, each in ordinal id order. Two bundles with the same records give the same fingerprint in
    /// whatever order their files listed them.
    /// </summary>
    private async Task<string> FingerprintAsync(CancellationToken cancellationToken) =>
        CanonicalJson.Fingerprint(
            await StagedHashesAsync("stage_sources", cancellationToken),
            await StagedHashesAsync("stage_actors", cancellationToken),
            await StagedHashesAsync("stage_relations", cancellationToken));

    private async Task<List<(string Id, byte[] Hash)>> StagedHashesAsync(string table, CancellationToken cancellationToken)
    {
        var hashes = new List<(string Id, byte[] Hash)>();
        await using var command = Command($"SELECT id, hash FROM {table};");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hashes.Add((reader.GetString(0), reader.GetFieldValue<byte[]>(1)));
        }

        return hashes;
    }

    private SqliteCommand Command(string sql) => transaction.Command(sql);

    private SqliteCommand Prepared(string sql, params string[] parameters)
    {
        var command = Command(sql);
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
