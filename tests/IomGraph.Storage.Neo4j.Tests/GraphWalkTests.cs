using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>
/// Checks allShortestPaths and the level-by-level neighbourhood on Neo4j against plain breadth-first search on
/// generated graphs with parallel relations and several components, with type and date filters: the same answers the
/// SQLite store's bidirectional search gives (its GraphWalkTests use the same oracle).
/// </summary>
public sealed class GraphWalkTests(SharedNeo4j server) : IClassFixture<SharedNeo4j>
{
    private static readonly RelationType[] Types = [RelationType.MemberOf, RelationType.Supports, RelationType.Funds];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Shortest_paths_match_a_plain_breadth_first_search(int seed)
    {
        var bundle = RandomGraph(seed, actors: 40, relations: 75);
        await using var test = await SeededAsync(bundle);
        var random = new Random(seed);
        int several = 0, none = 0, longer = 0;

        for (var i = 0; i < 40; i++)
        {
            var from = bundle.Actors[random.Next(bundle.Actors.Count)].Id;
            var to = bundle.Actors[random.Next(bundle.Actors.Count)].Id;
            var maxDepth = random.Next(1, 7);
            IReadOnlyList<RelationType> types = i % 3 == 0 ? [Types[0], Types[1]] : [];
            PartialDate? asOf = i % 4 == 1 ? PartialDate.OfYear(2000 + random.Next(0, 20)) : null;

            var paths = await test.Store.FindShortestPathsAsync(new PathQuery(from, to, maxDepth, types, asOf, 10_000), Ct);

            var relations = bundle.Relations.Where(r => (types.Count == 0 || types.Contains(r.Type)) && (asOf is null || Validity.Holds(r.Start, r.End, asOf.Value))).ToList();
            var expected = ExpectedPaths(relations, from, to, maxDepth);
            Assert.Equal(expected, paths.Select(p => string.Join(' ', p.Hops.Select(h => h.Relation.Relation.Id))));
            several += paths.Count > 1 ? 1 : 0;
            none += paths.Count == 0 ? 1 : 0;
            longer += paths.Any(p => p.Hops.Count >= 3) ? 1 : 0;
            foreach (var path in paths)
            {
                var at = from;
                foreach (var hop in path.Hops)
                {
                    Assert.Equal(at, hop.FromActorId);
                    Assert.Equal(hop.Forward ? (hop.Relation.From.Id, hop.Relation.To.Id) : (hop.Relation.To.Id, hop.Relation.From.Id), (hop.FromActorId, hop.ToActorId));
                    at = hop.ToActorId;
                }

                Assert.Equal(to, at);
            }
        }

        Assert.True(several > 0 && none > 0 && longer > 0, $"The sample should hold pairs with several paths ({several}), none ({none}) and long ones ({longer}).");
    }

    [Fact]
    public async Task Max_paths_keeps_the_first_paths_in_relation_id_order()
    {
        var bundle = RandomGraph(7, actors: 30, relations: 90);
        await using var test = await SeededAsync(bundle);
        var random = new Random(7);
        var checkedPairs = 0;
        for (var i = 0; i < 30; i++)
        {
            var (from, to) = (bundle.Actors[random.Next(30)].Id, bundle.Actors[random.Next(30)].Id);
            var all = await test.Store.FindShortestPathsAsync(new PathQuery(from, to, 6, [], null, 10_000), Ct);
            if (all.Count < 3)
            {
                continue;
            }

            var capped = await test.Store.FindShortestPathsAsync(new PathQuery(from, to, 6, [], null, 2), Ct);
            Assert.Equal(all.Take(2).Select(Key), capped.Select(Key));
            checkedPairs++;
        }

        Assert.True(checkedPairs > 0);

        static string Key(GraphPath path) => string.Join(' ', path.Hops.Select(h => h.Relation.Relation.Id));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Neighbourhoods_match_a_plain_breadth_first_search(int seed)
    {
        var bundle = RandomGraph(seed, actors: 40, relations: 60);
        await using var test = await SeededAsync(bundle);
        var random = new Random(seed);
        var truncated = 0;

        for (var i = 0; i < 25; i++)
        {
            var start = bundle.Actors[random.Next(bundle.Actors.Count)].Id;
            var depth = random.Next(1, 4);
            var maxNodes = random.Next(1, 30);

            var graph = await test.Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(start, depth, [], null, maxNodes), Ct);

            var distances = Distances(bundle.Relations, start);
            var within = distances.Where(d => d.Value <= depth).OrderBy(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal).ToList();
            Assert.Equal(within.Take(maxNodes).Select(d => (d.Key, d.Value)), graph!.Nodes.Select(n => (n.Actor.Id, n.Depth)));
            Assert.Equal(within.Count > maxNodes, graph.Truncated);
            truncated += graph.Truncated ? 1 : 0;
            var nodes = graph.Nodes.Select(n => n.Actor.Id).ToHashSet();
            Assert.Equal(
                bundle.Relations.Where(r => nodes.Contains(r.From) && nodes.Contains(r.To)).OrderBy(r => Validity.StartKey(r.Start)).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id),
                graph.Edges.Select(e => e.Relation.Id));
        }

