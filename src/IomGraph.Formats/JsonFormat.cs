using System.Text.Json;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Formats;

/// <summary>
/// The seed and import bundle, <c>{ "actors": [...], "relations": [...], "sources": [...] }</c>, in
/// <see cref="GraphJson"/>'s shape, so that an export imports back as it is. The keys come in the order the records
/// stream (a JSON reader does not care), which lets the writer hold nothing.
/// </summary>
public sealed class JsonFormat : IGraphFormat
{
    public string Name => "json";

    public string ContentType => "application/vnd.iomgraph.bundle+json";

    public string FileExtension => "json";

    public async Task WriteAsync(IAsyncEnumerable<ExportItem> items, Stream output, ExportContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);

        // JsonSerializer flushes its writer synchronously: write into a spool, drained asynchronously into the output.
        using var spool = new SpoolStream();
        await using var json = new Utf8JsonWriter(spool, new JsonWriterOptions { Encoder = GraphJson.Options.Encoder });
        var sections = new SectionCursor(
            open: section =>
            {
                json.WriteStartArray(section switch
                {
                    ExportSection.Actors => "actors",
                    ExportSection.Relations => "relations",
                    _ => "sources",
                });
                return ValueTask.CompletedTask;
            },
            close: _ =>
            {
                json.WriteEndArray();
                return ValueTask.CompletedTask;
            });

        json.WriteStartObject();
        await ExportLoop.RunAsync(
            items,
            sections,
            item =>
            {
                WriteRecord(json, item);
                json.Flush();
            },
            () =>
            {
                json.WriteEndObject();
                json.Flush();
            },
            spool,
            output,
            cancellationToken);
    }

    private static void WriteRecord(Utf8JsonWriter json, ExportItem item)
    {
        switch (item)
        {
            case ActorItem(var actor):
                JsonSerializer.Serialize(json, actor, GraphJson.Options);
                break;
            case RelationItem(var relation):
                JsonSerializer.Serialize(json, relation, GraphJson.Options);
                break;
            case SourceItem(var source):
                JsonSerializer.Serialize(json, source, GraphJson.Options);
                break;
        }
    }
}
