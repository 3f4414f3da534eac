using IomGraph.Core.Graphs;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Storage.Contract;

/// <summary>
/// Checks every store's graph walks against oracles on generated graphs with parallel relations, relations dated at
/// both ends, at one end and not at all, several actor kinds and a second component: shortest paths against a
/// brute-force search of every simple path, neighbourhoods against a plain breadth-first search, both under type, date
/// (with and without undated relations, <see cref="Validity.Holds(Relation, PartialDate, bool)"/>) and kind filters. Subclass it once per store, as
/// <see cref="GraphStoreContract"/>.
/// </summary>
public abstract class GraphWalkContract : EmptyStoreTest
{
    private static readonly RelationType[] Types = [RelationType.MemberOf, RelationType.Supports, RelationType.Funds];

    private static readonly ActorKind[] Kinds = [ActorKind.IntergovernmentalOrganisation, ActorKind.UnEntity, ActorKind.InterAgencyGroup];


    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Shortest_paths_match_a_brute_force_search_of_every_path(int seed)
    {
        var bundle = RandomGraph(seed, actors: 40, relations: 75);
        await Writer.SeedAsync(bundle, Ct);
        var random = new Random(seed);
        int several = 0, none = 0, longer = 0, lengthened = 0, undatedMatter = 0;

        for (var i = 0; i < 40; i++)
        {
            var from = bundle.Actors[random.Next(bundle.Actors.Count)].Id;
            var to = bundle.Actors[random.Next(bundle.Actors.Count)].Id;
            var maxDepth = random.Next(1, 7);
            IReadOnlyList<RelationType> types = i % 3 == 0 ? [Types[0], Types[1]] : [];
            PartialDate? asOf = i % 4 == 1 ? PartialDate.OfYear(2000 + random.Next(0, 20)) : null;

            // Half the dated searches take undated relations too; some undated searches ask for them, which changes nothing.
            var includeUndated = i % 8 is 1 or 3;

            var graph = await Store.FindShortestPathsAsync(new PathQuery(from, to, maxDepth, types, asOf) { IncludeUndated = includeUndated }, Ct);

            var kept = Kept(bundle, types, asOf, includeUndated);
            var expected = BruteForce(kept, from, to, maxDepth);
            var context = $"{from} → {to}, maxDepth {maxDepth}, types [{string.Join(", ", types)}], asOf {asOf}, includeUndated {includeUndated}";
            Assert.True(
                expected.Relations.SequenceEqual(graph.Relations.Select(v => v.Relation.Id)),
                $"{context}: expected [{string.Join(", ", expected.Relations)}], got [{string.Join(", ", graph.Relations.Select(v => v.Relation.Id))}].");
            Assert.All(graph.Relations, v => Assert.Equal((v.Relation.From, v.Relation.To), (v.From.Id, v.To.Id)));

            var chains = PathChains.Build(from, to, graph, PathChains.EnumerationCap);
            // The chain of no hops lists no actors: its one actor is the start.
            Assert.Equal(
                expected.Chains.Order(StringComparer.Ordinal),
                chains.Chains.Select(c => c.Hops.Count == 0 ? from : string.Join(' ', c.Actors.Select(a => a.Id))).Order(StringComparer.Ordinal));
            Assert.False(chains.Truncated);
            if (expected.Length is { } length && from != to)
            {
                Assert.Equal(length, chains.Length);
            }

            several += chains.Chains.Count > 1 ? 1 : 0;
            none += graph.Relations.Count == 0 && from != to ? 1 : 0;
            longer += chains.Length >= 3 ? 1 : 0;
            lengthened += (types.Count > 0 || asOf is not null) && expected.Length > BruteForce(bundle.Relations, from, to, maxDepth).Length ? 1 : 0;
            undatedMatter += asOf is not null
                && !expected.Relations.SequenceEqual(BruteForce(Kept(bundle, types, asOf, !includeUndated), from, to, maxDepth).Relations) ? 1 : 0;
        }

        Assert.True(
            several > 0 && none > 0 && longer > 0 && lengthened > 0 && undatedMatter > 0,
            $"The sample should hold pairs with several chains ({several}), none ({none}), long ones ({longer}), ones that a filter made longer ({lengthened}) and ones that undated relations change ({undatedMatter}).");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Neighbourhoods_match_a_plain_breadth_first_search(int seed)
    {
        var bundle = RandomGraph(seed, actors: 40, relations: 60);
        await Writer.SeedAsync(bundle, Ct);
        var kinds = bundle.Actors.ToDictionary(a => a.Id, a => a.Kind, StringComparer.Ordinal);
        var random = new Random(seed);
        int truncated = 0, filteredByKind = 0, undatedMatter = 0;

        for (var i = 0; i < 30; i++)
        {
            var start = bundle.Actors[random.Next(bundle.Actors.Count)].Id;
            var depth = random.Next(1, 4);
            var maxNodes = random.Next(1, 30);
            IReadOnlyList<RelationType> types = i % 3 == 0 ? [Types[0], Types[2]] : [];
            PartialDate? asOf = i % 5 == 2 ? PartialDate.OfYear(2000 + random.Next(0, 20)) : null;
            IReadOnlyList<ActorKind> only = i % 4 == 1 ? [Kinds[0], Kinds[random.Next(1, 3)]] : [];
            IReadOnlyList<ActorKind> excluded = i % 4 == 3 ? [Kinds[random.Next(3)]] : [];
            var includeUndated = i % 10 is 7 or 8;

            var graph = await Store.GetNeighbourhoodAsync(
                new NeighbourhoodQuery(start, depth, types, asOf, maxNodes) { Kinds = only, ExcludeKinds = excluded, IncludeUndated = includeUndated }, Ct);

            var kept = Kept(bundle, types, asOf, includeUndated);
            bool Enters(string id) => id == start || ((only.Count == 0 || only.Contains(kinds[id])) && !excluded.Contains(kinds[id]));
            var distances = Distances(kept, start, Enters);
            var within = distances.Where(d => d.Value <= depth).OrderBy(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal).ToList();
            Assert.Equal(within.Take(maxNodes).Select(d => (d.Key, d.Value)), graph!.Nodes.Select(n => (n.Actor.Id, n.Depth)));
            Assert.Equal(within.Count > maxNodes, graph.Truncated);
            var nodes = graph.Nodes.Select(n => n.Actor.Id).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(
                kept.Where(r => nodes.Contains(r.From) && nodes.Contains(r.To)).OrderBy(r => Validity.StartKey(r)).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id),
                graph.Edges.Select(e => e.Relation.Id));
            Assert.All(graph.Nodes, n => Assert.Equal(bundle.Relations.Count(r => r.From == n.Actor.Id || r.To == n.Actor.Id), n.Degree));

            truncated += graph.Truncated ? 1 : 0;
            filteredByKind += (only.Count > 0 || excluded.Count > 0) && Distances(kept, start, _ => true).Count(d => d.Value <= depth) > within.Count ? 1 : 0;
            undatedMatter += asOf is not null
                && Distances(Kept(bundle, types, asOf, !includeUndated), start, Enters).Count(d => d.Value <= depth) != within.Count ? 1 : 0;
        }

        Assert.InRange(truncated, 1, 29);
        Assert.True(filteredByKind > 0, "The sample should hold neighbourhoods that a kind filter made smaller.");
        Assert.True(undatedMatter > 0, "The sample should hold dated neighbourhoods that undated relations change.");
    }

