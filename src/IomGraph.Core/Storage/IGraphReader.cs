using IomGraph.Core.Model;
using IomGraph.Core.Validation;

namespace IomGraph.Core.Storage;

/// <summary>
/// The read port of a graph store. Every read is shaped so that an adapter answers it with one round trip to its
/// database (one SQL statement batch, one Cypher request): no N+1, and never the whole graph per request. Adapters
/// return domain records only. An adapter that cannot reach its database throws <see cref="StoreUnavailableException"/>;
/// "not found" is a null result, never an exception. The behaviour every adapter owes is specified by the contract
/// suite (<c>tests/IomGraph.Storage.Contract</c>), which runs on every store.
/// </summary>
public interface IGraphReader
{
    /// <summary>What the last seed applied, or null when the store has never been seeded.</summary>
    Task<SeedState?> GetSeedStateAsync(CancellationToken cancellationToken = default);

    /// <summary>One actor with its relation counts by type and direction, or null.</summary>
    Task<ActorDetails?> GetActorAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The short forms of the actors among <paramref name="ids"/> that exist, keyed by id.</summary>
    Task<IReadOnlyDictionary<string, ActorRef>> GetActorRefsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Searches actors by name, label, alias or id, ignoring case and accents; exact matches first.</summary>
    Task<Page<ActorHit>> SearchActorsAsync(ActorSearch search, CancellationToken cancellationToken = default);

    /// <summary>One actor's relations, or null when the actor does not exist.</summary>
    Task<Page<RelationView>?> GetActorRelationsAsync(ActorRelationsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Relations matching a filter, ordered by start date then id.</summary>
    Task<Page<RelationView>> FindRelationsAsync(RelationFilter filter, CancellationToken cancellationToken = default);

    /// <summary>One relation, or null.</summary>
    Task<RelationView?> GetRelationAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The actors within <see cref="NeighbourhoodQuery.Depth"/> hops of an actor, walking to (and through) only the actors
    /// of the kinds the query keeps, ordered by (depth, id) and each with its degree in the whole graph; and the relations
    /// among them that the query's types and date keep. Null when the actor does not exist.
    /// </summary>
    Task<Graph?> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every relation that lies on at least one shortest path from <see cref="PathQuery.From"/> to <see cref="PathQuery.To"/>,
    /// following relations in either direction, among the relations of <see cref="PathQuery.Types"/> valid at
    /// <see cref="PathQuery.AsOf"/>, when that length is at most <see cref="PathQuery.MaxDepth"/>. The filters apply during
    /// the search: a shorter path over relations they leave out does not hide a longer one. Empty when the actors are not
    /// connected within the bound, when either does not exist, and when they are the same actor (the path of no hops
    /// needs no relation). Only the relations: which chains of actors they form is <see cref="Graphs.PathChains"/>' work.
    /// </summary>
    Task<ShortestPathGraph> FindShortestPathsAsync(PathQuery query, CancellationToken cancellationToken = default);

    /// <summary>Sources ordered by id, each with the number of relations that cite it.</summary>
    Task<Page<SourceSummary>> ListSourcesAsync(SourceListQuery query, CancellationToken cancellationToken = default);

    /// <summary>One source with a page of the relations that cite it, or null.</summary>
    Task<SourceDetails?> GetSourceAsync(SourceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Counts by kind and type, and the most connected actors.</summary>
    Task<GraphStats> GetStatsAsync(int mostConnected, CancellationToken cancellationToken = default);

    /// <summary>The actors and sources among the given ids that exist, with the actors' kinds, for validating a write.</summary>
    Task<ExistingRecords> GetExistingAsync(IReadOnlyCollection<string> actorIds, IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken = default);

    /// <summary>One record as stored, with its version tag, or null.</summary>
    Task<VersionedRecord?> GetRecordAsync(RecordRef record, CancellationToken cancellationToken = default);

    /// <summary>The change log, oldest first: every change after a sequence number or since a time, optionally for one record.</summary>
    Task<Page<ChangeEntry>> GetChangesAsync(ChangeQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The sequence number of the change log's last entry, 0 while the log is empty: one cheap read that tells whether
    /// anything was written since (every write that changes a record, seeds and imports included, logs an entry).
    /// </summary>
    Task<long> GetLastChangeSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The records a filter selects, streamed so that no export holds the whole graph in memory: first the actors, then
    /// the relations among them, then the sources those records cite. Order is by id within each kind.
    /// </summary>
    IAsyncEnumerable<ExportItem> ExportAsync(ExportFilter filter, CancellationToken cancellationToken = default);
}
