using System.Globalization;
using IomGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>
/// Applies one <see cref="CurationWrite"/> inside the caller's write transaction. Refusals are results, not exceptions:
/// the caller commits only an <see cref="WriteStatus.Applied"/> result, so whatever was staged or merged before a
/// refusal is rolled back with the transaction.
/// </summary>
/// <remarks>
/// Checks run in this order, and the first that fails decides: preconditions (in kind, then id order), deletes of
/// records that do not exist, records both written and deleted, the upserts' own references, upserts that refer to
/// a record the write deletes, actors still used by relations (unless cascading), sources still cited. The delete
/// checks run after the upserts are merged, so that an upsert that moves a relation off an actor, or stops citing a
/// source, lets the same write delete it.
/// </remarks>
internal sealed class CurationWriter(SqliteConnection connection, SqliteTransaction transaction)
{
    public async Task<WriteResult> WriteAsync(CurationWrite write, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var preconditions = (write.Preconditions ?? new Dictionary<RecordRef, string?>())
            .OrderBy(p => p.Key.Kind).ThenBy(p => p.Key.Id, StringComparer.Ordinal).ToList();
        var deletes = write.Deletes.Distinct().OrderBy(r => r.Kind).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var stored = await StoredVersionsAsync([.. preconditions.Select(p => p.Key), .. deletes], cancellationToken);

        foreach (var (record, expected) in preconditions)
        {
            var current = stored.GetValueOrDefault(record);
            if (expected is null ? current is not null : !string.Equals(current, expected, StringComparison.OrdinalIgnoreCase))
            {
                var message = (expected, current) switch
                {
                    (null, _) => $"The {record} already exists.",
                    (_, null) => $"The {record} does not exist.",
                    _ => $"The {record} is at version {current}, not {expected}.",
                };
                return WriteResult.Failed(WriteStatus.PreconditionFailed, message, record);
            }
        }

        if (deletes.FirstOrDefault(r => !stored.ContainsKey(r)) is { } missing)
        {
            return WriteResult.Failed(WriteStatus.NotFound, $"The {missing} does not exist.", missing);
        }

        // Deletes are few; an import's upserts may be a million. Walk the upserts against the deletes, not the reverse.
        var deleting = deletes.ToHashSet();
        if (deleting.Count > 0 && Refs(write.Upserts).FirstOrDefault(deleting.Contains) is { } both)
        {
            return WriteResult.Failed(WriteStatus.Invalid, $"The {both} is both written and deleted by one write.", both);
        }

        var writer = new BundleWriter(connection, transaction);
        return await writer.WithBundleCacheAsync(
            write.Upserts,
            async () =>
            {
                try
                {
                    await writer.StageAsync(write.Upserts, cancellationToken);
                }
                catch (InvalidBundleException e)
                {
                    return WriteResult.Failed(WriteStatus.Invalid, e.Message, e.Offender);
                }

                var counts = await writer.MergeAsync(BundleMode.Import, stamp, cancellationToken);
                var versions = await writer.StagedVersionsAsync(cancellationToken);
                if (deletes.Count > 0)
                {
                    await StageDeletesAsync(deletes, cancellationToken);
                    if (await CheckDeletesAsync(write.Cascade, cancellationToken) is { } refused)
                    {
                        return refused;
                    }

                    counts = await writer.DeleteStagedAsync(counts, stamp, cancellationToken);
                }

                await writer.DropStageTablesAsync(cancellationToken);
                return new WriteResult(WriteStatus.Applied, counts, versions);
            },
            cancellationToken);
    }

    private static IEnumerable<RecordRef> Refs(Core.Model.GraphBundle bundle) =>
        bundle.Sources.Select(s => RecordRef.SourceOf(s.Id))
            .Concat(bundle.Actors.Select(a => RecordRef.ActorOf(a.Id)))
            .Concat(bundle.Relations.Select(r => RecordRef.RelationOf(r.Id)));

