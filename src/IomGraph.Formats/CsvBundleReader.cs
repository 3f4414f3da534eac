using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Formats;

/// <summary>One problem in an imported CSV file, located by file, row and column.</summary>
/// <param name="Row">The record's row as a spreadsheet shows it: the header is row 1, and a quoted line break does not
/// start a new row. 0 when the file as a whole is at fault (missing from a zip, too large, not a zip).</param>
/// <param name="Column">The column's name, or null when the whole row is at fault.</param>
public sealed record CsvError(string File, int Row, string? Column, string Message)
{
    public override string ToString() =>
        Column is null ? $"{File}, row {Row}: {Message}" : $"{File}, row {Row}, column '{Column}': {Message}";
}

/// <summary>
/// What <see cref="CsvBundleReader"/> read: the records of every row that parsed, and the problems of the rows that did
/// not. Import only when <see cref="Errors"/> is empty, and validate the bundle then (<c>BundleValidator</c>) as any
/// other import: the reader checks the syntax of each cell, not the rules between records.
/// </summary>
public sealed record CsvReadResult(GraphBundle Bundle, IReadOnlyList<CsvError> Errors)
{
    /// <summary>The row each record of <see cref="GraphBundle.Actors"/> came from, index for index, to locate a validation error.</summary>
    public IReadOnlyList<int> ActorRows { get; init; } = [];

    /// <summary>The row each record of <see cref="GraphBundle.Relations"/> came from.</summary>
    public IReadOnlyList<int> RelationRows { get; init; } = [];

    /// <summary>The row each record of <see cref="GraphBundle.Sources"/> came from.</summary>
    public IReadOnlyList<int> SourceRows { get; init; } = [];
}

/// <summary>
/// Reads the CSV format (<see cref="CsvFormat"/>) back into a bundle: columns are found by their header name, in any
/// order and case; an empty cell is an absent value; unknown columns, unknown kinds and types, malformed dates and
/// citations, and rows of the wrong length are reported with their file, row and column.
/// </summary>
public static class CsvBundleReader
{
    /// <summary>The largest file a zip may hold, uncompressed: 64 MiB, far above any graph the API stores.</summary>
    public const long DefaultMaxEntryBytes = 64L * 1024 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<CsvReadResult> ReadAsync(Stream nodesCsv, Stream edgesCsv, Stream? sourcesCsv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodesCsv);
        ArgumentNullException.ThrowIfNull(edgesCsv);

        var errors = new List<CsvError>();
        var sources = sourcesCsv is null
            ? []
            : await ReadTableAsync(sourcesCsv, CsvLayout.SourcesFile, CsvLayout.Sources, CsvLayout.RequiredSources, ParseSource, errors, cancellationToken);
        var actors = await ReadTableAsync(nodesCsv, CsvLayout.NodesFile, CsvLayout.Nodes, CsvLayout.RequiredNodes, ParseActor, errors, cancellationToken);
        var relations = await ReadTableAsync(edgesCsv, CsvLayout.EdgesFile, CsvLayout.Edges, CsvLayout.RequiredEdges, ParseRelation, errors, cancellationToken);

