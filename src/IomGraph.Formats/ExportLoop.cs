using IomGraph.Core.Storage;

namespace IomGraph.Formats;

/// <summary>
/// What every format does with the records of an export as they stream in: each one enters its section
/// (<see cref="SectionCursor"/>) and is written into the <see cref="SpoolStream"/>, which is drained into the output
/// whenever it holds <see cref="SpoolStream.DrainThreshold"/> bytes; after the last one the last section closes, the
/// format finishes its file, and the rest is drained and the output flushed.
/// </summary>
internal static class ExportLoop
{
    /// <inheritdoc cref="RunAsync(IAsyncEnumerable{ExportItem}, SectionCursor, Func{ExportItem, ValueTask}, Action, SpoolStream, Stream, CancellationToken)"/>
    public static Task RunAsync(
        IAsyncEnumerable<ExportItem> items,
        SectionCursor sections,
        Action<ExportItem> write,
        Action finish,
        SpoolStream spool,
        Stream output,
        CancellationToken cancellationToken) =>
        RunAsync(
            items,
            sections,
            item =>
            {
                write(item);
                return ValueTask.CompletedTask;
            },
            finish,
            spool,
            output,
            cancellationToken);

    public static async Task RunAsync(
        IAsyncEnumerable<ExportItem> items,
        SectionCursor sections,
        Func<ExportItem, ValueTask> write,
        Action finish,
        SpoolStream spool,
        Stream output,
        CancellationToken cancellationToken)
    {
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            await sections.EnterAsync(item);
            await write(item);
            await spool.DrainAsync(output, cancellationToken, SpoolStream.DrainThreshold);
        }

        await sections.CompleteAsync();
        finish();
        await spool.DrainAsync(output, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }
}
