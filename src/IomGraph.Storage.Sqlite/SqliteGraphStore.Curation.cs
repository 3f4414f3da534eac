using System.Runtime.CompilerServices;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Storage.Writing;
using IomGraph.Core.Validation;
using IomGraph.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite;

// Writes, the change log and exports. Every write, whether a seed, an import or a curator's, logs each record it
// creates, updates or deletes in the changes table, in the same transaction. A seed's records carry origin 'seed', every
// other write's 'import': that is what a seed's removals go by (see IGraphWriter).
public sealed partial class SqliteGraphStore : IGraphWriter
{
    public Task<WriteResult> WriteAsync(CurationWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentException.ThrowIfNullOrWhiteSpace(write.Author, nameof(write));
        ArgumentNullException.ThrowIfNull(write.Upserts, nameof(write));
        ArgumentNullException.ThrowIfNull(write.Deletes, nameof(write));
        return RunAsync(
            async connection =>
            {
                // IMMEDIATE: preconditions are checked under the write lock, so no other write lands between check and apply.
                using var transaction = connection.BeginTransaction(deferred: false);
                try
                {
                    var now = _time.GetUtcNow();
                    var stamp = await ChangeLog.StampAsync(transaction, write.Author, now, cancellationToken);
                    var mark = await ReadModel.MarkAsync(transaction, cancellationToken);
                    var result = write.IsSeed
                        ? await SeedAsync(transaction, write, stamp, now, cancellationToken)
                        : await new CurationWriter(transaction).WriteAsync(write, stamp, cancellationToken);
                    if (result.Status == WriteStatus.Applied)
                    {
                        // The maintained counts and the search index follow the write in its own transaction.
                        await ReadModel.RefreshAsync(transaction, mark, cancellationToken);
                        transaction.Commit();
                    }

                    // Otherwise disposing the transaction rolls back whatever was staged or merged before the refusal.
                    return result;
                }
                catch (SqliteException e) when (e.SqliteErrorCode == SqliteErrors.Constraint)
                {
                    // The checks above name every refusal they foresee; a constraint that still fails is reported the same way.
                    return WriteResult.Failed(WriteStatus.Invalid, WriteMessages.Integrity(e.Message));
                }
            },
            cancellationToken);
    }

