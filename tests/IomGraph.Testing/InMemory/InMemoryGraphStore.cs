using IomGraph.Core.Graphs;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Testing.InMemory;

/// <summary>
/// The third store: the graph in memory, for tests. It shows that a store is its I/O and nothing more: it reads and
/// replaces <see cref="GraphSnapshot"/>s of an <see cref="InMemoryGraph"/>, and takes every rule from Core, as the SQLite
/// and Neo4j stores do: a write's checks, words, record states and change-log clock (<see cref="GraphWrite"/>), the
/// neighbourhood walk and the shortest-path search (given a one-step read), search folding and ranking, validity on a
/// date, cursors and pages. The contract suites (<c>tests/IomGraph.Storage.Contract</c>) run on it as on the others.
/// </summary>
/// <remarks>
/// Every read works on one state of the graph, so an export sees one state throughout while writers go on. Writes run
/// on the thread pool, as a database's would, and one at a time, so that racing writers really race. Several stores may
/// share one <see cref="InMemoryGraph"/>, as processes share a database (<see cref="OnSameGraph"/>).
/// </remarks>
public sealed partial class InMemoryGraphStore : IGraphReader
{
    private readonly TimeProvider _clock;

    /// <summary>A store on a graph of its own, empty, whose change log takes its times from <paramref name="clock"/> (the system clock by default).</summary>
    public InMemoryGraphStore(TimeProvider? clock = null)
        : this(new InMemoryGraph(), clock)
    {
    }

    /// <summary>A store on <paramref name="graph"/>, which other stores may hold too.</summary>
    public InMemoryGraphStore(InMemoryGraph graph, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Graph = graph;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The data this store reads and writes.</summary>
    public InMemoryGraph Graph { get; }

    /// <summary>Another store on the same data, as a second process would open it, with its own clock.</summary>
    public InMemoryGraphStore OnSameGraph(TimeProvider? clock = null) => new(Graph, clock ?? _clock);

    public Task<SeedState?> GetSeedStateAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(graph => graph.Seed, cancellationToken);

    public Task<ActorDetails?> GetActorAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync(
            graph =>
            {
                if (!graph.Actors.TryGetValue(id, out var actor))
                {
                    return null;
                }

                var counts = new SortedDictionary<RelationType, (int Outgoing, int Incoming)>();
                foreach (var relation in graph.RelationsOf(id))
                {
                    var (outgoing, incoming) = counts.GetValueOrDefault(relation.Type);
                    counts[relation.Type] = (outgoing + (relation.From == id ? 1 : 0), incoming + (relation.To == id ? 1 : 0));
                }

                return new ActorDetails(actor.Record, [.. counts.Select(c => new RelationCount(c.Key, c.Value.Outgoing, c.Value.Incoming))]);
            },
            cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, ActorRef>> GetActorRefsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ReadAsync<IReadOnlyDictionary<string, ActorRef>>(
            graph => ids.Distinct(StringComparer.Ordinal).Where(graph.Actors.ContainsKey).ToDictionary(id => id, graph.RefOf, StringComparer.Ordinal),
            cancellationToken);
    }

    public Task<Page<ActorHit>> SearchActorsAsync(ActorSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentOutOfRangeException.ThrowIfLessThan(search.Limit, 1, nameof(search));
        var query = search.FoldedQuery;
        var after = search.StartAfter;
        return ReadAsync(
            graph =>
            {
                var hits = graph.Actors.Values
                    .Select(a => a.Record)
                    .Where(a => search.Kinds.Count == 0 || search.Kinds.Contains(a.Kind))
                    .Select(a => (Actor: a, Rank: query.Length == 0 ? MatchRank.Unranked : TextFolding.Rank(TextFolding.SearchNames(a), query), SortKey: TextFolding.SortKey(a)))
                    .Where(h => h.Rank is not null)
                    .Select(h => (h.Actor, Rank: h.Rank!.Value, h.SortKey))
                    .ToList();
                var page = hits
                    .Where(h => after is null || Compare(h.Rank, h.SortKey, h.Actor.Id, after) > 0)
                    .OrderBy(h => h.Rank)
                    .ThenBy(h => h.SortKey, StringComparer.Ordinal)
                    .ThenBy(h => h.Actor.Id, StringComparer.Ordinal)
                    .Take(search.Limit + 1)
                    .ToList();
                return Pages.Of(page, search.Limit, hits.Count, h => new ActorHit(h.Actor, h.Rank), h => Cursors.Encode(ActorCursor.After(h.Rank, h.SortKey, h.Actor.Id)));
            },
            cancellationToken);

        static int Compare(MatchRank rank, string sortKey, string id, ActorCursor after) =>
            rank != after.Rank ? rank.CompareTo(after.Rank)
            : sortKey != after.SortKey ? string.CompareOrdinal(sortKey, after.SortKey)
            : string.CompareOrdinal(id, after.Id);
    }

    public Task<Page<RelationView>?> GetActorRelationsAsync(ActorRelationsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        var selection = new RelationSelection(query.Types, query.AsOf, IncludeUndated: query.IncludeUndated);
        return ReadAsync(
            graph =>
            {
                if (!graph.Actors.ContainsKey(query.ActorId))
                {
                    return null;
                }

                var relations = graph.RelationsOf(query.ActorId).Where(r => query.Direction switch
                {
                    Direction.Out => r.From == query.ActorId,
                    Direction.In => r.To == query.ActorId,
                    _ => true,
                });
                return RelationSelection.Page(graph, relations.Where(selection.Keeps), query.Limit, query.After);
            },
            cancellationToken);
    }

    public Task<Page<RelationView>> FindRelationsAsync(RelationFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Limit, 1, nameof(filter));
        var selection = new RelationSelection(filter.Types, filter.AsOf, filter.MinConfidence, filter.IncludeUndated);
        return ReadAsync(
            graph => RelationSelection.Page(
                graph,
                graph.AllRelations.Where(r => (filter.From is null || r.From == filter.From) && (filter.To is null || r.To == filter.To) && selection.Keeps(r)),
                filter.Limit,
                filter.After),
            cancellationToken);
    }

