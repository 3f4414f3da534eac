using BenchmarkDotNet.Attributes;
using IomGraph.Core.Graphs;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Storage.Sqlite;

namespace IomGraph.Benchmarks;

/// <summary>
/// The reads behind the API's endpoints, against the cached database of one scale, as the API calls them (API default
/// page sizes). "Hub" is the most connected actor, "leaf" one with two or three relations.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(ReadJobs))]
public class ReadBenchmarks
{
    private static readonly PartialDate AsOf2010 = PartialDate.OfYear(2010);

    private SqliteGraphStore? _store;
    private Landmarks? _landmarks;

    [ParamsSource(typeof(RunSettings), nameof(RunSettings.Scales))]
    public string Scale { get; set; } = RunSettings.Scale.Name;

    private SqliteGraphStore Store => _store!;

    private Landmarks Graph => _landmarks!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _landmarks = await BenchmarkGraphs.EnsureAsync(Benchmarks.Scale.Parse(Scale));
        _store = BenchmarkGraphs.Open(BenchmarkGraphs.DatabasePath(Benchmarks.Scale.Parse(Scale)));
        await _store.InitialiseAsync();
        await CheckAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Benchmark]
    public Task<ActorDetails?> Actor_hub() => Store.GetActorAsync(Graph.Hub);

    [Benchmark]
    public Task<ActorDetails?> Actor_leaf() => Store.GetActorAsync(Graph.Leaf);

    [Benchmark]
    public Task<Page<RelationView>?> Relations_hub() => Store.GetActorRelationsAsync(new(Graph.Hub, [], Direction.Both, null, 50, null));

    [Benchmark]
    public Task<Page<RelationView>?> Relations_leaf() => Store.GetActorRelationsAsync(new(Graph.Leaf, [], Direction.Both, null, 50, null));

    [Benchmark]
    public Task<Page<RelationView>?> Relations_hub_asOf() => Store.GetActorRelationsAsync(new(Graph.Hub, [], Direction.Both, AsOf2010, 50, null));

    /// <summary>The README's "members in 2010" question, asked of the hub.</summary>
    [Benchmark]
    public Task<Page<RelationView>?> Relations_hub_memberOf_in_asOf() =>
        Store.GetActorRelationsAsync(new(Graph.Hub, [RelationType.MemberOf], Direction.In, AsOf2010, 50, null));

    [Benchmark]
    public Task<Page<RelationView>> FindRelations_type() => Store.FindRelationsAsync(new([RelationType.MemberOf], null, null, null, null, 50, null));

    [Benchmark]
    public Task<Page<RelationView>> FindRelations_type_asOf() => Store.FindRelationsAsync(new([RelationType.MemberOf], null, null, AsOf2010, null, 50, null));

    [Benchmark]
    public Task<Page<RelationView>> FindRelations_type_to_hub() => Store.FindRelationsAsync(new([RelationType.MemberOf], null, Graph.Hub, null, null, 50, null));

    [Benchmark]
    public Task<Page<ActorHit>> Search_exact_acronym() => Store.SearchActorsAsync(new(Graph.HubAcronym, [], 20, null));

    [Benchmark]
    public Task<Page<ActorHit>> Search_substring() => Store.SearchActorsAsync(new(Landmarks.Substring, [], 20, null));

    [Benchmark]
    public Task<Page<ActorHit>> Search_no_query_kind() => Store.SearchActorsAsync(new(null, [ActorKind.State], 20, null));

    [Benchmark]
    public Task<Graph?> Neighbourhood_hub_depth1() => Store.GetNeighbourhoodAsync(new(Graph.Hub, 1, [], null, 500));

    [Benchmark]
    public Task<Graph?> Neighbourhood_hub_depth2() => Store.GetNeighbourhoodAsync(new(Graph.Hub, 2, [], null, 500));

    [Benchmark]
    public Task<Graph?> Neighbourhood_leaf_depth1() => Store.GetNeighbourhoodAsync(new(Graph.Leaf, 1, [], null, 500));

    [Benchmark]
    public Task<Graph?> Neighbourhood_leaf_depth2() => Store.GetNeighbourhoodAsync(new(Graph.Leaf, 2, [], null, 500));

    [Benchmark]
    public Task<ShortestPathGraph> Paths_leaf_to_leaf() => Store.FindShortestPathsAsync(new(Graph.Leaf, Graph.OtherLeaf, 4, [], null));

    [Benchmark]
    public Task<ShortestPathGraph> Paths_hub_to_leaf() => Store.FindShortestPathsAsync(new(Graph.Hub, Graph.OtherLeaf, 4, [], null));

    [Benchmark]
    public Task<Page<SourceSummary>> Sources_list() => Store.ListSourcesAsync(new(100, null));

    [Benchmark]
    public Task<GraphStats> Stats() => Store.GetStatsAsync(10);

    /// <summary>Each query answers what it should on this graph, so no benchmark measures an empty answer by mistake.</summary>
    private async Task CheckAsync()
    {
        Require((await Actor_hub())?.Actor.Id == Graph.Hub, "the hub exists");
        Require((await Relations_hub())?.Items.Count == 50, "a page of the hub's relations is full");
        Require((await Relations_leaf())?.Total == Graph.LeafDegree, "the leaf has its relations");
        Require((await Search_exact_acronym()).Items is [{ Rank: 0 }, ..], "the acronym matches exactly");
        Require((await Search_substring()).Total > 0, "the substring matches");
        Require((await FindRelations_type()).Items.Count == 50, "a page of one type is full");
        Require((await Neighbourhood_leaf_depth2())?.Nodes.Count > 1, "the leaf has neighbours");
        Require((await Paths_leaf_to_leaf()).Relations.Count > 0, "the leaves are connected within 4 hops");

        var stats = await Stats();
        var neighbourhood = await Neighbourhood_hub_depth1();
        var paths = PathChains.Build(Graph.Leaf, Graph.OtherLeaf, await Paths_leaf_to_leaf(), 25);
        Console.WriteLine(
            $"// {Scale}: {stats.Actors} actors, {stats.Relations} relations; hub '{Graph.Hub}' ({Graph.HubDegree} relations, acronym '{Graph.HubAcronym}'), "
            + $"leaves '{Graph.Leaf}' ({Graph.LeafDegree}) and '{Graph.OtherLeaf}' ({Graph.OtherLeafDegree}); "
            + $"search '{Landmarks.Substring}' finds {(await Search_substring()).Total}; hub depth-1 neighbourhood {neighbourhood?.Nodes.Count} nodes "
            + $"(truncated: {neighbourhood?.Truncated}); leaf-to-leaf: {paths.Chains.Count} chains of {paths.Length} hops.");

        static void Require(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException($"Benchmark graph check failed: {what}.");
            }
        }
    }
}
