using System.Text;
using System.Xml;
using IomGraph.Core.Model;

namespace IomGraph.Formats;

/// <summary>
/// How the XML formats write a document into a <see cref="SpoolStream"/>: UTF-8 without a byte order mark, line breaks
/// kept exactly, and a root element that names its schema.
/// </summary>
internal static class XmlExport
{
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Starts the document and its root element, with <c>xsi:schemaLocation</c>.</summary>
    public static XmlWriter Begin(Stream spool, string root, string ns, string schemaLocation)
    {
        var xml = XmlWriter.Create(spool, Settings());
        xml.WriteStartDocument();
        xml.WriteStartElement(null, root, ns);
        xml.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        xml.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, $"{ns} {schemaLocation}");
        return xml;
    }

    /// <summary>Opens a node element, with the actor's id.</summary>
    public static void StartNode(XmlWriter xml, string ns, Actor actor)
    {
        xml.WriteStartElement(null, "node", ns);
        xml.WriteAttributeString(null, "id", null, actor.Id);
    }

    /// <summary>Opens an edge element, with the relation's id and the ids of the nodes it goes from and to.</summary>
    public static void StartEdge(XmlWriter xml, string ns, Relation relation)
    {
        xml.WriteStartElement(null, "edge", ns);
        xml.WriteAttributeString(null, "id", null, relation.Id);
        xml.WriteAttributeString(null, "source", null, relation.From);
        xml.WriteAttributeString(null, "target", null, relation.To);
    }

    /// <summary>Closes every element still open, the root included, and writes it all into the spool.</summary>
    public static void End(XmlWriter xml)
    {
        xml.WriteEndDocument();
        xml.Flush();
    }

    private static XmlWriterSettings Settings() => new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",

        // Entities keep a carriage return in a description a carriage return; XML readers would fold a literal one.
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };
}
