using System.Diagnostics;
using System.Runtime.CompilerServices;
using IomGraph.Core.Model;
using IomGraph.Core.Validation;

namespace IomGraph.Core.Storage;

/// <summary>
/// A store seen through its port with a span and a duration per call (<see cref="StoreInstruments"/>): what the API
/// resolves as <see cref="IGraphReader"/> and <see cref="IGraphWriter"/>. The span is named after the port method
/// ("GetActor") and says <c>db.system.name</c> and <c>db.operation.name</c>, and for a write its status and how many
/// records it created, updated, left unchanged and deleted; never a parameter's value. Calls are passed on as they are,
/// so behaviour is the store's.
/// </summary>
public sealed class InstrumentedGraphStore<TStore>(TStore store, StoreInstruments instruments) : IGraphReader, IGraphWriter
    where TStore : IGraphReader, IGraphWriter
{
    /// <summary>The store itself.</summary>
    public TStore Store => store;

    public Task<SeedState?> GetSeedStateAsync(CancellationToken cancellationToken = default) =>
        CallAsync("GetSeedState", () => store.GetSeedStateAsync(cancellationToken));

    public Task<ActorDetails?> GetActorAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync("GetActor", () => store.GetActorAsync(id, cancellationToken));

    public Task<IReadOnlyDictionary<string, ActorRef>> GetActorRefsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        CallAsync("GetActorRefs", () => store.GetActorRefsAsync(ids, cancellationToken));

    public Task<Page<ActorHit>> SearchActorsAsync(ActorSearch search, CancellationToken cancellationToken = default) =>
        CallAsync("SearchActors", () => store.SearchActorsAsync(search, cancellationToken));

    public Task<Page<RelationView>?> GetActorRelationsAsync(ActorRelationsQuery query, CancellationToken cancellationToken = default) =>
        CallAsync("GetActorRelations", () => store.GetActorRelationsAsync(query, cancellationToken));

    public Task<Page<RelationView>> FindRelationsAsync(RelationFilter filter, CancellationToken cancellationToken = default) =>
        CallAsync("FindRelations", () => store.FindRelationsAsync(filter, cancellationToken));

    public Task<RelationView?> GetRelationAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync("GetRelation", () => store.GetRelationAsync(id, cancellationToken));

    public Task<Graph?> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken = default) =>
        CallAsync("GetNeighbourhood", () => store.GetNeighbourhoodAsync(query, cancellationToken));

    public Task<ShortestPathGraph> FindShortestPathsAsync(PathQuery query, CancellationToken cancellationToken = default) =>
        CallAsync("FindShortestPaths", () => store.FindShortestPathsAsync(query, cancellationToken));

    public Task<Page<SourceSummary>> ListSourcesAsync(SourceListQuery query, CancellationToken cancellationToken = default) =>
        CallAsync("ListSources", () => store.ListSourcesAsync(query, cancellationToken));

    public Task<SourceDetails?> GetSourceAsync(SourceQuery query, CancellationToken cancellationToken = default) =>
        CallAsync("GetSource", () => store.GetSourceAsync(query, cancellationToken));

    public Task<GraphStats> GetStatsAsync(int mostConnected, CancellationToken cancellationToken = default) =>
        CallAsync("GetStats", () => store.GetStatsAsync(mostConnected, cancellationToken));

    public Task<ExistingRecords> GetExistingAsync(IReadOnlyCollection<string> actorIds, IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken = default) =>
        CallAsync("GetExisting", () => store.GetExistingAsync(actorIds, sourceIds, cancellationToken));

    public Task<VersionedRecord?> GetRecordAsync(RecordRef record, CancellationToken cancellationToken = default) =>
        CallAsync("GetRecord", () => store.GetRecordAsync(record, cancellationToken));

    public Task<Page<ChangeEntry>> GetChangesAsync(ChangeQuery query, CancellationToken cancellationToken = default) =>
        CallAsync("GetChanges", () => store.GetChangesAsync(query, cancellationToken));

    public Task<long> GetLastChangeSequenceAsync(CancellationToken cancellationToken = default) =>
        CallAsync("GetLastChangeSequence", () => store.GetLastChangeSequenceAsync(cancellationToken));

    /// <summary>One span for the whole enumeration, with the number of items read.</summary>
    public IAsyncEnumerable<ExportItem> ExportAsync(ExportFilter filter, CancellationToken cancellationToken = default) =>
        Observed ? ObserveExportAsync(filter, cancellationToken) : store.ExportAsync(filter, cancellationToken);

    public Task InitialiseAsync(CancellationToken cancellationToken = default) =>
        CallAsync("Initialise", async () =>
        {
            await store.InitialiseAsync(cancellationToken);
            return true;
        });

    public Task<WriteResult> WriteAsync(CurationWrite write, CancellationToken cancellationToken = default) =>
        CallAsync("Write", () => store.WriteAsync(write, cancellationToken), StoreInstruments.TagWrite);

    private bool Observed => instruments.Source.HasListeners() || instruments.Calls.Enabled;

    private Task<T> CallAsync<T>(string operation, Func<Task<T>> call, Action<Activity, T>? tag = null) =>
        Observed ? ObserveAsync(operation, call, tag) : call();

    private async Task<T> ObserveAsync<T>(string operation, Func<Task<T>> call, Action<Activity, T>? tag)
    {
        using var activity = Start(operation);
        var started = Stopwatch.GetTimestamp();
        string? error = null;
        try
        {
            var result = await call();
            if (activity is { IsAllDataRequested: true } && tag is not null)
            {
                tag(activity, result);
            }

            return result;
        }
        catch (Exception e)
        {
            error = Fail(activity, e);
            throw;
        }
        finally
        {
            Record(operation, started, error);
        }
    }

    private async IAsyncEnumerable<ExportItem> ObserveExportAsync(ExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string operation = "Export";
        using var activity = Start(operation);
        var started = Stopwatch.GetTimestamp();
        string? error = null;
        var items = 0;
        await using var enumerator = store.ExportAsync(filter, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception e)
                {
                    error = Fail(activity, e);
                    throw;
                }

                items++;
                yield return enumerator.Current;
            }
        }
        finally
        {
            activity?.SetTag("iomgraph.export.items", items);
            Record(operation, started, error);
        }
    }

    private Activity? Start(string operation)
    {
        var activity = instruments.Source.StartActivity(operation, instruments.CallKind);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", instruments.DatabaseSystem);
            activity.SetTag("db.operation.name", operation);
        }

        return activity;
    }

    private static string Fail(Activity? activity, Exception e)
    {
        var type = e.GetType().FullName ?? e.GetType().Name;
        activity?.SetTag("error.type", type);
        activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
        return type;
    }

    private void Record(string operation, long started, string? error)
    {
        if (!instruments.Calls.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { "db.system.name", instruments.DatabaseSystem },
            { "db.operation.name", operation },
        };
        if (error is not null)
        {
            tags.Add("error.type", error);
        }

        instruments.Calls.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }
}
