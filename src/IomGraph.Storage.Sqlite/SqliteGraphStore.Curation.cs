using System.Runtime.CompilerServices;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Validation;
using IomGraph.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite;

// The write side: curation writes, the change log and exports. Every write, whether a seed, an import or a curator's,
// logs each record it creates, updates or deletes in the changes table, in the same transaction.
//
// Seeds and curators share the graph by one rule: a seed removes only records whose last write was a seed's. Anything
// else writes its records with origin 'import', so a seed never removes a record that a curator or an import created
// or changed since. A seed that still holds a record writes its version of it, as it always has: the seed files are
// the source of truth for what they hold. That replacement is never silent: the change log keeps it under the author
// "seed" with the curator's version as before, and the store logs a warning with the count. To keep a curator's
// change, put it in the seed files (an export gives the records in their format).
public sealed partial class SqliteGraphStore : ICurationStore
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
                    var stamp = await ChangeLog.StampAsync(connection, transaction, write.Author, _time.GetUtcNow(), cancellationToken);
                    var result = await new CurationWriter(connection, transaction).WriteAsync(write, stamp, cancellationToken);
                    if (result.Status == WriteStatus.Applied)
                    {
                        transaction.Commit();
                    }

                    // Otherwise disposing the transaction rolls back whatever was staged or merged before the refusal.
                    return result;
                }
                catch (SqliteException e) when (e.SqliteErrorCode == SqliteErrors.Constraint)
                {
                    // The checks above name every refusal they foresee; a constraint that still fails is reported the same way.
                    return WriteResult.Failed(WriteStatus.Invalid, $"The write breaks the store's integrity: {e.Message}");
                }
            },
            cancellationToken);
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
                        actors[reader.GetString(1)] = RecordCodec.ParseKind(reader.GetString(2));
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
                    command.Parameters.AddWithValue("$since", ChangeLog.FormatTime(since));
                }

                if (query.Record is { } record)
                {
                    command.Parameters.AddWithValue("$kind", ChangeLog.KindName(record.Kind));
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
                        ChangeLog.ParseTime(reader.GetString(1)),
                        reader.GetString(2),
                        new RecordRef(ChangeLog.ParseKind(reader.GetString(3)), reader.GetString(4)),
                        ChangeLog.ParseOperation(reader.GetString(5)),
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
                yield return new ExportItem(Actor: RecordCodec.Decode<Actor>(reader.GetString(0)));
            }
        }

        await using (var relations = Command(connection, selection.Relations))
        {
            selection.Bind(relations);
            await using var reader = await relations.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return new ExportItem(Relation: RecordCodec.Decode<Relation>(reader.GetString(0)));
            }
        }

        await using (var sources = Command(connection, selection.Sources))
        {
            selection.Bind(sources);
            await using var reader = await sources.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return new ExportItem(Source: RecordCodec.Decode<Source>(reader.GetString(0)));
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
