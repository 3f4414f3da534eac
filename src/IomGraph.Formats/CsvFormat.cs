using System.IO.Compression;
using System.Text;
using IomGraph.Core.Storage;

namespace IomGraph.Formats;

/// <summary>
/// A zip of three RFC 4180 files for spreadsheets and data tools: <c>nodes.csv</c>, <c>edges.csv</c> and
/// <c>sources.csv</c>, UTF-8 without a byte order mark, a header row each. Lists are joined with " | "; citations are
/// a JSON array of <c>{ sourceId, quote?, summary?, record?, locator? }</c>; an absent value is an empty cell. <see cref="CsvBundleReader"/>
/// reads the files back into the same records (the <c>sentence</c> column is derived and ignored on the way in).
/// </summary>
public sealed class CsvFormat : IGraphFormat
{
    /// <summary>
    /// The time every entry of the zip carries: the zip format's earliest, not the moment of writing, so that the same
    /// graph gives the same bytes (caches, checksums and diffs of two exports agree).
    /// </summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string Name => "csv";

    public string ContentType => "application/zip";

    public string FileExtension => "zip";

    public async Task WriteAsync(IAsyncEnumerable<ExportItem> items, Stream output, ExportContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);

        var actors = new ActorDirectory();

        // ZipArchive writes synchronously when an entry closes, even through its async API: it writes into a spool
        // that is drained asynchronously into the output.
        using var spool = new SpoolStream();
        using var zip = new ZipArchive(spool, ZipArchiveMode.Create, leaveOpen: true);
        Stream? entry = null;
        StreamWriter? file = null;
        var sections = new SectionCursor(
            open: async section =>
            {
                var (name, header) = section switch
                {
                    ExportSection.Actors => (CsvLayout.Nodes.FileName, CsvLayout.Nodes.Header),
                    ExportSection.Relations => (CsvLayout.Edges.FileName, CsvLayout.Edges.Header),
                    _ => (CsvLayout.Sources.FileName, CsvLayout.Sources.Header),
                };
                var created = zip.CreateEntry(name, CompressionLevel.Optimal);
                created.LastWriteTime = EntryTime;
                entry = created.Open();
                file = new StreamWriter(entry, Utf8, bufferSize: 16 * 1024, leaveOpen: false);
                await WriteRowAsync(file, header, cancellationToken);
            },
            close: async _ =>
            {
                await file!.DisposeAsync();
                await spool.DrainAsync(output, cancellationToken);
            });

        await ExportLoop.RunAsync(
            items,
            sections,
            item => WriteItemAsync(file!, item, actors, context, cancellationToken),
            () => zip.Dispose(),
            spool,
            output,
            cancellationToken);
    }

    private static async ValueTask WriteItemAsync(StreamWriter file, ExportItem item, ActorDirectory actors, ExportContext context, CancellationToken cancellationToken)
    {
        switch (item)
        {
            case ActorItem(var actor):
                actors.Add(actor);
                await WriteRowAsync(file, CsvLayout.Nodes.Row(actor, context), cancellationToken);
                break;
            case RelationItem(var relation):
                await WriteRowAsync(file, CsvLayout.Edges.Row(actors.View(relation), context), cancellationToken);
                break;
            case SourceItem(var source):
                await WriteRowAsync(file, CsvLayout.Sources.Row(source, context), cancellationToken);
                break;
        }
    }

    private static Task WriteRowAsync(StreamWriter file, IEnumerable<string?> fields, CancellationToken cancellationToken) =>
        file.WriteAsync(CsvText.Row(fields).AsMemory(), cancellationToken);
}