        Assert.InRange(truncated, 1, 24);
    }

    private async Task<TestStore> SeededAsync(GraphBundle bundle)
    {
        var url = await server.AcquireAsync();
        var test = TestStore.Create(url);
        await TestDatabase.ClearAsync(test, Ct);
        await test.Store.InitialiseAsync(Ct);
        await test.Store.ApplyBundleAsync(bundle, BundleMode.Seed, Ct);
        return test;
    }

    /// <summary>No self-loops (the validators forbid them), parallel relations, a second component, dated and undated relations.</summary>
    private static GraphBundle RandomGraph(int seed, int actors, int relations)
    {
        var random = new Random(seed);
        var source = new Source("s", "A source", SourceKind.Secondary);
        var actorList = Enumerable.Range(0, actors).Select(i => new Actor($"a{i:D2}", $"Actor {i}", ActorKind.IntergovernmentalOrganisation)).ToList();
        var relationList = new List<Relation>();
        for (var i = 0; i < relations; i++)
        {
            var island = random.Next(4) == 0 && actors > 30;
            var from = island ? random.Next(30, actors) : random.Next(30);
            int to;
            do
            {
                to = island ? random.Next(30, actors) : random.Next(30);
            }
            while (to == from);

            PartialDate? start = random.Next(3) == 0 ? null : PartialDate.OfYear(1995 + random.Next(20));
            PartialDate? end = start is { } s && random.Next(2) == 0 ? PartialDate.OfYear(s.Year + random.Next(10)) : null;
            relationList.Add(new Relation($"r{random.Next(1000):D3}-{i:D2}", actorList[from].Id, actorList[to].Id, Types[random.Next(Types.Length)], Confidence.Medium, [new Citation("s", "q")], start, end));
        }

        relationList.Add(relationList[1] with { Id = "r999-parallel", Type = Types[0] });
        return new GraphBundle { Sources = [source], Actors = actorList, Relations = relationList };
    }

    private static Dictionary<string, int> Distances(IReadOnlyList<Relation> relations, string start)
    {
        var distances = new Dictionary<string, int>(StringComparer.Ordinal) { [start] = 0 };
        var frontier = new List<string> { start };
        while (frontier.Count > 0)
        {
            var next = new List<string>();
            foreach (var node in frontier)
            {
                foreach (var relation in relations)
                {
                    foreach (var (a, b) in new[] { (relation.From, relation.To), (relation.To, relation.From) })
                    {
                        if (a == node && distances.TryAdd(b, distances[node] + 1))
                        {
                            next.Add(b);
                        }
                    }
                }
            }

            frontier = next;
        }

        return distances;
    }

    /// <summary>Every shortest path as its relation ids joined by spaces, in ordinal order of the id sequences.</summary>
    private static List<string> ExpectedPaths(List<Relation> relations, string from, string to, int maxDepth)
    {
        if (from == to)
        {
            return [string.Empty];
        }

        var fromStart = Distances(relations, from);
        var fromEnd = Distances(relations, to);
        if (!fromStart.TryGetValue(to, out var length) || length > maxDepth)
        {
            return [];
        }

        var paths = new List<List<string>>();
        void Walk(string node, List<string> walked)
        {
            if (node == to)
            {
                paths.Add([.. walked]);
                return;
            }

            foreach (var relation in relations)
            {
                foreach (var (a, b) in new[] { (relation.From, relation.To), (relation.To, relation.From) })
                {
                    if (a == node && fromStart[a] == walked.Count && fromEnd.TryGetValue(b, out var left) && walked.Count + 1 + left == length)
                    {
                        walked.Add(relation.Id);
                        Walk(b, walked);
                        walked.RemoveAt(walked.Count - 1);
                    }
                }
            }
        }

        Walk(from, []);
        return [.. paths.Select(p => string.Join(' ', p)).Distinct().Order(StringComparer.Ordinal)];
    }
}
