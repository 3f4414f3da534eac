using System.Xml;
using IomGraph.Core.Storage;

namespace IomGraph.Formats;

/// <summary>
/// GraphML (http://graphml.graphdrawing.org/), read by yEd, Gephi, Cytoscape desktop, networkx and igraph: one
/// directed graph, every property declared as a string <c>&lt;key&gt;</c> before it, nodes and then edges, each with
/// its <c>&lt;data&gt;</c>. Absent values have no <c>&lt;data&gt;</c>.
/// </summary>
public sealed class GraphMlFormat : IGraphFormat
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";
    public const string SchemaLocation = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

    public string Name => "graphml";

    public string ContentType => "application/graphml+xml";

    public string FileExtension => "graphml";

    public async Task WriteAsync(IAsyncEnumerable<ExportItem> items, Stream output, ExportContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);

        var actors = new ActorDirectory();
        using var spool = new SpoolStream();
        using var xml = XmlExport.Begin(spool, "graphml", Namespace, SchemaLocation);
        foreach (var property in GraphProperties.Node)
        {
            WriteKey(xml, property.Id, "node", property.Name);
        }

        foreach (var property in GraphProperties.Edge)
        {
            WriteKey(xml, property.Id, "edge", property.Name);
        }

        xml.WriteStartElement(null, "graph", Namespace);
        xml.WriteAttributeString(null, "id", null, "iomgraph");
        xml.WriteAttributeString(null, "edgedefault", null, "directed");

        await ExportLoop.RunAsync(
            items,
            new SectionCursor(_ => ValueTask.CompletedTask, _ => ValueTask.CompletedTask),
            item => WriteItem(xml, item, actors, context),
            () => XmlExport.End(xml),
            spool,
            output,
            cancellationToken);
    }

    private static void WriteItem(XmlWriter xml, ExportItem item, ActorDirectory actors, ExportContext context)
    {
        switch (item)
        {
            case ActorItem(var actor):
                actors.Add(actor);
                XmlExport.StartNode(xml, Namespace, actor);
                WriteData(xml, GraphProperties.Node, actor, context);
                xml.WriteEndElement();
                break;
            case RelationItem(var relation):
                var view = actors.Require(relation);
                XmlExport.StartEdge(xml, Namespace, relation);
                WriteData(xml, GraphProperties.Edge, view, context);
                xml.WriteEndElement();
                break;
        }
    }

    private static void WriteKey(XmlWriter xml, string id, string scope, string name)
    {
        xml.WriteStartElement(null, "key", Namespace);
        xml.WriteAttributeString(null, "id", null, id);
        xml.WriteAttributeString(null, "for", null, scope);
        xml.WriteAttributeString(null, "attr.name", null, name);
        xml.WriteAttributeString(null, "attr.type", null, "string");
        xml.WriteEndElement();
    }

    private static void WriteData<T>(XmlWriter xml, IReadOnlyList<GraphProperty<T>> properties, T element, ExportContext context)
    {
        foreach (var property in properties)
        {
            if (property.Value(element, context) is { } value)
            {
                xml.WriteStartElement(null, "data", Namespace);
                xml.WriteAttributeString(null, "key", null, property.Id);
                xml.WriteString(XmlText.Clean(value));
                xml.WriteEndElement();
            }
        }
    }
}
