using IomGraph.Core.Graphs;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Core.Tests;

public sealed class PathChainsTests
{
    [Fact]
    public void Parallel_relations_between_two_actors_are_one_hop_of_one_chain()
    {
        var graph = Graph(
            Rel("usa.funds.iom", "usa", "iom", Confidence.High),
            Rel("usa.member-of.iom", "usa", "iom", Confidence.Medium),
            Rel("usa.leads.iom", "usa", "iom", Confidence.Low),
            Rel("unhcr.member-of.gmg", "unhcr", "gmg", Confidence.High),
            Rel("iom.member-of.gmg", "iom", "gmg", Confidence.High));

        var result = PathChains.Build("usa", "unhcr", graph, 25);

        var chain = Assert.Single(result.Chains);
        Assert.Equal(3, result.Length);
        Assert.False(result.Truncated);
        Assert.Equal(["usa", "iom", "gmg", "unhcr"], chain.Actors.Select(a => a.Id));
        Assert.Equal([3, 1, 1], chain.Hops.Select(h => h.Relations.Count));
        Assert.Equal(5, chain.RelationCount);
    }

    [Fact]
    public void A_hop_says_which_way_the_walk_follows_each_relation()
    {
        var graph = Graph(
            Rel("a.funds.b", "a", "b", Confidence.High),
            Rel("b.member-of.a", "b", "a", Confidence.High));

        var hop = Assert.Single(Assert.Single(PathChains.Build("a", "b", graph, 25).Chains).Hops);

        Assert.Equal(("a", "b"), (hop.From.Id, hop.To.Id));
        Assert.Equal([("a.funds.b", true), ("b.member-of.a", false)], hop.Relations.Select(r => (r.Relation.Relation.Id, r.Forward)));
    }

    [Fact]
    public void Relations_in_a_hop_come_surest_first_then_earliest_then_by_id()
    {
        var graph = Graph(
            Rel("r-medium-2000", "a", "b", Confidence.Medium, "2000"),
            Rel("r-high-2010", "a", "b", Confidence.High, "2010"),
            Rel("r-high-undated", "b", "a", Confidence.High),
            Rel("r-high-2001-b", "a", "b", Confidence.High, "2001"),
            Rel("r-high-2001-a", "b", "a", Confidence.High, "2001"),
            Rel("r-low", "a", "b", Confidence.Low, "1990"));

        var hop = Assert.Single(Assert.Single(PathChains.Build("a", "b", graph, 25).Chains).Hops);

        Assert.Equal(
            ["r-high-undated", "r-high-2001-a", "r-high-2001-b", "r-high-2010", "r-medium-2000", "r-low"],
            hop.Relations.Select(r => r.Relation.Relation.Id));
        Assert.Equal(Confidence.High, hop.Strength);
    }

    [Fact]
    public void Chains_come_strongest_first_then_most_corroborated_then_by_actor_ids()
    {
        // Four chains from s to t through m1..m4. m1's weakest hop is low; m2, m3 and m4 are medium at worst, and m3 and m4
        // hold a second relation in one hop.
        var graph = Graph(
            Rel("s.m1", "s", "m1", Confidence.High), Rel("m1.t", "m1", "t", Confidence.Low),
            Rel("s.m2", "s", "m2", Confidence.Medium), Rel("m2.t", "m2", "t", Confidence.High),
            Rel("s.m3", "s", "m3", Confidence.High), Rel("m3.t", "m3", "t", Confidence.Medium), Rel("t.m3", "t", "m3", Confidence.Low),
            Rel("s.m4", "s", "m4", Confidence.Medium), Rel("m4.s", "m4", "s", Confidence.Medium), Rel("m4.t", "m4", "t", Confidence.Medium));

        var result = PathChains.Build("s", "t", graph, 25);

        Assert.Equal(["m3", "m4", "m2", "m1"], result.Chains.Select(c => c.Actors[1].Id));
        Assert.Equal([Confidence.Medium, Confidence.Medium, Confidence.Medium, Confidence.Low], result.Chains.Select(c => c.Strength));
        Assert.Equal([3, 3, 2, 2], result.Chains.Select(c => c.RelationCount));
        Assert.All(result.Chains, c => Assert.Equal(2, c.Hops.Count));
    }

