using System.Xml;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Formats;

/// <summary>
/// GEXF 1.3 (https://gexf.net), Gephi's format, as a dynamic graph so that Gephi's timeline works: a node lives from
/// the first day of its founding date to the last day of its dissolution date, an edge over its relation's period,
/// each bound left out when unknown. Partial dates become full dates that way ("2006" starts on 2006-01-01 and ends on
/// 2006-12-31); the dates as recorded are attributes too. Every attribute is a declared static string; each edge's
/// <c>kind</c> is its relation type, so Gephi keeps parallel relations of different types apart.
/// </summary>
public sealed class GexfFormat : IGraphFormat
{
    public const string Namespace = "http://gexf.net/1.3";
    public const string SchemaLocation = "http://gexf.net/1.3/gexf.xsd";

    public string Name => "gexf";

    public string ContentType => "application/gexf+xml";

    public string FileExtension => "gexf";

    /// <summary>Node attributes: every node property but the label, which GEXF carries itself.</summary>
    private static readonly IReadOnlyList<GraphProperty<Actor>> NodeAttributes =
        [.. GraphProperties.Node.Where(p => p.Name != "label")];

    private static readonly IReadOnlyList<GraphProperty<RelationView>> EdgeAttributes =
        [.. GraphProperties.Edge.Where(p => p.Name != "label")];

    public async Task WriteAsync(IAsyncEnumerable<ExportItem> items, Stream output, ExportContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);

        var actors = new ActorDirectory();
        using var spool = new SpoolStream();
        using var xml = XmlExport.Begin(spool, "gexf", Namespace, SchemaLocation);
        xml.WriteAttributeString(null, "version", null, "1.3");

        xml.WriteStartElement(null, "meta", Namespace);
        xml.WriteElementString(null, "creator", Namespace, "IomGraph");
        xml.WriteElementString(null, "description", Namespace, "Actors of migration governance and their dated, sourced relations.");
        xml.WriteEndElement();

        xml.WriteStartElement(null, "graph", Namespace);
        xml.WriteAttributeString(null, "mode", null, "dynamic");
        xml.WriteAttributeString(null, "defaultedgetype", null, "directed");
        xml.WriteAttributeString(null, "timeformat", null, "date");
        WriteAttributes(xml, "node", NodeAttributes);
        WriteAttributes(xml, "edge", EdgeAttributes);

        var sections = new SectionCursor(
            open: section =>
            {
                if (section != ExportSection.Sources)
                {
                    xml.WriteStartElement(null, section == ExportSection.Actors ? "nodes" : "edges", Namespace);
                }

                return ValueTask.CompletedTask;
            },
            close: section =>
            {
                if (section != ExportSection.Sources)
                {
                    xml.WriteEndElement();
                }

                return ValueTask.CompletedTask;
            });
        await ExportLoop.RunAsync(
            items,
            sections,
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
                xml.WriteAttributeString(null, "label", null, XmlText.Token(actor.DisplayShortName));
                WriteInterval(xml, actor.Founded, actor.Dissolved);
                WriteAttValues(xml, NodeAttributes, actor, context);
                xml.WriteEndElement();
                break;
            case RelationItem(var relation):
                var view = actors.Require(relation);
                XmlExport.StartEdge(xml, Namespace, relation);
                xml.WriteAttributeString(null, "label", null, ExportText.TypeLabel(relation.Type));
                xml.WriteAttributeString(null, "kind", null, RelationTypes.NameOf(relation.Type));
                // A relation known to hold from a date whose start is unknown is drawn from that date: before it, it is not known.
                WriteInterval(xml, Validity.Start(relation), relation.End);
                WriteAttValues(xml, EdgeAttributes, view, context);
                xml.WriteEndElement();
                break;
        }
    }

    private static void WriteAttributes<T>(XmlWriter xml, string scope, IReadOnlyList<GraphProperty<T>> properties)
    {
        xml.WriteStartElement(null, "attributes", Namespace);
        xml.WriteAttributeString(null, "class", null, scope);
        foreach (var property in properties)
        {
            xml.WriteStartElement(null, "attribute", Namespace);
            xml.WriteAttributeString(null, "id", null, property.Id);
            xml.WriteAttributeString(null, "title", null, property.Name);
            xml.WriteAttributeString(null, "type", null, "string");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteInterval(XmlWriter xml, PartialDate? start, PartialDate? end)
    {
        if (ExportText.FirstDay(start) is { } first)
        {
            xml.WriteAttributeString(null, "start", null, first);
        }

        if (ExportText.LastDay(end) is { } last)
        {
            xml.WriteAttributeString(null, "end", null, last);
        }
    }

    private static void WriteAttValues<T>(XmlWriter xml, IReadOnlyList<GraphProperty<T>> properties, T element, ExportContext context)
    {
        var started = false;
        foreach (var property in properties)
        {
            if (property.Value(element, context) is not { } value)
            {
                continue;
            }

            if (!started)
            {
                xml.WriteStartElement(null, "attvalues", Namespace);
                started = true;
            }

            xml.WriteStartElement(null, "attvalue", Namespace);
            xml.WriteAttributeString(null, "for", null, property.Id);
            xml.WriteAttributeString(null, "value", null, XmlText.Clean(value));
            xml.WriteEndElement();
        }

        if (started)
        {
            xml.WriteEndElement();
        }
    }
}
