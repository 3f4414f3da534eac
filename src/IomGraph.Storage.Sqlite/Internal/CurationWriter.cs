using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>
/// Applies one curation or import <see cref="CurationWrite"/> inside the caller's write transaction, by Core's rules
/// (<see cref="CurationChecks"/>): this class reads what they need and writes what they allow. Refusals are results,
/// not exceptions: the caller commits only an <see cref="WriteStatus.Applied"/> result, so whatever was staged or merged
/// before a refusal is rolled back with the transaction.
/// </summary>
internal sealed class CurationWriter(SqliteTransaction transaction)
{
    public async Task<WriteResult> WriteAsync(CurationWrite write, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var checks = new CurationChecks(write);
        if (checks.CheckStored(await StoredAsync(checks, cancellationToken)) is { } refused)
        {
            return refused;
        }

        var writer = new BundleWriter(transaction);
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
                    return e.ToResult();
                }

                var (deletes, refusal) = checks.PlanDeletes();
                if (refusal is not null)
                {
                    return refusal;
                }

                var counts = await writer.MergeAsync(seed: false, stamp, cancellationToken);
                var versions = write.ReportsVersions ? await writer.StagedVersionsAsync(cancellationToken) : [];
                if (!deletes.IsEmpty)
                {
                    await StageDeletesAsync(deletes, cancellationToken);
                    counts = await writer.DeleteStagedAsync(counts, stamp, cancellationToken);
                }

                await writer.DropStageTablesAsync(cancellationToken);
                return new WriteResult(WriteStatus.Applied, counts, versions);
            },
            cancellationToken);
    }

    /// <summary>The stored version of each record the checks name, with the relations using each deleted actor and what cites each deleted source.</summary>
    private async Task<Dictionary<RecordRef, StoredRecord>> StoredAsync(CurationChecks checks, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<RecordRef, StoredRecord>();
        if (checks.Refs.Count == 0)
        {
            return stored;
        }

        var versions = new Dictionary<RecordRef, string>();
        await using (var command = Command(CurationSql.StoredHashes))
        {
            CurationSql.BindRefs(command, checks.Refs);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                versions[new RecordRef(WireNames.Parse<RecordKind>(reader.GetString(0)), reader.GetString(1))] = Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(2));
            }
        }

        var relations = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var citers = new Dictionary<string, List<RecordRef>>(StringComparer.Ordinal);
        if (checks.DeletedActors.Count + checks.DeletedSources.Count > 0)
        {
            await using var command = Command(CurationSql.Dependants);
            command.Parameters.AddWithValue("$actors", RecordCodec.JsonArray(checks.DeletedActors));
            command.Parameters.AddWithValue("$sources", RecordCodec.JsonArray(checks.DeletedSources));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var (what, target, kind, id) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
                if (what == "uses")
                {
                    Add(relations, target, id);
                }
                else
                {
                    Add(citers, target, new RecordRef(WireNames.Parse<RecordKind>(kind), id));
                }
            }
        }

        foreach (var (record, version) in versions)
        {
            stored[record] = record.Kind switch
            {
                RecordKind.Actor => new StoredRecord(version, relations.GetValueOrDefault(record.Id) ?? [], []),
                RecordKind.Source => new StoredRecord(version, [], citers.GetValueOrDefault(record.Id) ?? []),
                _ => StoredRecord.Of(version),
            };
        }

        return stored;

        static void Add<T>(Dictionary<string, List<T>> lists, string key, T value)
        {
            if (!lists.TryGetValue(key, out var list))
            {
                lists[key] = list = [];
            }

            list.Add(value);
        }
    }

    private async Task StageDeletesAsync(PlannedDeletes deletes, CancellationToken cancellationToken)
    {
        await using var command = Command(
            """
            INSERT OR IGNORE INTO stage_deletes (kind, id)
            SELECT 'actor', value FROM json_each($actors)
            UNION ALL SELECT 'relation', value FROM json_each($relations)
            UNION ALL SELECT 'source', value FROM json_each($sources);
            """);
        command.Parameters.AddWithValue("$actors", RecordCodec.JsonArray(deletes.Actors));
        command.Parameters.AddWithValue("$relations", RecordCodec.JsonArray(deletes.Relations));
        command.Parameters.AddWithValue("$sources", RecordCodec.JsonArray(deletes.Sources));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private SqliteCommand Command(string sql) => transaction.Command(sql);
}
