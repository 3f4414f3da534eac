using System.Globalization;
using System.Xml.Linq;

namespace IomGraph.Formats.Tests;

public sealed class GexfFormatTests
{
    private static readonly XNamespace G = "http://gexf.net/1.3";

    [Fact]
    public async Task GEXF_export_is_a_well_formed_dynamic_GEXF_1_3_graph()
    {
        var document = Xml.Parse(await FormatGraph.WriteAsync(GraphFormats.Gexf));

        Assert.Equal(G + "gexf", document.Root!.Name);
        Assert.Equal("1.3", document.Root.Attribute("version")?.Value);
        Assert.Equal("http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", document.Root.Attribute(XName.Get("schemaLocation", Xml.XsiNamespace))?.Value);
        var graph = Assert.Single(document.Root.Elements(G + "graph"));
        Assert.Equal("dynamic", graph.Attribute("mode")?.Value);
        Assert.Equal("directed", graph.Attribute("defaultedgetype")?.Value);
        Assert.Equal("date", graph.Attribute("timeformat")?.Value);
        Assert.Equal(["attributes", "attributes", "nodes", "edges"], graph.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task GEXF_declares_node_and_edge_attributes_and_every_value_names_a_declared_one()
    {
        var document = Xml.Parse(await FormatGraph.WriteAsync(GraphFormats.Gexf));

        var graph = document.Root!.Element(G + "graph")!;
        var declared = graph.Elements(G + "attributes").ToDictionary(
            a => a.Attribute("class")!.Value,
            a => a.Elements(G + "attribute").ToDictionary(x => x.Attribute("id")!.Value, x => x.Attribute("title")!.Value));
        Assert.Equal(["edge", "node"], declared.Keys.Order());
        Assert.Contains("name", declared["node"].Values);
        Assert.Contains("sentence", declared["edge"].Values);
        Assert.All(graph.Elements(G + "attributes").Elements(G + "attribute"), a => Assert.Equal("string", a.Attribute("type")?.Value));
        var values = document.Descendants(G + "attvalue").ToList();
        Assert.NotEmpty(values);
        Assert.All(values, v =>
        {
            var owner = v.Parent!.Parent!.Name.LocalName;
            Assert.Contains(v.Attribute("for")!.Value, declared[owner].Keys);
            Assert.NotNull(v.Attribute("value"));
        });
    }

    [Fact]
    public async Task GEXF_nodes_have_labels_and_edges_join_existing_nodes()
    {
        var document = Xml.Parse(await FormatGraph.WriteAsync(GraphFormats.Gexf));

        var nodes = document.Descendants(G + "node").ToList();
        var edges = document.Descendants(G + "edge").ToList();
        Assert.Equal(6, nodes.Count);
        Assert.Equal(7, edges.Count);
        Assert.All(nodes, n => Assert.False(string.IsNullOrWhiteSpace(n.Attribute("label")?.Value)));
        var ids = nodes.Select(n => n.Attribute("id")!.Value).ToHashSet();
        Assert.All(edges, e => Assert.Contains(e.Attribute("source")!.Value, ids));
        Assert.All(edges, e => Assert.Contains(e.Attribute("target")!.Value, ids));
        Assert.All(edges, e => Assert.Equal(Core.Vocabulary.RelationTypes.All.Single(t => t.Name == e.Attribute("kind")!.Value).Label, e.Attribute("label")!.Value));
    }

    [Fact]
    public async Task GEXF_spells_are_full_dates_covering_each_partial_date()
    {
        var document = Xml.Parse(await FormatGraph.WriteAsync(GraphFormats.Gexf));

        var times = document.Descendants().Where(e => e.Name == G + "node" || e.Name == G + "edge")
            .SelectMany(e => new[] { e.Attribute("start"), e.Attribute("end") })
            .OfType<XAttribute>()
            .ToList();
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.True(
            DateOnly.TryParseExact(t.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"'{t.Value}' is not yyyy-MM-dd"));

        (string? Start, string? End) Interval(string element, string id)
        {
            var e = document.Descendants(G + element).Single(x => x.Attribute("id")!.Value == id);
            return (e.Attribute("start")?.Value, e.Attribute("end")?.Value);
        }

        Assert.Equal(("2003-01-01", "2006-12-31"), Interval("node", "geneva-migration-group"));
        Assert.Equal(("2006-01-01", "2018-12-31"), Interval("node", "global-migration-group"));
        Assert.Equal(("1951-12-05", null), Interval("node", "iom"));
        Assert.Equal(("1960-08-01", null), Interval("node", "civ"));
        Assert.Equal((null, null), Interval("node", "unhcr"));
        Assert.Equal(("2007-01-01", "2007-06-30"), Interval("edge", "iom.chairs.global-migration-group"));
        Assert.Equal(("2006-03-01", "2018-12-31"), Interval("edge", "iom.member-of.global-migration-group"));
        Assert.Equal((null, null), Interval("edge", "unhcr.emphasises.humanitarian-protection"));
    }

    [Fact]
    public async Task GEXF_keeps_the_dates_as_recorded_among_the_attributes()
    {
        var document = Xml.Parse(await FormatGraph.WriteAsync(GraphFormats.Gexf));

        var edgeAttributes = document.Descendants(G + "attributes").Single(a => a.Attribute("class")!.Value == "edge")
            .Elements(G + "attribute").ToDictionary(a => a.Attribute("title")!.Value, a => a.Attribute("id")!.Value);
        var chairs = document.Descendants(G + "edge").Single(e => e.Attribute("id")!.Value == "iom.chairs.global-migration-group");
        string? Value(string title) => chairs.Descendants(G + "attvalue").SingleOrDefault(v => v.Attribute("for")!.Value == edgeAttributes[title])?.Attribute("value")!.Value;
        Assert.Equal("2007-01", Value("startDate"));
        Assert.Equal("2007-06", Value("endDate"));
        Assert.Equal("chair, rotating", Value("role"));
        Assert.Equal("IOM chaired the Global Migration Group as a chair, rotating from January to June 2007.", Value("sentence"));
    }

    [Fact]
    public async Task Networkx_reads_the_GEXF_with_every_node_edge_and_interval()
    {
        var python = await NetworkX.RequireAsync();
        var bytes = await FormatGraph.WriteAsync(GraphFormats.Gexf);
        if (!python.ReadsGexf13)
        {
            // networkx before 3.x reads only the GEXF 1.1 and 1.2 drafts, whose structure is the same for everything
            // this file uses: check that structure under the 1.2 draft's namespace. The 1.3 namespace and version are
            // checked above with XmlReader.
            bytes = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(bytes)
                .Replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft", StringComparison.Ordinal)
                .Replace("version=\"1.3\"", "version=\"1.2\"", StringComparison.Ordinal));
        }

        var graph = await NetworkX.ReadAsync(python, "gexf", bytes);

        Assert.Equal(6, graph.GetProperty("nodes").GetInt32());
        Assert.Equal(7, graph.GetProperty("edges").GetInt32());
        Assert.True(graph.GetProperty("directed").GetBoolean());
        var group = graph.GetProperty("nodeData").GetProperty("geneva-migration-group");
        Assert.Equal("Geneva Migration Group", group.GetProperty("label").GetString());
        Assert.Equal("2003-01-01", group.GetProperty("start").GetString());
        Assert.Equal("2006-12-31", group.GetProperty("end").GetString());
        Assert.Equal("inter-agency-group", group.GetProperty("kind").GetString());
        Assert.Equal(FormatGraph.IomDescription, graph.GetProperty("nodeData").GetProperty("iom").GetProperty("description").GetString());
    }
}
