using IomGraph.Core.Model;

namespace IomGraph.Formats;

/// <summary>
/// The CSV files of an export side by side in a folder, as unzipped: a path to one of them (<c>nodes.csv</c>,
/// <c>edges.csv</c> or <c>sources.csv</c>) reads all three, found by file name ignoring case.
/// </summary>
internal static class CsvFolder
{
    public static async Task<CsvReadResult> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        string[] names = [CsvLayout.Nodes.FileName, CsvLayout.Edges.FileName, CsvLayout.Sources.FileName];
        if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return new CsvReadResult(GraphBundle.Empty, [new CsvError(name, 0, null, $"A CSV import is read from {string.Join(", ", names)}: name one of them, and the others are read from the same folder.")]);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var errors = new List<CsvError>();
        var nodes = Find(folder, CsvLayout.Nodes.FileName, required: true, errors);
        var edges = Find(folder, CsvLayout.Edges.FileName, required: true, errors);
        var sources = Find(folder, CsvLayout.Sources.FileName, required: false, errors);
        if (errors.Count > 0 || nodes is null || edges is null)
        {
            return new CsvReadResult(GraphBundle.Empty, errors);
        }

        await using var nodesStream = File.OpenRead(nodes);
        await using var edgesStream = File.OpenRead(edges);
        await using var sourcesStream = sources is null ? null : File.OpenRead(sources);
        return await CsvBundleReader.ReadAsync(nodesStream, edgesStream, sourcesStream, cancellationToken);
    }

    private static string? Find(string folder, string name, bool required, List<CsvError> errors)
    {
        var matches = Directory.EnumerateFiles(folder)
            .Where(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        switch (matches.Count)
        {
            case 0:
                if (required)
                {
                    errors.Add(new CsvError(name, 0, null, $"The folder {folder} holds no {name}."));
                }

                return null;
            case > 1:
                errors.Add(new CsvError(name, 0, null, $"The folder {folder} holds {matches.Count} files named {name} in different cases: {string.Join(", ", matches.Select(Path.GetFileName))}."));
                return null;
        }

        return matches[0];
    }
}
