using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Validation;

namespace IomGraph.Testing.InMemory;

// Writes, the change log and exports, as the ports (IGraphWriter, IGraphReader) and the contract suite specify them.
public sealed partial class InMemoryGraphStore : IGraphWriter
{
    /// <summary>There is no schema: an in-memory graph is ready once made.</summary>
    public Task InitialiseAsync(CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;

    public Task<WriteResult> WriteAsync(CurationWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentException.ThrowIfNullOrWhiteSpace(write.Author, nameof(write));
        ArgumentNullException.ThrowIfNull(write.Upserts, nameof(write));
        ArgumentNullException.ThrowIfNull(write.Deletes, nameof(write));

        // The clock is read under the lock, so that a later write never stamps an earlier time than it needs to.
        return Task.Run(() => Graph.Write(graph => GraphWrite.Apply(graph, write, _clock.GetUtcNow())), cancellationToken);
    }

    public Task<ExistingRecords> GetExistingAsync(
        IReadOnlyCollection<string> actorIds, IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actorIds);
        ArgumentNullException.ThrowIfNull(sourceIds);
        return ReadAsync(
            graph => new ExistingRecords(
                actorIds.Distinct(StringComparer.Ordinal).Where(graph.Actors.ContainsKey).ToDictionary(id => id, id => graph.Actors[id].Record.Kind, StringComparer.Ordinal),
                sourceIds.Where(graph.Sources.ContainsKey).ToHashSet(StringComparer.Ordinal)),
            cancellationToken);
    }

    public Task<VersionedRecord?> GetRecordAsync(RecordRef record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ReadAsync(graph => graph.Find(record), cancellationToken);
    }

    public Task<long> GetLastChangeSequenceAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(graph => graph.LastSequence, cancellationToken);

    public Task<Page<ChangeEntry>> GetChangesAsync(ChangeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        return ReadAsync(
            graph =>
            {
                var selected = graph.Changes.Where(e => (query.Since is not { } since || e.At >= since) && (query.Record is null || e.Record == query.Record)).ToList();
                var page = selected.Where(e => query.After is null || e.Sequence > query.After.Sequence).Take(query.Limit + 1).ToList();
                return Pages.Of(page, query.Limit, selected.Count, e => e, e => Cursors.Encode(ChangeCursor.After(e.Sequence)));
            },
            cancellationToken);
    }

    /// <summary>
    /// Streams the selection of <paramref name="filter"/> (<see cref="ExportSelection"/>) from the state of the graph
    /// when the export is asked for: one state throughout, whatever is written meanwhile.
    /// </summary>
    public IAsyncEnumerable<ExportItem> ExportAsync(ExportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ExportSelection.Items(Graph.Current, filter)
            .Select(item =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return item;
            })
            .ToAsyncEnumerable();
    }
}