    /// <summary>The stored version of each named record that exists.</summary>
    private async Task<Dictionary<RecordRef, string>> StoredVersionsAsync(IReadOnlyCollection<RecordRef> records, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<RecordRef, string>();
        if (records.Count == 0)
        {
            return versions;
        }

        await using var command = Command(CurationSql.StoredHashes);
        CurationSql.BindRefs(command, records);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[new RecordRef(ChangeLog.ParseKind(reader.GetString(0)), reader.GetString(1))] = Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(2));
        }

        return versions;
    }

    private async Task StageDeletesAsync(IReadOnlyCollection<RecordRef> deletes, CancellationToken cancellationToken)
    {
        await using var command = Command(
            """
            INSERT OR IGNORE INTO stage_deletes (kind, id)
            SELECT 'actor', value FROM json_each($actors)
            UNION ALL SELECT 'relation', value FROM json_each($relations)
            UNION ALL SELECT 'source', value FROM json_each($sources);
            """);
        CurationSql.BindRefs(command, deletes);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Decides whether the staged deletes may go, and adds the relations a cascade removes. Null when they may; the
    /// refusal otherwise.
    /// </summary>
    private async Task<WriteResult?> CheckDeletesAsync(bool cascade, CancellationToken cancellationToken)
    {
        // An upsert of this write that refers to a record it deletes: the write contradicts itself.
        await using (var contradiction = Command(
            """
            SELECT 'relation', r.id, 'actor', d.id FROM stage_deletes d JOIN relations r INDEXED BY ix_relations_from ON r.from_id = d.id
            WHERE d.kind = 'actor' AND r.id IN (SELECT id FROM stage_relations)
            UNION ALL
            SELECT 'relation', r.id, 'actor', d.id FROM stage_deletes d JOIN relations r INDEXED BY ix_relations_to ON r.to_id = d.id
            WHERE d.kind = 'actor' AND r.id IN (SELECT id FROM stage_relations)
            UNION ALL
            SELECT 'relation', c.relation_id, 'source', d.id FROM stage_deletes d JOIN relation_sources c ON c.source_id = d.id
            WHERE d.kind = 'source' AND c.relation_id IN (SELECT id FROM stage_relations)
            UNION ALL
            SELECT 'actor', c.actor_id, 'source', d.id FROM stage_deletes d JOIN actor_sources c ON c.source_id = d.id
            WHERE d.kind = 'source' AND c.actor_id IN (SELECT id FROM stage_actors)
            ORDER BY 1, 2, 4 LIMIT 1;
            """))
        await using (var reader = await contradiction.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                var offender = new RecordRef(ChangeLog.ParseKind(reader.GetString(0)), reader.GetString(1));
                var target = new RecordRef(ChangeLog.ParseKind(reader.GetString(2)), reader.GetString(3));
                return WriteResult.Failed(WriteStatus.Invalid, $"The {offender} refers to the {target}, which the same write deletes.", offender);
            }
        }

        if (cascade)
        {
            await using var cascaded = Command(
                """
                INSERT OR IGNORE INTO stage_deletes (kind, id)
                SELECT 'relation', r.id FROM stage_deletes d JOIN relations r INDEXED BY ix_relations_from ON r.from_id = d.id WHERE d.kind = 'actor'
                UNION
                SELECT 'relation', r.id FROM stage_deletes d JOIN relations r INDEXED BY ix_relations_to ON r.to_id = d.id WHERE d.kind = 'actor';
                """);
            await cascaded.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            await using var used = Command(
                """
                SELECT actor_id, count(DISTINCT relation_id) FROM (
                    SELECT d.id AS actor_id, r.id AS relation_id FROM stage_deletes d JOIN relations r INDEXED BY ix_relations_from ON r.from_id = d.id WHERE d.kind = 'actor'
                    UNION ALL
                    SELECT d.id, r.id FROM stage_deletes d JOIN relations r INDEXED BY ix_relations_to ON r.to_id = d.id WHERE d.kind = 'actor')
                WHERE relation_id NOT IN (SELECT id FROM stage_deletes WHERE kind = 'relation')
                GROUP BY actor_id ORDER BY actor_id LIMIT 1;
                """);
            await using var reader = await used.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var actor = RecordRef.ActorOf(reader.GetString(0));
                var count = reader.GetInt32(1);
                return WriteResult.Failed(
                    WriteStatus.Conflict,
                    string.Create(CultureInfo.InvariantCulture, $"The {actor} still has {count} relation{(count == 1 ? string.Empty : "s")}: delete them in the same write, or cascade."),
                    actor);
            }
        }

        await using (var cited = Command(
            """
            SELECT source_id, count(*) FROM (
                SELECT d.id AS source_id FROM stage_deletes d JOIN relation_sources c ON c.source_id = d.id
                WHERE d.kind = 'source' AND c.relation_id NOT IN (SELECT id FROM stage_deletes WHERE kind = 'relation')
                UNION ALL
                SELECT d.id FROM stage_deletes d JOIN actor_sources c ON c.source_id = d.id
                WHERE d.kind = 'source' AND c.actor_id NOT IN (SELECT id FROM stage_deletes WHERE kind = 'actor'))
            GROUP BY source_id ORDER BY source_id LIMIT 1;
            """))
        await using (var reader = await cited.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                var source = RecordRef.SourceOf(reader.GetString(0));
                var count = reader.GetInt32(1);
                return WriteResult.Failed(
                    WriteStatus.Conflict,
                    string.Create(CultureInfo.InvariantCulture, $"The {source} is still cited by {count} record{(count == 1 ? string.Empty : "s")}: delete or change them first."),
                    source);
            }
        }

        return null;
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
