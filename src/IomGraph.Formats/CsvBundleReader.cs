using IomGraph.Core.Model;

namespace IomGraph.Formats;

/// <summary>
/// Reads the CSV format (<see cref="CsvFormat"/>) back into a bundle: columns are found by their header name, in any
/// order and case; an empty cell is an absent value; unknown columns, unknown kinds and types, malformed dates and
/// citations, and rows of the wrong length are reported with their file, row and column.
/// </summary>
public static class CsvBundleReader
{
    /// <summary>The largest file a zip may hold, uncompressed: 64 MiB, far above any graph the API stores.</summary>
    public const long DefaultMaxEntryBytes = 64L * 1024 * 1024;

    public static async Task<CsvReadResult> ReadAsync(Stream nodesCsv, Stream edgesCsv, Stream? sourcesCsv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodesCsv);
        ArgumentNullException.ThrowIfNull(edgesCsv);

        var errors = new List<CsvError>();
        var sources = sourcesCsv is null ? [] : await CsvLayout.Sources.ReadAsync(sourcesCsv, errors, cancellationToken);
        var actors = await CsvLayout.Nodes.ReadAsync(nodesCsv, errors, cancellationToken);
        var relations = await CsvLayout.Edges.ReadAsync(edgesCsv, errors, cancellationToken);

        var bundle = new GraphBundle
        {
            Sources = [.. sources.Select(s => s.Record)],
            Actors = [.. actors.Select(a => a.Record)],
            Relations = [.. relations.Select(r => r.Record)],
        };
        var order = new[] { CsvLayout.Nodes.FileName, CsvLayout.Edges.FileName, CsvLayout.Sources.FileName };
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
    public static Task<CsvReadResult> ReadZipAsync(Stream zip, long maxEntryBytes = DefaultMaxEntryBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zip);

        return CsvZip.ReadAsync(zip, maxEntryBytes, cancellationToken);
    }

    /// <summary>Whether <see cref="ReadFileAsync"/> reads the file: a zip (<c>.zip</c>) or a CSV file (<c>.csv</c>).</summary>
    public static bool ReadsFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".zip" or ".csv";

    /// <summary>
    /// Reads a file from disk: a <c>.zip</c> as <see cref="ReadZipAsync"/> does; a <c>.csv</c>, which must be one of
    /// <c>nodes.csv</c>, <c>edges.csv</c> and <c>sources.csv</c>, together with the others in its folder (an unzipped
    /// export), as <see cref="ReadAsync"/> does.
    /// </summary>
    public static async Task<CsvReadResult> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!ReadsFile(path))
        {
            throw new ArgumentException($"'{path}' is neither a .zip nor a .csv file.", nameof(path));
        }

        if (string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            return await CsvFolder.ReadAsync(path, cancellationToken);
        }

        await using var zip = File.OpenRead(path);
        return await ReadZipAsync(zip, cancellationToken: cancellationToken);
    }
}
