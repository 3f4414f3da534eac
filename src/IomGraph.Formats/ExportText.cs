using System.Globalization;
using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Formats;

/// <summary>Values that several formats write the same way.</summary>
internal static class ExportText
{
    /// <summary>What joins a list in a single text field: aliases, source ids.</summary>
    public const string ListSeparator = " | ";

    public static string? Date(PartialDate? date) => date?.ToString();

    /// <summary>The first day a partial date denotes, as a full date: "2006" gives "2006-01-01".</summary>
    public static string? FirstDay(PartialDate? date) => date is { } d ? FullDate(d.LowerBound) : null;

    /// <summary>The last day a partial date denotes, as a full date: "2006" gives "2006-12-31".</summary>
    public static string? LastDay(PartialDate? date) => date is { } d ? FullDate(d.UpperBound) : null;

    public static string? Wikidata(Actor actor) => actor.ExternalIds?.GetValueOrDefault(ExternalIdKeys.Wikidata);

    public static IEnumerable<string> SourceIds(IReadOnlyList<Citation>? citations) =>
        (citations ?? []).Select(c => c.SourceId).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// A record's citations as one JSON text, as <c>citations</c> cells and attributes carry them: each with its source id
    /// and what it gives (<c>quote</c>, the source's own words; <c>summary</c>, IomGraph's rendering; <c>record</c>, a
    /// dataset row) and its locator.
    /// </summary>
    public static string? Citations(IReadOnlyList<Citation>? citations) =>
        citations is null or { Count: 0 } ? null : System.Text.Json.JsonSerializer.Serialize(citations, CsvLayout.Json);

    public static string? Joined(IEnumerable<string> values)
    {
        var text = string.Join(ListSeparator, values);
        return text.Length == 0 ? null : text;
    }

    /// <summary>How a drawing labels an edge: the type's reading, "member of".</summary>
    public static string TypeLabel(RelationType type) => RelationTypes.Get(type).Label;

    private static string FullDate(int yyyymmdd) =>
        string.Create(CultureInfo.InvariantCulture, $"{yyyymmdd / 10000:D4}-{yyyymmdd / 100 % 100:D2}-{yyyymmdd % 100:D2}");
}