    private async Task<WriteResult> SeedAsync(SqliteTransaction transaction, CurationWrite write, ChangeStamp stamp, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var result = await new BundleWriter(transaction).SeedAsync(write.Upserts, stamp, now, cancellationToken);
            if (result.Overwritten > 0)
            {
                LogSeedReplaced(result.Overwritten);
            }

            return result;
        }
        catch (InvalidBundleException e)
        {
            return e.ToResult();
        }
    }

    public async Task<ExistingRecords> GetExistingAsync(
        IReadOnlyCollection<string> actorIds, IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actorIds);
        ArgumentNullException.ThrowIfNull(sourceIds);
        if (actorIds.Count == 0 && sourceIds.Count == 0)
        {
            return ExistingRecords.None;
        }

        return await RunAsync(
            async connection =>
            {
                await using var command = Command(connection, CurationSql.Existing);
                command.Parameters.AddWithValue("$actors", RecordCodec.JsonArray(actorIds.Distinct(StringComparer.Ordinal)));
                command.Parameters.AddWithValue("$sources", RecordCodec.JsonArray(sourceIds.Distinct(StringComparer.Ordinal)));
                var actors = new Dictionary<string, ActorKind>(StringComparer.Ordinal);
                var sources = new HashSet<string>(StringComparer.Ordinal);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (reader.GetInt32(0) == 0)
                    {
                        actors[reader.GetString(1)] = WireNames.Parse<ActorKind>(reader.GetString(2));
                    }
                    else
                    {
                        sources.Add(reader.GetString(1));
                    }
                }

                return new ExistingRecords(actors, sources);
            },
            cancellationToken);
    }

    public Task<VersionedRecord?> GetRecordAsync(RecordRef record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return RunAsync(
            async connection =>
            {
                await using var command = Command(connection, CurationSql.Record(record.Kind));
                command.Parameters.AddWithValue("$id", record.Id);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken)
                    ? new VersionedRecord(record, reader.GetString(0), Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(1)))
                    : null;
            },
            cancellationToken);
    }

    public Task<long> GetLastChangeSequenceAsync(CancellationToken cancellationToken = default) =>
        RunAsync(
            async connection =>
            {
                await using var command = Command(connection, CurationSql.LastChangeSequence);
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            },
            cancellationToken);

    public Task<Page<ChangeEntry>> GetChangesAsync(ChangeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        return RunAsync(
            async connection =>
            {
                await using var command = Command(connection, CurationSql.Changes(query.Since is not null, query.Record is not null, query.After is not null));
                command.Parameters.AddWithValue("$take", query.Limit + 1);
                if (query.Since is { } since)
                {
                    command.Parameters.AddWithValue("$since", ChangeTimes.ToText(since));
                }

                if (query.Record is { } record)
                {
                    command.Parameters.AddWithValue("$kind", WireNames.Of(record.Kind));
                    command.Parameters.AddWithValue("$recordId", record.Id);
                }

                if (query.After is { } after)
                {
                    command.Parameters.AddWithValue("$after", after.Sequence);
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var total = await ReadScalarAsync(reader, cancellationToken);
                await reader.NextResultAsync(cancellationToken);
                var entries = new List<ChangeEntry>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    entries.Add(new ChangeEntry(
                        reader.GetInt64(0),
                        ChangeTimes.Parse(reader.GetString(1)),
                        reader.GetString(2),
                        new RecordRef(WireNames.Parse<RecordKind>(reader.GetString(3)), reader.GetString(4)),
                        WireNames.Parse<ChangeOperation>(reader.GetString(5)),
                        reader.IsDBNull(6) ? null : reader.GetString(6),
                        reader.IsDBNull(7) ? null : reader.GetString(7)));
                }

                return Pages.Of(entries, query.Limit, total, e => e, e => Cursors.Encode(ChangeCursor.After(e.Sequence)));
            },
            cancellationToken);
    }

    /// <summary>
    /// Streams the selection from one read transaction, so that actors, relations and sources come from one state of
    /// the graph while writers go on. An in-memory store lends its one connection to the export until it is disposed:
    /// finish (or dispose) an export of an in-memory store before calling the store again.
    /// </summary>
    public IAsyncEnumerable<ExportItem> ExportAsync(ExportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ExportAsync(new ExportSelection(filter), cancellationToken);
    }

    private async IAsyncEnumerable<ExportItem> ExportAsync(ExportSelection selection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // An iterator cannot yield inside try/catch, so the database's exceptions are translated around each step.
        var items = ReadExportAsync(selection, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await items.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (SqliteException e) when (Translate(e, cancellationToken) is { } translated)
                {
                    throw translated;
                }

                yield return items.Current;
            }
        }
        finally
        {
            await items.DisposeAsync();
        }
    }

    private async IAsyncEnumerable<ExportItem> ReadExportAsync(ExportSelection selection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var lease = await _connections.OpenAsync(cancellationToken);
        var connection = lease.Connection;
        using var transaction = connection.BeginTransaction(deferred: true);

        await using (var actors = Command(connection, selection.Actors))
        {
            selection.Bind(actors);
            await using var reader = await actors.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return new ActorItem(GraphJson.Decode<Actor>(reader.GetString(0)));
            }
        }

        await using (var relations = Command(connection, selection.Relations))
        {
            selection.Bind(relations);
            await using var reader = await relations.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return new RelationItem(GraphJson.Decode<Relation>(reader.GetString(0)));
            }
        }

        await using (var sources = Command(connection, selection.Sources))
        {
            selection.Bind(sources);
            await using var reader = await sources.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return new SourceItem(GraphJson.Decode<Source>(reader.GetString(0)));
            }
        }
    }

    /// <summary>What <see cref="RunAsync{T}"/> turns a database exception into, or null to let it through.</summary>
    private Exception? Translate(SqliteException e, CancellationToken cancellationToken) =>
        e.SqliteErrorCode == SqliteErrors.Interrupt && cancellationToken.IsCancellationRequested
            ? new OperationCanceledException("The SQLite operation was cancelled.", e, cancellationToken)
            : SqliteErrors.IsUnavailable(e)
                ? new StoreUnavailableException($"The SQLite graph store '{_connections.FullPath}' is unavailable: {e.Message}", e)
                : null;
}
