using System.Runtime.CompilerServices;
using System.Text;
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

/// <summary>RFC 4180 writing: CRLF after every row, a field quoted when it holds a comma, a quote, CR or LF, quotes doubled.</summary>
internal static class CsvText
{
    public const string LineEnd = "\r\n";

    public static string Row(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + LineEnd;

    public static string Field(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value
        : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>One record of a CSV file: its number (the header is 1), its fields, and what was wrong with its syntax.</summary>
internal sealed record CsvRecord(int Row, IReadOnlyList<string> Fields, string? Error);

/// <summary>
/// An RFC 4180 reader: fields separated by commas, records by CRLF (a bare LF or CR is accepted too), a quoted field
/// may hold commas, doubled quotes and line breaks. A record is what a spreadsheet shows as a row, so a quoted line
/// break does not start a new row number. It reads leniently where the meaning is clear (a quote inside an unquoted
/// field is a quote) and reports, without losing its place, where it is not (text after a closing quote, a quoted
/// field still open at the end of the file).
/// </summary>
internal static class CsvParser
{
    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    public static async IAsyncEnumerable<CsvRecord> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new char[16 * 1024];
        var fields = new List<string>();
        var field = new StringBuilder();
        var state = State.FieldStart;
        var row = 1;
        string? error = null;
        var skipLineFeed = false;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (skipLineFeed)
                {
                    skipLineFeed = false;
                    if (c == '\n')
                    {
                        continue;
                    }
                }

                var endsRecord = false;
                switch (state)
                {
                    case State.FieldStart when c == '"':
                        state = State.Quoted;
                        break;
                    case State.Quoted when c == '"':
                        state = State.QuoteInQuoted;
                        break;
                    case State.Quoted:
                        field.Append(c);
                        break;
                    case State.QuoteInQuoted when c == '"':
                        field.Append('"');
                        state = State.Quoted;
                        break;
                    case State.FieldStart or State.Unquoted or State.QuoteInQuoted when c == ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        state = State.FieldStart;
                        break;
                    case State.FieldStart or State.Unquoted or State.QuoteInQuoted when c is '\r' or '\n':
                        skipLineFeed = c == '\r';
                        endsRecord = true;
                        break;
                    case State.QuoteInQuoted:
                        error ??= $"Field {fields.Count + 1} has text after its closing quote; a quote inside a quoted field is written twice (\"\").";
                        field.Append(c);
                        state = State.Unquoted;
                        break;
                    default:
                        field.Append(c);
                        state = State.Unquoted;
                        break;
                }

                if (endsRecord)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return new CsvRecord(row++, [.. fields], error);
                    fields.Clear();
                    error = null;
                    state = State.FieldStart;
                }
            }
        }

        if (state == State.Quoted)
        {
            error ??= $"Field {fields.Count + 1} opens a quote that is not closed before the end of the file.";
        }

        if (fields.Count > 0 || field.Length > 0 || state != State.FieldStart || error is not null)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(row, [.. fields], error);
        }
    }
}
