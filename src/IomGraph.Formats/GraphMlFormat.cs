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
    internal const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

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
        using var xml = XmlWriter.Create(spool, XmlSettings.Create());
        xml.WriteStartDocument();
        xml.WriteStartElement(null, "graphml", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        xml.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, $"{Namespace} {SchemaLocation}");
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

        var sections = new SectionCursor(_ => ValueTask.CompletedTask, _ => ValueTask.CompletedTask);
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            await sections.EnterAsync(item);
            switch (item)
            {
                case ActorItem(var actor):
                    actors.Add(actor);
                    xml.WriteStartElement(null, "node", Namespace);
                    xml.WriteAttributeString(null, "id", null, actor.Id);
                    WriteData(xml, GraphProperties.Node, actor, context);
                    xml.WriteEndElement();
                    break;
                case RelationItem(var relation):
                    var view = actors.Require(relation);
                    xml.WriteStartElement(null, "edge", Namespace);
                    xml.WriteAttributeString(null, "id", null, relation.Id);
                    xml.WriteAttributeString(null, "source", null, relation.From);
                    xml.WriteAttributeString(null, "target", null, relation.To);
                    WriteData(xml, GraphProperties.Edge, view, context);
                    xml.WriteEndElement();
                    break;
            }

            await spool.DrainAsync(output, cancellationToken, SpoolStream.DrainThreshold);
        }

        await sections.CompleteAsync();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        await spool.DrainAsync(output, cancellationToken);
        await output.FlushAsync(cancellationToken);
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