    /// <summary>
    /// No self-loops (the validators forbid them), parallel relations, a second component, and relations dated at both
    /// ends, from a start only, until an end only, known to hold from a date whose start is unknown (heldOn), and undated.
    /// </summary>
    private static GraphBundle RandomGraph(int seed, int actors, int relations)
    {
        var random = new Random(seed);
        var source = new Source("s", "A source", SourceKind.Secondary);
        var actorList = Enumerable.Range(0, actors).Select(i => new Actor($"a{i:D2}", $"Actor {i}", Kinds[random.Next(Kinds.Length)])).ToList();
        var relationList = new List<Relation>();
        for (var i = 0; i < relations; i++)
        {
            // Actors 30 and up only relate among themselves: a second component.
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

            // Without a draw of its own, so that the graphs of the other relations stay as they were.
            end ??= start is null && i % 4 == 0 ? PartialDate.OfYear(2000 + (i % 20)) : null;
            var id = $"r{random.Next(1000):D3}-{i:D2}";
            var type = Types[random.Next(Types.Length)];

            // Some relations with no start are known to hold from a date on (heldOn), also without a draw of their own.
            PartialDate? heldOn = start is null && end is null && i % 7 == 1 && !RelationTypes.Get(type).IsEvent ? PartialDate.OfYear(2001 + (i % 15)) : null;
            relationList.Add(new Relation(id, actorList[from].Id, actorList[to].Id, type, Confidence.Medium, [new Citation("s", "q")], start, end) { HeldOn = heldOn });
        }

        // Parallel relations: several relation-level paths over one chain of actors.
        relationList.Add(relationList[1] with { Id = "r999-parallel", Type = Types[0] });
        relationList.Add(relationList[2] with { Id = "r998-parallel", From = relationList[2].To, To = relationList[2].From });
        return new GraphBundle { Sources = [source], Actors = actorList, Relations = relationList };
    }

