using IomGraph.Core.Model;

namespace IomGraph.Core.Storage.Writing;

/// <summary>The actors and sources a bundle refers to but does not hold: the store must hold them, or the bundle is refused.</summary>
public sealed record BundleReferences(IReadOnlyList<string> Actors, IReadOnlyList<string> Sources)
{
    public bool IsEmpty => Actors.Count == 0 && Sources.Count == 0;

    /// <summary>The ends of relations and the cited sources that <paramref name="bundle"/> does not hold, each once, in first-use order.</summary>
    public static BundleReferences Of(GraphBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var actors = bundle.Actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var sources = bundle.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var actorRefs = bundle.Relations.SelectMany(r => new[] { r.From, r.To }).Where(id => !actors.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        var sourceRefs = bundle.Actors.SelectMany(a => a.Sources ?? []).Concat(bundle.Relations.SelectMany(r => r.Sources))
            .Select(c => c.SourceId).Where(id => !sources.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        return new BundleReferences(actorRefs, sourceRefs);
    }

    /// <summary>
    /// The refusal for the references among these that the store lacks (<paramref name="missingActors"/>,
    /// <paramref name="missingSources"/>), each with the first record of <paramref name="bundle"/> that refers to it;
    /// null when none is missing.
    /// </summary>
    public static InvalidBundleException? Refusal(GraphBundle bundle, IEnumerable<string> missingActors, IEnumerable<string> missingSources)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var missing = new List<(RecordRef Holder, RecordKind Kind, string Id)>();
        foreach (var id in missingActors)
        {
            var holder = bundle.Relations.First(r => r.From == id || r.To == id);
            missing.Add((RecordRef.RelationOf(holder.Id), RecordKind.Actor, id));
        }

        foreach (var id in missingSources)
        {
            var holder = bundle.Relations.Where(r => r.Sources.Any(c => c.SourceId == id)).Select(r => RecordRef.RelationOf(r.Id))
                .Concat(bundle.Actors.Where(a => a.Sources?.Any(c => c.SourceId == id) == true).Select(a => RecordRef.ActorOf(a.Id)))
                .First();
            missing.Add((holder, RecordKind.Source, id));
        }

        return missing.Count == 0 ? null : WriteMessages.Missing(missing);
    }
}
