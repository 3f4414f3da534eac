using System.IO.Compression;
using IomGraph.Core.Model;

namespace IomGraph.Formats;

/// <summary>The CSV files inside a zip: each found by file name in any folder, once, and not too large to read.</summary>
internal static class CsvZip
{
    public static async Task<CsvReadResult> ReadAsync(Stream zip, long maxEntryBytes, CancellationToken cancellationToken)
    {
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
            return new CsvReadResult(GraphBundle.Empty, [new CsvError("(zip)", 0, null, $"The upload is not a readable zip archive: {e.Message}")]);
        }

        await using (archive)
        {
            var errors = new List<CsvError>();
            var nodes = Find(archive, CsvLayout.Nodes.FileName, required: true, maxEntryBytes, errors);
            var edges = Find(archive, CsvLayout.Edges.FileName, required: true, maxEntryBytes, errors);
            var sources = Find(archive, CsvLayout.Sources.FileName, required: false, maxEntryBytes, errors);
            if (errors.Count > 0 || nodes is null || edges is null)
            {
                return new CsvReadResult(GraphBundle.Empty, errors);
            }

            await using var nodesStream = await nodes.OpenAsync(cancellationToken);
            await using var edgesStream = await edges.OpenAsync(cancellationToken);
            await using var sourcesStream = sources is null ? null : await sources.OpenAsync(cancellationToken);
            return await CsvBundleReader.ReadAsync(nodesStream, edgesStream, sourcesStream, cancellationToken);
        }
    }

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
}
