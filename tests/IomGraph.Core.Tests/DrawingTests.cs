using IomGraph.Core.Graphs;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Core.Tests;

public sealed class DrawingTests
{
    private static readonly ActorRef Iom = new("iom", "International Organization for Migration", ActorKind.IntergovernmentalOrganisation, "IOM");
    private static readonly ActorRef Gmg = new("global-migration-group", "Global Migration Group", ActorKind.InterAgencyGroup, "the Global Migration Group");
    private static readonly ActorRef France = new("fra", "France", ActorKind.State, "France");
    private static readonly ActorRef Italy = new("ita", "Italy", ActorKind.State, "Italy");
    private static readonly ActorRef Spain = new("esp", "Spain", ActorKind.State, "Spain");

    [Fact]
    public void Without_grouping_nodes_carry_their_short_label_degree_and_depth_and_edges_their_reading()
    {
        var drawing = Drawings.Of(Hub(), "iom", [], Sentence);

        Assert.Equal(["iom", "global-migration-group", "fra", "ita", "esp"], drawing.Nodes.Select(n => n.Id));
        Assert.Equal("Global Migration Group", drawing.Nodes[1].Label);
        Assert.Equal((1, 12), (drawing.Nodes[1].Depth, drawing.Nodes[1].Degree));
        Assert.All(drawing.Nodes, n => Assert.Null(n.Group));
        Assert.All(drawing.Edges, e => Assert.Equal("member of", e.Label));
        Assert.Equal(5, drawing.Edges.Count);
    }

    [Fact]
    public void Grouping_a_kind_gathers_its_actors_and_their_relations_to_each_other_node_into_one_of_each()
    {
        var drawing = Drawings.Of(Hub(), "iom", [ActorKind.State], Sentence);

        Assert.Equal(["iom", "global-migration-group", "group:state"], drawing.Nodes.Select(n => n.Id));
        var group = drawing.Nodes[2];
        Assert.Equal("3 states", group.Label);
        Assert.Equal(["fra", "ita", "esp"], group.Group!.MemberIds);
        Assert.Equal(3 + 2 + 1, group.Degree);

        var edge = Assert.Single(drawing.Edges, e => e.Source == "group:state");
        Assert.Equal("iom", edge.Target);
        Assert.Equal(4, edge.Group!.Count);
        Assert.Equal("4 “member of” relations from 3 states to IOM.", edge.Sentence);
        Assert.Equal(Confidence.Low, edge.Confidence);
        Assert.Equal(PartialDate.Parse("1951"), edge.Start);
        Assert.Null(edge.End);
        Assert.Equal(["a", "b"], edge.SourceIds);
        Assert.Equal(["iom.member-of.global-migration-group", "group:state|MEMBER_OF|iom"], drawing.Edges.Select(e => e.Id));
    }

    [Fact]
    public void The_centre_and_a_kind_with_a_single_actor_are_never_gathered()
    {
        var single = Drawings.Of(new Graph([Node(Iom, 0, 2), Node(France, 1, 3)], [Rel("f", France, Iom, Confidence.High)], false), "iom", [ActorKind.State], Sentence);
        var centre = Drawings.Of(Hub(), "fra", [ActorKind.State], Sentence);

        Assert.Equal(["iom", "fra"], single.Nodes.Select(n => n.Id));
        Assert.Contains(centre.Nodes, n => n.Id == "fra" && n.Group is null);
        Assert.Equal(["ita", "esp"], centre.Nodes.Single(n => n.Id == "group:state").Group!.MemberIds);
    }

    [Fact]
    public void A_group_edge_counts_the_actors_it_joins_and_says_one_relation_in_the_singular()
    {
        var hub = Hub();
        var withFunder = new Graph(
            hub.Nodes,
            [.. hub.Edges, new RelationView(new Relation("fra.funds.iom", France.Id, Iom.Id, RelationType.Funds, Confidence.High, [new Citation("a", "q")]), France, Iom)],
            false);

        var drawing = Drawings.Of(withFunder, "iom", [ActorKind.State], Sentence);

        Assert.Equal("1 “funds” relation from 1 state to IOM.", Assert.Single(drawing.Edges, e => e.Type == RelationType.Funds).Sentence);
        Assert.Equal("4 “member of” relations from 3 states to IOM.", Assert.Single(drawing.Edges, e => e.Type == RelationType.MemberOf && e.Group is not null).Sentence);
    }

    private static string Sentence(RelationView view) => RelationSentence.Render(view, SentenceContext.On(new DateOnly(2026, 12, 1)));

    private static Graph Hub() => new(
        [Node(Iom, 0, 200), Node(Gmg, 1, 12), Node(France, 1, 3), Node(Italy, 1, 2), Node(Spain, 1, 1)],
        [
            Rel("iom.member-of.global-migration-group", Iom, Gmg, Confidence.High, "2006", "2018"),
            Rel("fra.1", France, Iom, Confidence.High, "1951", "1960", "a"),
            Rel("fra.2", France, Iom, Confidence.Medium, "1970", null, "b"),
            Rel("ita", Italy, Iom, Confidence.Low, "1951", "2000", "a"),
            Rel("esp", Spain, Iom, Confidence.High, "1956", "1990", "a"),
        ],
        false);

    private static GraphNode Node(ActorRef actor, int depth, int degree) => new(actor, depth, degree);

    private static RelationView Rel(string id, ActorRef from, ActorRef to, Confidence confidence, string? start = null, string? end = null, string source = "a") =>
        new(
            new Relation(id, from.Id, to.Id, RelationType.MemberOf, confidence, [new Citation(source, "q")],
                start is null ? null : PartialDate.Parse(start), end is null ? null : PartialDate.Parse(end)),
            from,
            to);
}