        var bundle = new GraphBundle
        {
            Sources = [.. sources.Select(s => s.Record)],
            Actors = [.. actors.Select(a => a.Record)],
            Relations = [.. relations.Select(r => r.Record)],
        };
        var order = new[] { CsvLayout.NodesFile, CsvLayout.EdgesFile, CsvLayout.SourcesFile };
        return new CsvReadResult(bundle, [.. errors.OrderBy(e => Array.IndexOf(order, e.File)).ThenBy(e => e.Row)])
        {
            ActorRows = [.. actors.Select(a => a.Row)],
            RelationRows = [.. relations.Select(r => r.Row)],
            SourceRows = [.. sources.Select(s => s.Row)],
        };
    }

    /// <summary>
    /// Reads a zip as <see cref="CsvFormat"/> writes it: <c>nodes.csv</c> and <c>edges.csv</c> are required,
    /// <c>sources.csv</c> optional, found by file name in any folder of the archive. A file larger than
    /// <paramref name="maxEntryBytes"/> uncompressed is refused without being read.
    /// </summary>
    public static async Task<CsvReadResult> ReadZipAsync(Stream zip, long maxEntryBytes = DefaultMaxEntryBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zip);

        await using var seekable = zip.CanSeek ? null : new MemoryStream();
        if (seekable is not null)
        {
            await zip.CopyToAsync(seekable, cancellationToken);
            seekable.Position = 0;
        }

        ZipArchive archive;
        try
        {
            archive = await ZipArchive.CreateAsync(seekable ?? zip, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return Failed(new CsvError("(zip)", 0, null, $"The upload is not a readable zip archive: {e.Message}"));
        }

        await using (archive)
        {
            var errors = new List<CsvError>();
            var nodes = Find(archive, CsvLayout.NodesFile, required: true, maxEntryBytes, errors);
            var edges = Find(archive, CsvLayout.EdgesFile, required: true, maxEntryBytes, errors);
            var sources = Find(archive, CsvLayout.SourcesFile, required: false, maxEntryBytes, errors);
            if (errors.Count > 0 || nodes is null || edges is null)
            {
                return new CsvReadResult(GraphBundle.Empty, errors);
            }

            await using var nodesStream = await nodes.OpenAsync(cancellationToken);
            await using var edgesStream = await edges.OpenAsync(cancellationToken);
            await using var sourcesStream = sources is null ? null : await sources.OpenAsync(cancellationToken);
            return await ReadAsync(nodesStream, edgesStream, sourcesStream, cancellationToken);
        }
    }

    private static CsvReadResult Failed(CsvError error) => new(GraphBundle.Empty, [error]);

    private static ZipArchiveEntry? Find(ZipArchive archive, string name, bool required, long maxEntryBytes, List<CsvError> errors)
    {
        var matches = archive.Entries
            .Where(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase) && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal))
            .ToList();
        switch (matches.Count)
        {
            case 0:
                if (required)
                {
                    errors.Add(new CsvError(name, 0, null, $"The archive holds no {name}."));
                }

                return null;
            case > 1:
                errors.Add(new CsvError(name, 0, null, $"The archive holds {matches.Count} files named {name}: {string.Join(", ", matches.Select(m => m.FullName))}."));
                return null;
        }

        var entry = matches[0];
        if (entry.Length > maxEntryBytes)
        {
            errors.Add(new CsvError(name, 0, null, $"{name} is {entry.Length} bytes uncompressed; at most {maxEntryBytes} are read."));
            return null;
        }

        return entry;
    }

    private static async Task<List<(int Row, T Record)>> ReadTableAsync<T>(
        Stream stream,
        string file,
        IReadOnlyList<string> known,
        IReadOnlyList<string> required,
        Func<CsvRow, T> parse,
        List<CsvError> errors,
        CancellationToken cancellationToken)
    {
        var records = new List<(int Row, T Record)>();
        using var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        Dictionary<string, int>? columns = null;
        await foreach (var record in CsvParser.ReadAsync(reader, cancellationToken))
        {
            if (record.Error is not null)
            {
                errors.Add(new CsvError(file, record.Row, null, record.Error));
                if (columns is null)
                {
                    return records;
                }

                continue;
            }

            if (columns is null)
            {
                columns = ReadHeader(file, record, known, required, errors);
                if (columns is null)
                {
                    return records;
                }

                continue;
            }

            if (record.Fields.All(f => f.Length == 0))
            {
                continue;
            }

            if (record.Fields.Count != columns.Count)
            {
                errors.Add(new CsvError(file, record.Row, null, $"The row has {record.Fields.Count} fields; the header has {columns.Count}."));
                continue;
            }

            var row = new CsvRow(file, record, columns, errors);
            var value = parse(row);
            if (!row.HasErrors)
            {
                records.Add((record.Row, value));
            }
        }

        if (columns is null)
        {
            errors.Add(new CsvError(file, 1, null, $"The file is empty; its first row must name the columns: {string.Join(",", known)}."));
        }

        return records;
    }

    /// <summary>The column positions by canonical name, or null when rows cannot be read because a required column is missing.</summary>
    private static Dictionary<string, int>? ReadHeader(string file, CsvRecord header, IReadOnlyList<string> known, IReadOnlyList<string> required, List<CsvError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            var canonical = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                errors.Add(new CsvError(file, 1, name, $"Unknown column; the columns are {string.Join(",", known)}."));

                // Still counted, so that rows are checked against the header's length.
                columns[$"\0unknown{i}"] = i;
            }
            else if (!columns.TryAdd(canonical, i))
            {
                errors.Add(new CsvError(file, 1, canonical, "The column appears twice."));
                columns[$"\0duplicate{i}"] = i;
            }
        }

        var missing = required.Where(r => !columns.ContainsKey(r)).ToList();
        foreach (var column in missing)
        {
            errors.Add(new CsvError(file, 1, column, "Required column is missing."));
        }

        return missing.Count == 0 ? columns : null;
    }

    private static Source ParseSource(CsvRow row) => new(
        row.Id("id"),
        row.RequiredText("title"),
        row.Enum<SourceKind>("kind", WireName<SourceKind>.TryParse, "a source kind", WireName<SourceKind>.Expected),
        row.Text("author"),
        row.Year("year"),
        row.Trimmed("url"),
        row.Text("note"),
        row.Text("attribution"))
    {
        Publisher = row.Text("publisher"),
        Container = row.Text("container"),
        Published = row.Date("published"),
        Symbols = row.List("symbols"),
        Doi = row.Trimmed("doi"),
    };

    private static Actor ParseActor(CsvRow row)
    {
        var externalIds = row.Json<Dictionary<string, string>>("otherIds", "a JSON object of external ids, such as {\"viaf\":\"123\"}");
        if (row.Trimmed("wikidata") is { } wikidata)
        {
            externalIds ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (!externalIds.TryAdd(ExternalIdKeys.Wikidata, wikidata))
            {
                row.Error("otherIds", "'wikidata' is given both here and in the wikidata column.");
            }
        }

        return new Actor(
            row.Id("id"),
            row.RequiredText("name"),
            row.Enum<ActorKind>("kind", ActorKinds.TryParse, "an actor kind", string.Join(", ", ActorKinds.Names.Select(n => $"'{n}'"))),
            row.Text("label"),
            row.Text("shortName"),
            row.Date("founded"),
            row.Date("dissolved"),
            row.Text("headquarters"),
            row.Trimmed("iso3"),
            externalIds is { Count: > 0 } ? externalIds : null,
            row.Text("description"),
            row.Citations("citations"))
        {
            Aliases = row.List("aliases"),
            Plural = row.Flag("plural"),
        };
    }

    private static Relation ParseRelation(CsvRow row) => new(
        row.Id("id"),
        row.Id("from"),
        row.Id("to"),
        row.Enum<RelationType>("type", RelationTypes.TryParse, "a relation type", string.Join(", ", RelationTypes.Names.Select(n => $"'{n}'"))),
        row.Enum<Confidence>("confidence", WireName<Confidence>.TryParse, "a confidence", WireName<Confidence>.Expected),
        row.Citations("citations") ?? [],
        row.Date("start"),
        row.Date("end"),
        row.Text("role"),
        row.Text("note"))
    {
        HeldOn = row.Date("heldOn"),
    };

    private delegate bool TryParse<T>(string? text, out T value);

    /// <summary>One data row, read cell by cell; each problem is recorded against its column and the row is then dropped.</summary>
    private sealed class CsvRow(string file, CsvRecord record, IReadOnlyDictionary<string, int> columns, List<CsvError> errors)
    {
        public bool HasErrors { get; private set; }

        public void Error(string column, string message)
        {
            HasErrors = true;
            errors.Add(new CsvError(file, record.Row, column, message));
        }

        /// <summary>The cell as written, or null when the column is absent or the cell empty.</summary>
        public string? Text(string column) =>
            columns.TryGetValue(column, out var index) && record.Fields[index] is { Length: > 0 } text ? text : null;

        /// <summary>The cell without surrounding whitespace, for identifiers, codes and dates.</summary>
        public string? Trimmed(string column) => Text(column)?.Trim() is { Length: > 0 } text ? text : null;

        public string RequiredText(string column)
        {
            if (Text(column) is { } text)
            {
                return text;
            }

            Error(column, "A value is required.");
            return string.Empty;
        }

        public string Id(string column) => Trimmed(column) ?? RequiredText(column);

        public T Enum<T>(string column, TryParse<T> tryParse, string what, string expected)
            where T : struct
        {
            var text = Trimmed(column);
            if (text is null)
            {
                Error(column, $"A value is required: {what}, one of {expected}.");
            }
            else if (tryParse(text, out var value))
            {
                return value;
            }
            else
            {
                Error(column, $"'{text}' is not {what}; expected one of {expected}.");
            }

            return default;
        }

        public PartialDate? Date(string column)
        {
            var text = Trimmed(column);
            if (text is null)
            {
                return null;
            }

            if (PartialDate.TryParse(text, out var date))
            {
                return date;
            }

            Error(column, $"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.");
            return null;
        }

        /// <summary>"true" or "false" in any case; an empty cell, or no column, is false.</summary>
        public bool Flag(string column)
        {
            var text = Trimmed(column);
            if (text is null || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            Error(column, $"'{text}' is not 'true' or 'false' (or empty, which is false).");
            return false;
        }

        public int? Year(string column)
        {
            var text = Trimmed(column);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                return year;
            }

            Error(column, $"'{text}' is not a year.");
            return null;
        }

        public T? Json<T>(string column, string what)
            where T : class
        {
            var text = Trimmed(column);
            if (text is null)
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<T>(text, CsvLayout.Json) ?? throw new JsonException("The cell holds null.");
            }
            catch (JsonException e)
            {
                Error(column, $"The cell must hold {what}: {e.Message}");
                return null;
            }
        }

        public List<Citation>? Citations(string column)
        {
            var citations = Json<List<Citation>>(column, "a JSON array of {\"sourceId\", \"quote\" | \"summary\" | \"record\", \"locator\"} objects");
            if (citations is not null && citations.Any(c => c is null))
            {
                Error(column, "The citations hold a null instead of an object.");
                return null;
            }

            return citations;
        }

        /// <summary>A list (aliases, document symbols) joined with "|" (spaces around each are dropped), or a JSON array of strings.</summary>
        public List<string> List(string column)
        {
            var text = Trimmed(column);
            if (text is null)
            {
                return [];
            }

            return text.StartsWith('[')
                ? Json<List<string>>(column, "names joined with \" | \", or a JSON array of strings") ?? []
                : [.. text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }
    }
}