    public Task<RelationView?> GetRelationAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync(graph => graph.Relations.TryGetValue(id, out var relation) ? graph.View(relation.Record) : null, cancellationToken);
    }

    public async Task<Graph?> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Depth, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxNodes, 1, nameof(query));
        var graph = Snapshot(cancellationToken);
        if (!graph.Actors.ContainsKey(query.ActorId))
        {
            return null;
        }

        var selection = new RelationSelection(query.Types, query.AsOf, IncludeUndated: query.IncludeUndated);
        var kept = graph.AllRelations.Where(selection.Keeps).ToList();

        // The walk's one step: the actors one kept relation away from the frontier, of the kinds the query walks to.
        var walk = await NeighbourhoodWalk.WalkAsync(
            query.ActorId,
            query.Depth,
            query.MaxNodes,
            (frontier, seen, take, _) =>
            {
                var (from, known) = (frontier.ToHashSet(StringComparer.Ordinal), seen.ToHashSet(StringComparer.Ordinal));
                IReadOnlyList<string> reached =
                [
                    .. kept.SelectMany(r => (from.Contains(r.From) ? [r.To] : Array.Empty<string>()).Concat(from.Contains(r.To) ? [r.From] : []))
                        .Where(id => !known.Contains(id) && Enters(graph.Actors[id].Record.Kind))
                        .Distinct(StringComparer.Ordinal)
                        .Order(StringComparer.Ordinal)
                        .Take(take),
                ];
                return Task.FromResult(reached);
            },
            cancellationToken);

        var nodes = walk.Order.ToHashSet(StringComparer.Ordinal);
        var edges = RelationSelection.InListingOrder(kept.Where(r => nodes.Contains(r.From) && nodes.Contains(r.To))).Select(graph.View).ToList();
        return new Graph([.. walk.Order.Select(id => new GraphNode(graph.RefOf(id), walk.Depths[id], graph.Degree(id)))], edges, walk.Truncated);

        bool Enters(ActorKind kind) => (query.Kinds.Count == 0 || query.Kinds.Contains(kind)) && !query.ExcludeKinds.Contains(kind);
    }

    public async Task<ShortestPathGraph> FindShortestPathsAsync(PathQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.MaxDepth, nameof(query));
        var graph = Snapshot(cancellationToken);
        var selection = new RelationSelection(query.Types, query.AsOf, IncludeUndated: query.IncludeUndated);
        var kept = graph.AllRelations.Where(selection.Keeps).ToList();

        // The search's one step: every kept relation touching the frontier.
        var ids = await ShortestPathSearch.FindAsync(
            query.From,
            query.To,
            query.MaxDepth,
            (frontier, _) =>
            {
                var touching = frontier.ToHashSet(StringComparer.Ordinal);
                IReadOnlyList<WalkEdge> edges = [.. kept.Where(r => touching.Contains(r.From) || touching.Contains(r.To)).Select(r => new WalkEdge(r.Id, r.From, r.To))];
                return Task.FromResult(edges);
            },
            cancellationToken);
        return ids.Count == 0
            ? ShortestPathGraph.Empty
            : new ShortestPathGraph([.. ids.Order(StringComparer.Ordinal).Select(id => graph.View(graph.Relations[id].Record))]);
    }

    public Task<Page<SourceSummary>> ListSourcesAsync(SourceListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        return ReadAsync(
            graph =>
            {
                var rows = graph.Sources.Values
                    .Where(s => query.After is null || string.CompareOrdinal(s.Record.Id, query.After.Id) > 0)
                    .Take(query.Limit + 1)
                    .Select(s => new SourceSummary(s.Record, graph.AllRelations.Count(r => GraphSnapshot.Cites(r, s.Record.Id))))
                    .ToList();
                return Pages.Of(rows, query.Limit, graph.Sources.Count, s => s, s => Cursors.Encode(IdCursor.After(s.Source.Id)));
            },
            cancellationToken);
    }

    public Task<SourceDetails?> GetSourceAsync(SourceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        return ReadAsync(
            graph => graph.Sources.TryGetValue(query.Id, out var source)
                ? new SourceDetails(source.Record, RelationSelection.Page(graph, graph.AllRelations.Where(r => GraphSnapshot.Cites(r, query.Id)), query.Limit, query.After))
                : null,
            cancellationToken);
    }

    public Task<GraphStats> GetStatsAsync(int mostConnected, CancellationToken cancellationToken = default) =>
        ReadAsync(
            graph =>
            {
                var actors = graph.Actors.Values.Select(a => a.Record).ToList();
                var connected = actors
                    .Select(a => new ConnectedActor(ActorRef.Of(a), graph.Degree(a.Id)))
                    .Where(c => c.Degree > 0)
                    .OrderByDescending(c => c.Degree)
                    .ThenBy(c => c.Actor.Id, StringComparer.Ordinal)
                    .Take(Math.Max(mostConnected, 0))
                    .ToList();
                return new GraphStats(
                    actors.Count,
                    graph.Relations.Count,
                    graph.Sources.Count,
                    actors.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => (long)g.Count()),
                    graph.AllRelations.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => (long)g.Count()),
                    connected);
            },
            cancellationToken);

    /// <summary>The current state of the graph, which one read uses throughout.</summary>
    private GraphSnapshot Snapshot(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Graph.Current;
    }

    private Task<T> ReadAsync<T>(Func<GraphSnapshot, T> read, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<T>(cancellationToken) : Task.FromResult(read(Graph.Current));
}