    /// <summary>The relations a walk may follow: those of the types (all when none), and valid on the date when there is one.</summary>
    private static List<Relation> Kept(GraphBundle bundle, IReadOnlyList<RelationType> types, PartialDate? asOf, bool includeUndated) =>
        [.. bundle.Relations.Where(r => (types.Count == 0 || types.Contains(r.Type)) && (asOf is null || Validity.Holds(r, asOf.Value, includeUndated)))];

    /// <summary>Breadth-first distances from <paramref name="start"/>, entering only actors that <paramref name="enters"/> allows.</summary>
    private static Dictionary<string, int> Distances(IReadOnlyList<Relation> relations, string start, Func<string, bool> enters)
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
                        if (a == node && enters(b) && distances.TryAdd(b, distances[node] + 1))
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

    /// <summary>
    /// Walks every simple path from <paramref name="from"/> of at most <paramref name="maxDepth"/> relations, and keeps
    /// those that reach <paramref name="to"/> in the fewest: their relations in id order, their distinct actor sequences,
    /// and their length (null when none).
    /// </summary>
    private static (List<string> Relations, List<string> Chains, int? Length) BruteForce(IReadOnlyList<Relation> relations, string from, string to, int maxDepth)
    {
        if (from == to)
        {
            return ([], [from], 0);
        }

        var found = new List<(List<string> Relations, List<string> Actors)>();
        var walkedRelations = new List<string>();
        var walkedActors = new List<string> { from };
        Walk(from);
        if (found.Count == 0)
        {
            return ([], [], null);
        }

        var length = found.Min(p => p.Relations.Count);
        var shortest = found.Where(p => p.Relations.Count == length).ToList();
        return (
            [.. shortest.SelectMany(p => p.Relations).Distinct().Order(StringComparer.Ordinal)],
            [.. shortest.Select(p => string.Join(' ', p.Actors)).Distinct()],
            length);

        void Walk(string node)
        {
            if (node == to)
            {
                found.Add(([.. walkedRelations], [.. walkedActors]));
                return;
            }

            if (walkedRelations.Count == maxDepth)
            {
                return;
            }

            foreach (var relation in relations)
            {
                var other = relation.From == node ? relation.To : relation.To == node ? relation.From : null;
                if (other is null || walkedActors.Contains(other))
                {
                    continue;
                }

                walkedRelations.Add(relation.Id);
                walkedActors.Add(other);
                Walk(other);
                walkedRelations.RemoveAt(walkedRelations.Count - 1);
                walkedActors.RemoveAt(walkedActors.Count - 1);
            }
        }
    }
}
