using System.Collections.Frozen;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Api.Application;

/// <summary>
/// The sources every sentence may need for attribution (their kind, author and attribution), held in memory: they are
/// few and change rarely. Any write through this process refreshes them at once; with several API instances on one
/// store, another instance's write is seen within <see cref="Lifetime"/>.
/// </summary>
public sealed class SourceDirectory(IGraphReader store, TimeProvider time)
{
    /// <summary>How long a copy is used before the store is asked again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private const int PageSize = 200;

    private Snapshot? _current;

    public async ValueTask<IReadOnlyDictionary<string, Source>> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && time.GetUtcNow() - current.LoadedAt < Lifetime)
        {
            return current.Sources;
        }

        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        IdCursor? after = null;
        do
        {
            var page = await store.ListSourcesAsync(new SourceListQuery(PageSize, after), cancellationToken);
            foreach (var summary in page.Items)
            {
                sources[summary.Source.Id] = summary.Source;
            }

            after = page.NextCursor is { } next && Cursors.TryDecode<IdCursor>(next, out var cursor) ? cursor : null;
        }
        while (after is not null);

        var loaded = new Snapshot(sources.ToFrozenDictionary(StringComparer.Ordinal), time.GetUtcNow());
        Volatile.Write(ref _current, loaded);
        return loaded.Sources;
    }

    /// <summary>Forgets the copy, after a write that may have changed a source.</summary>
    public void Invalidate() => Volatile.Write(ref _current, null);

    private sealed record Snapshot(IReadOnlyDictionary<string, Source> Sources, DateTimeOffset LoadedAt);
}

/// <summary>Tells relations for a request: on today's date (what has ended), naming who says what the graph only reports.</summary>
public sealed class Sentences(SourceDirectory sources, TimeProvider time)
{
    public async ValueTask<Func<RelationView, string>> ForRequestAsync(CancellationToken cancellationToken)
    {
        var context = await ContextAsync(cancellationToken);
        return view => RelationSentence.Render(view, context);
    }

    /// <summary>Today and the sources, for what tells more than one relation (a profile).</summary>
    public async ValueTask<SentenceContext> ContextAsync(CancellationToken cancellationToken)
    {
        var directory = await sources.GetAsync(cancellationToken);
        return new SentenceContext(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), id => directory.GetValueOrDefault(id));
    }
}
