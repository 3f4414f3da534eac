using System.Xml.Linq;

namespace IomGraph.Formats.Tests;

public sealed class GraphMlFormatTests
{
    private static readonly XNamespace G = "http://graphml.graphdrawing.org/xmlns";

    [Fact]
    public async Task GraphML_export_is_well_formed_GraphML_with_its_schema_location()
    {
        var document = Xml.Parse(await FormatGraph.WriteAsync(GraphFormats.GraphMl));

        Assert.Equal(G + "graphml", document.Root!.Name);
        Assert.Equal(
            "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            document.Root.Attribute(XName.Get("schemaLocation", Xml.XsiNamespace))?.Value);
        var graph = Assert.Single(document.Root.Elements(G + "graph"));
        Assert.Equal("directed", graph.Attribute("edgedefault")?.Value);
    }

    [Fact]
    public async Task GraphML_declares_every_key_before_the_graph_and_every_data_uses_a_declared_key()
    {
        var document = Xml.Parse(await FormatGraph.WriteAsync(GraphFormats.GraphMl));

        var children = document.Root!.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.Equal("graph", children[^1]);
        Assert.All(children[..^1], name => Assert.Equal("key", name));
        var keys = document.Root.Elements(G + "key").ToDictionary(k => k.Attribute("id")!.Value);
        Assert.All(keys.Values, k =>
        {
            Assert.Contains(k.Attribute("for")?.Value, new[] { "node", "edge" });
            Assert.False(string.IsNullOrEmpty(k.Attribute("attr.name")?.Value));
            Assert.Equal("string", k.Attribute("attr.type")?.Value);
        });
        var data = document.Descendants(G + "data").ToList();
        Assert.NotEmpty(data);
        Assert.All(data, d =>
        {
            Assert.True(keys.TryGetValue(d.Attribute("key")!.Value, out var key), $"data key '{d.Attribute("key")!.Value}' is not declared");
            Assert.Equal(d.Parent!.Name.LocalName, key.Attribute("for")!.Value);
        });
    }

    [Fact]
    public async Task GraphML_has_a_node_per_actor_and_an_edge_per_relation_between_existing_nodes()
    {
        var document = Xml.Parse(await FormatGraph.WriteAsync(GraphFormats.GraphMl));

        var nodeIds = document.Descendants(G + "node").Select(n => n.Attribute("id")!.Value).ToList();
        var edges = document.Descendants(G + "edge").ToList();
        Assert.Equal(6, nodeIds.Distinct().Count());
        Assert.Equal(6, nodeIds.Count);
        Assert.Equal(7, edges.Count);
        Assert.All(edges, e => Assert.Contains(e.Attribute("source")!.Value, nodeIds));
        Assert.All(edges, e => Assert.Contains(e.Attribute("target")!.Value, nodeIds));
    }

    [Fact]
    public async Task GraphML_data_keeps_accents_quotes_and_line_breaks_exactly()
    {
        var document = Xml.Parse(await FormatGraph.WriteAsync(GraphFormats.GraphMl));

        string? Data(string nodeId, string name)
        {
            var key = document.Root!.Elements(G + "key").Single(k => k.Attribute("for")!.Value == "node" && k.Attribute("attr.name")!.Value == name).Attribute("id")!.Value;
            var node = document.Descendants(G + "node").Single(n => n.Attribute("id")!.Value == nodeId);
            return node.Elements(G + "data").SingleOrDefault(d => d.Attribute("key")!.Value == key)?.Value;
        }

        Assert.Equal(FormatGraph.IomDescription, Data("iom", "description"));
        Assert.Equal("Côte d’Ivoire", Data("civ", "label"));
        Assert.Equal("Geneva Migration Group", Data("geneva-migration-group", "label"));
        Assert.Equal("the Geneva Migration Group", Data("geneva-migration-group", "sentenceLabel"));
        Assert.Equal("IOM", Data("iom", "label"));
        Assert.Equal("2006", Data("geneva-migration-group", "dissolved"));
        Assert.Null(Data("civ", "dissolved"));
    }

    [Fact]
    public async Task Networkx_reads_the_GraphML_with_every_node_and_edge()
    {
        var python = await NetworkX.RequireAsync();

        var graph = await NetworkX.ReadAsync(python, "graphml", await FormatGraph.WriteAsync(GraphFormats.GraphMl));

        Assert.Equal(6, graph.GetProperty("nodes").GetInt32());
        Assert.Equal(7, graph.GetProperty("edges").GetInt32());
        Assert.True(graph.GetProperty("directed").GetBoolean());
        var iom = graph.GetProperty("nodeData").GetProperty("iom");
        Assert.Equal("IOM", iom.GetProperty("label").GetString());
        Assert.Equal(FormatGraph.IomDescription, iom.GetProperty("description").GetString());
        Assert.Equal("Côte d’Ivoire", graph.GetProperty("nodeData").GetProperty("civ").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Networkx_reads_each_edges_citations_with_their_kind_of_text_and_a_heldOn_date()
    {
        var python = await NetworkX.RequireAsync();

        var graph = await NetworkX.ReadAsync(python, "graphml", await FormatGraph.WriteAsync(GraphFormats.GraphMl));

        var edges = graph.GetProperty("edgeData").EnumerateArray().Select(e => e[2]).ToList();
        var membership = edges.Single(e => e.GetProperty("sentence").GetString()!.StartsWith("Côte d’Ivoire", StringComparison.Ordinal));
        using var citations = System.Text.Json.JsonDocument.Parse(membership.GetProperty("citations").GetString()!);
        Assert.Equal("Côte d’Ivoire, member state", citations.RootElement[0].GetProperty("quote").GetString());
        Assert.False(citations.RootElement[1].TryGetProperty("quote", out _));
        Assert.Equal("COW codes 1 as full membership.", citations.RootElement[1].GetProperty("summary").GetString());
        Assert.Equal("1", citations.RootElement[1].GetProperty("record").GetProperty("values").GetProperty("iomig").GetString());
        var observer = edges.Single(e => e.TryGetProperty("heldOn", out _));
        Assert.Equal("2009", observer.GetProperty("heldOn").GetString());
        Assert.Equal("true", observer.GetProperty("dated").GetString());
        Assert.Equal("IOM was an observer of the Global Migration Group from at least 2009 to 2018.", observer.GetProperty("sentence").GetString());
    }
}
