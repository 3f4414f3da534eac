using System.Text;
using System.Xml;
using IomGraph.Core.Model;

namespace IomGraph.Api.Formats;

/// <summary>A property a graph format writes on each node or edge: its key id, its name and how to read it.</summary>
internal sealed record GraphProperty<T>(string Id, string Name, Func<T, string?> Value);

/// <summary>
/// The node and edge properties of the XML graph formats, all strings. A label is what a drawing writes: a node's
/// short name (sentenceLabel is how a sentence names it), an edge's reading ("member of"; its code is in type). Lists are joined with " | ". The dates of a
/// relation are named startDate and endDate because Gephi reads attributes named "start" and "end" as the element's
/// time interval, which the partial dates are not.
/// </summary>
internal static class GraphProperties
{
    public static IReadOnlyList<GraphProperty<Actor>> Node { get; } =
    [
        new("n_label", "label", a => a.DisplayShortName),
        new("n_sentenceLabel", "sentenceLabel", a => a.DisplayLabel),
        new("n_name", "name", a => a.Name),
        new("n_kind", "kind", a => ExportText.KindName(a.Kind)),
        new("n_aliases", "aliases", a => ExportText.Joined(a.Aliases)),
        new("n_founded", "founded", a => ExportText.Date(a.Founded)),
        new("n_dissolved", "dissolved", a => ExportText.Date(a.Dissolved)),
        new("n_headquarters", "headquarters", a => a.Headquarters),
        new("n_iso3", "iso3", a => a.Iso3),
        new("n_wikidata", "wikidata", ExportText.Wikidata),
        new("n_description", "description", a => a.Description),
        new("n_sourceIds", "sourceIds", a => ExportText.Joined(ExportText.SourceIds(a.Sources))),
    ];

    public static IReadOnlyList<GraphProperty<RelationView>> Edge { get; } =
    [
        new("e_type", "type", v => ExportText.TypeName(v.Relation.Type)),
        new("e_label", "label", v => ExportText.TypeLabel(v.Relation.Type)),
        new("e_sentence", "sentence", v => v.Sentence),
        new("e_startDate", "startDate", v => ExportText.Date(v.Relation.Start)),
        new("e_endDate", "endDate", v => ExportText.Date(v.Relation.End)),
        new("e_role", "role", v => v.Relation.Role),
        new("e_confidence", "confidence", v => WireName<Confidence>.Of(v.Relation.Confidence)),
        new("e_sourceIds", "sourceIds", v => ExportText.Joined(ExportText.SourceIds(v.Relation.Sources))),
        new("e_note", "note", v => v.Relation.Note),
    ];
}

/// <summary>Text made safe for XML 1.0, which cannot carry most control characters or unpaired surrogates.</summary>
internal static class XmlText
{
    public static string Clean(string text)
    {
        if (IsClean(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                clean.Append('\uFFFD');
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>
    /// A value for an attribute typed xsd:token (GEXF labels): whitespace runs become one space, without leading or
    /// trailing space.
    /// </summary>
    public static string Token(string text) => string.Join(' ', Clean(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(c))
            {
                return false;
            }
        }

        return true;
    }
}
