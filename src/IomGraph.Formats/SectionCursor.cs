using IomGraph.Core.Storage;

namespace IomGraph.Formats;

/// <summary>
/// Walks a format through the sections of an export as the items arrive: it closes the section that ends and opens
/// the next, including sections that turn out to be empty, so every file has all its parts.
/// </summary>
internal sealed class SectionCursor(Func<ExportSection, ValueTask> open, Func<ExportSection, ValueTask> close)
{
    private ExportSection? _current;

    public static ExportSection SectionOf(ExportItem item) => item switch
    {
        ActorItem => ExportSection.Actors,
        RelationItem => ExportSection.Relations,
        SourceItem => ExportSection.Sources,
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, "Not an export item."),
    };

    public ValueTask EnterAsync(ExportItem item) => MoveToAsync(SectionOf(item), item);

    public async ValueTask CompleteAsync()
    {
        await MoveToAsync(ExportSection.Sources, null);
        await close(ExportSection.Sources);
    }

    private async ValueTask MoveToAsync(ExportSection section, ExportItem? item)
    {
        if (_current > section)
        {
            throw new InvalidOperationException(
                $"An export streams actors, then relations, then sources, but {Describe(item)} came after the {_current.Value.ToString().ToLowerInvariant()}.");
        }

        while (_current != section)
        {
            if (_current is { } ending)
            {
                await close(ending);
            }

            _current = _current is { } previous ? previous + 1 : ExportSection.Actors;
            await open(_current.Value);
        }
    }

    private static string Describe(ExportItem? item) => item switch
    {
        ActorItem => $"actor '{item.Id}'",
        RelationItem => $"relation '{item.Id}'",
        SourceItem => $"source '{item.Id}'",
        _ => "the end",
    };
}