    [Fact]
    public void Chains_of_equal_strength_and_corroboration_come_in_the_order_of_their_actor_ids()
    {
        var graph = Graph(
            Rel("s.b", "s", "b", Confidence.High), Rel("b.t", "b", "t", Confidence.High),
            Rel("s.a", "s", "a", Confidence.High), Rel("a.t", "a", "t", Confidence.High),
            Rel("s.c", "s", "c", Confidence.High), Rel("c.t", "t", "c", Confidence.High));

        var result = PathChains.Build("s", "t", graph, 25);

        Assert.Equal([["s", "a", "t"], ["s", "b", "t"], ["s", "c", "t"]], result.Chains.Select(c => c.Actors.Select(a => a.Id)));
    }

    [Fact]
    public void More_chains_than_the_maximum_are_cut_to_the_strongest_and_marked_truncated()
    {
        var graph = Graph(
            Rel("s.a", "s", "a", Confidence.Low), Rel("a.t", "a", "t", Confidence.High),
            Rel("s.b", "s", "b", Confidence.High), Rel("b.t", "b", "t", Confidence.High),
            Rel("s.c", "s", "c", Confidence.Medium), Rel("c.t", "c", "t", Confidence.High));

        var cut = PathChains.Build("s", "t", graph, 2);
        var exact = PathChains.Build("s", "t", graph, 3);

        Assert.Equal(["b", "c"], cut.Chains.Select(c => c.Actors[1].Id));
        Assert.True(cut.Truncated);
        Assert.Equal(3, exact.Chains.Count);
        Assert.False(exact.Truncated);
    }

    [Fact]
    public void Enumeration_stops_at_its_cap_and_reports_truncation()
    {
        // Five layers of ten actors: 10^5 chains, far above the cap.
        var relations = new List<RelationView>();
        var layers = new List<string[]> { new[] { "s" } };
        for (var layer = 0; layer < 5; layer++)
        {
            layers.Add([.. Enumerable.Range(0, 10).Select(i => $"l{layer}-{i}")]);
        }

        layers.Add(["t"]);
        for (var layer = 1; layer < layers.Count; layer++)
        {
            relations.AddRange(from a in layers[layer - 1] from b in layers[layer] select Rel($"{a}.{b}", a, b, Confidence.High));
        }

        var result = PathChains.Build("s", "t", new ShortestPathGraph(relations), 25);

        Assert.Equal(6, result.Length);
        Assert.Equal(25, result.Chains.Count);
        Assert.True(result.Truncated);
        Assert.Equal(["s", "l0-0", "l1-0", "l2-0", "l3-0", "l4-0", "t"], result.Chains[0].Actors.Select(a => a.Id));
    }

    [Fact]
    public void The_chain_from_an_actor_to_itself_has_no_hops()
    {
        var result = PathChains.Build("iom", "iom", ShortestPathGraph.Empty, 25);

        var chain = Assert.Single(result.Chains);
        Assert.Empty(chain.Hops);
        Assert.Empty(chain.Actors);
        Assert.Equal(0, result.Length);
        Assert.False(result.Truncated);
    }

    [Fact]
    public void Actors_that_the_relations_do_not_connect_have_no_chain()
    {
        var graph = Graph(Rel("a.b", "a", "b", Confidence.High), Rel("c.d", "c", "d", Confidence.High));

        Assert.Equal(PathChainResult.None, PathChains.Build("a", "d", graph, 25));
        Assert.Empty(PathChains.Build("a", "z", ShortestPathGraph.Empty, 25).Chains);
    }

    [Fact]
    public void Relations_on_no_shortest_path_are_left_out()
    {
        // a-b-d is the shortest; a-c-e-d is longer, and b-c leads nowhere nearer d.
        var graph = Graph(
            Rel("a.b", "a", "b", Confidence.Low), Rel("b.d", "b", "d", Confidence.Low),
            Rel("a.c", "a", "c", Confidence.High), Rel("c.e", "c", "e", Confidence.High), Rel("e.d", "e", "d", Confidence.High),
            Rel("b.c", "b", "c", Confidence.High));

        var chain = Assert.Single(PathChains.Build("a", "d", graph, 25).Chains);

        Assert.Equal(["a", "b", "d"], chain.Actors.Select(a => a.Id));
        Assert.Equal(["a.b", "b.d"], chain.Hops.SelectMany(h => h.Relations).Select(r => r.Relation.Relation.Id));
    }

    private static ShortestPathGraph Graph(params RelationView[] relations) => new(relations);

    private static RelationView Rel(string id, string from, string to, Confidence confidence, string? start = null) =>
        new(
            new Relation(id, from, to, RelationType.MemberOf, confidence, [new Citation("s", "q")], start is null ? null : PartialDate.Parse(start)),
            new ActorRef(from, $"Actor {from}", ActorKind.IntergovernmentalOrganisation),
            new ActorRef(to, $"Actor {to}", ActorKind.IntergovernmentalOrganisation));
}
