using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Formats;

/// <summary>
/// The node and edge properties of the XML graph formats, all strings. A label is what a drawing writes: a node's
/// short name (sentenceLabel is how a sentence names it), an edge's reading ("member of"; its code is in type). Lists are joined with " | ". The dates of a
/// relation are named startDate and endDate because Gephi reads attributes named "start" and "end" as the element's
/// time interval, which the partial dates are not. <c>heldOn</c> is a date the relation is known to hold on when its start
/// is not known; <c>citations</c> is the record's citations as JSON (quote, summary or dataset record, with locators).
/// </summary>
internal static class GraphProperties
{
    public static IReadOnlyList<GraphProperty<Actor>> Node { get; } =
    [
        new("n_label", "label", (a, _) => a.DisplayShortName),
        new("n_sentenceLabel", "sentenceLabel", (a, _) => a.DisplayLabel),
        new("n_name", "name", (a, _) => a.Name),
        new("n_kind", "kind", (a, _) => ActorKinds.NameOf(a.Kind)),
        new("n_aliases", "aliases", (a, _) => ExportText.Joined(a.Aliases)),
        new("n_founded", "founded", (a, _) => ExportText.Date(a.Founded)),
        new("n_dissolved", "dissolved", (a, _) => ExportText.Date(a.Dissolved)),
        new("n_headquarters", "headquarters", (a, _) => a.Headquarters),
        new("n_iso3", "iso3", (a, _) => a.Iso3),
        new("n_wikidata", "wikidata", (a, _) => ExportText.Wikidata(a)),
        new("n_description", "description", (a, _) => a.Description),
        new("n_sourceIds", "sourceIds", (a, _) => ExportText.Joined(ExportText.SourceIds(a.Sources))),
        new("n_citations", "citations", (a, _) => ExportText.Citations(a.Sources)),
    ];

    public static IReadOnlyList<GraphProperty<RelationView>> Edge { get; } =
    [
        new("e_type", "type", (v, _) => RelationTypes.NameOf(v.Relation.Type)),
        new("e_label", "label", (v, _) => ExportText.TypeLabel(v.Relation.Type)),
        new("e_sentence", "sentence", (v, context) => context.Sentence(v)),
        new("e_dated", "dated", (v, _) => v.Relation.IsUndated ? "false" : "true"),
        new("e_startDate", "startDate", (v, _) => ExportText.Date(v.Relation.Start)),
        new("e_endDate", "endDate", (v, _) => ExportText.Date(v.Relation.End)),
        new("e_heldOn", "heldOn", (v, _) => ExportText.Date(v.Relation.HeldOn)),
        new("e_role", "role", (v, _) => v.Relation.Role),
        new("e_confidence", "confidence", (v, _) => WireNames.Of(v.Relation.Confidence)),
        new("e_sourceIds", "sourceIds", (v, _) => ExportText.Joined(ExportText.SourceIds(v.Relation.Sources))),
        new("e_note", "note", (v, _) => v.Relation.Note),
        new("e_citations", "citations", (v, _) => ExportText.Citations(v.Relation.Sources)),
    ];
}
