using System.Text.Json;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Formats.Tests;

public sealed class CytoscapeFormatTests
{
    [Fact]
    public async Task Cytoscape_export_is_an_elements_object_of_nodes_and_edges()
    {
        using var json = JsonDocument.Parse(await FormatGraph.WriteAsync(GraphFormats.Cytoscape));

        var elements = json.RootElement.GetProperty("elements");
        Assert.Equal(6, elements.GetProperty("nodes").GetArrayLength());
        Assert.Equal(7, elements.GetProperty("edges").GetArrayLength());
        Assert.All(elements.GetProperty("nodes").EnumerateArray(), n => Assert.Equal(JsonValueKind.Object, n.GetProperty("data").ValueKind));
    }

    [Fact]
    public async Task Cytoscape_edges_name_existing_nodes_and_every_element_id_is_unique()
    {
        using var json = JsonDocument.Parse(await FormatGraph.WriteAsync(GraphFormats.Cytoscape));

        var elements = json.RootElement.GetProperty("elements");
        var nodeIds = elements.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data").GetProperty("id").GetString()!).ToList();
        var edges = elements.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("data")).ToList();
        Assert.All(edges, e => Assert.Contains(e.GetProperty("source").GetString(), nodeIds));
        Assert.All(edges, e => Assert.Contains(e.GetProperty("target").GetString(), nodeIds));
        var allIds = nodeIds.Concat(edges.Select(e => e.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(allIds.Count, allIds.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Cytoscape_nodes_carry_the_short_label_to_draw_and_the_actor_fields()
    {
        using var json = JsonDocument.Parse(await FormatGraph.WriteAsync(GraphFormats.Cytoscape));

        var nodes = json.RootElement.GetProperty("elements").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data")).ToList();
        var gmg = nodes.Single(n => n.GetProperty("id").GetString() == "geneva-migration-group");
        Assert.Equal("Geneva Migration Group", gmg.GetProperty("label").GetString());
        Assert.Equal("the Geneva Migration Group", gmg.GetProperty("sentenceLabel").GetString());
        Assert.Equal("Geneva Migration Group", gmg.GetProperty("name").GetString());
        Assert.False(gmg.TryGetProperty("depth", out _), "a whole-graph export has no centre to count depth from");
        Assert.Equal("inter-agency-group", gmg.GetProperty("kind").GetString());
        Assert.Equal("2003", gmg.GetProperty("founded").GetString());
        Assert.Equal("2006", gmg.GetProperty("dissolved").GetString());
        var civ = nodes.Single(n => n.GetProperty("id").GetString() == "civ");
        Assert.Equal("Côte d’Ivoire", civ.GetProperty("label").GetString());
        var iom = nodes.Single(n => n.GetProperty("id").GetString() == "iom");
        Assert.Equal(FormatGraph.IomDescription, iom.GetProperty("description").GetString());
        Assert.Equal("Q1066", iom.GetProperty("wikidata").GetString());
        Assert.Equal(["ICEM", "Organisation internationale pour les migrations", "OIM"], iom.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Cytoscape_edges_carry_type_sentence_period_and_sources()
    {
        using var json = JsonDocument.Parse(await FormatGraph.WriteAsync(GraphFormats.Cytoscape));

        var edges = json.RootElement.GetProperty("elements").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("data")).ToList();
        var member = edges.Single(e => e.GetProperty("id").GetString() == "iom.member-of.geneva-migration-group");
        Assert.Equal("MEMBER_OF", member.GetProperty("type").GetString());
        Assert.Equal("member of", member.GetProperty("label").GetString());
        Assert.Equal("IOM was a founding member of the Geneva Migration Group from 2003 to 2006.", member.GetProperty("sentence").GetString());
        Assert.Equal("2003", member.GetProperty("start").GetString());
        Assert.Equal("2006", member.GetProperty("end").GetString());
        Assert.Equal("founding member", member.GetProperty("role").GetString());
        Assert.Equal("high", member.GetProperty("confidence").GetString());
        Assert.Equal(["un-ceb-gmg", "noborder-iom-wiki"], member.GetProperty("sourceIds").EnumerateArray().Select(s => s.GetString()));
        var undated = edges.Single(e => e.GetProperty("id").GetString() == "unhcr.emphasises.humanitarian-protection");
        Assert.False(undated.TryGetProperty("start", out _));
        Assert.False(undated.TryGetProperty("end", out _));
    }

    [Fact]
    public async Task A_relation_id_equal_to_an_actor_id_gets_a_distinct_edge_id()
    {
        var actor = new Actor("shared-id", "Shared", ActorKind.Event);
        var other = new Actor("other", "Other", ActorKind.Event);
        var relation = new Relation("shared-id", "shared-id", "other", RelationType.PrecursorOf, Confidence.Low, [new Citation("s", "q")]);
        using var output = new MemoryStream();

        await GraphFormats.Cytoscape.WriteAsync(
            FormatGraph.Sequence(new ActorItem(actor), new ActorItem(other), new RelationItem(relation)), output, FormatGraph.Context, TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(output.ToArray());
        var edge = Assert.Single(json.RootElement.GetProperty("elements").GetProperty("edges").EnumerateArray());
        Assert.Equal("relation:shared-id", edge.GetProperty("data").GetProperty("id").GetString());
    }
}
