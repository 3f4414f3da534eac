using System.Text.Encodings.Web;
using System.Text.Json;
using IomGraph.Core.Model;

namespace IomGraph.Formats;

/// <summary>The files of the CSV format and their columns, shared by the writer and the reader.</summary>
internal static class CsvLayout
{
    public const string NodesFile = "nodes.csv";
    public const string EdgesFile = "edges.csv";
    public const string SourcesFile = "sources.csv";

    /// <summary>
    /// An actor's columns. Past the documented ones come <c>citations</c> (an actor's own sources, as on edges) and
    /// <c>otherIds</c> (external ids besides Wikidata, a JSON object), so that no field of a record is lost. <c>shortName</c>
    /// and then <c>plural</c> (<c>true</c>, or empty for false) came later and go last, so that files and scripts that read
    /// the earlier columns by position still work.
    /// </summary>
    public static IReadOnlyList<string> Nodes { get; } =
        ["id", "name", "kind", "label", "aliases", "founded", "dissolved", "headquarters", "iso3", "wikidata", "description", "citations", "otherIds", "shortName", "plural"];

    /// <summary>A relation's columns; <c>heldOn</c> came later and goes last.</summary>
    public static IReadOnlyList<string> Edges { get; } =
        ["id", "from", "to", "type", "start", "end", "role", "confidence", "sentence", "note", "citations", "heldOn"];

    /// <summary>A source's columns; those after <c>note</c> came later and go last. <c>symbols</c> is a list like aliases.</summary>
    public static IReadOnlyList<string> Sources { get; } =
        ["id", "title", "kind", "author", "year", "url", "note", "attribution", "publisher", "container", "published", "symbols", "doi"];

    public static IReadOnlyList<string> RequiredNodes { get; } = ["id", "name", "kind"];

    public static IReadOnlyList<string> RequiredEdges { get; } = ["id", "from", "to", "type", "confidence"];

    public static IReadOnlyList<string> RequiredSources { get; } = ["id", "title", "kind"];

    /// <summary>
    /// JSON inside a cell: <see cref="GraphJson"/>'s shape, with accents and quotes left readable for people who edit
    /// the file in a spreadsheet (the cell is CSV-quoted, never HTML).
    /// </summary>
    public static JsonSerializerOptions Json { get; } = CreateJsonOptions();

    /// <summary>
    /// A list (aliases, document symbols) in one cell: joined with " | " when that reads back the same, else as a JSON
    /// array of strings.
    /// </summary>
    public static string? List(IReadOnlyList<string> aliases)
    {
        if (aliases.Count == 0)
        {
            return null;
        }

        var plain = !aliases[0].StartsWith('[')
            && aliases.All(a => a.Length > 0 && !a.Contains('|', StringComparison.Ordinal) && a.Trim() == a);
        return plain ? string.Join(ExportText.ListSeparator, aliases) : JsonSerializer.Serialize(aliases, Json);
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(GraphJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
