using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Validation;

namespace IomGraph.Api.Application;

/// <summary>What the validation of a write needs from the store: the stored actors and sources that a bundle refers to but does not hold.</summary>
internal static class ReferencedRecords
{
    /// <summary>
    /// The stored records among the bundle's references. Ids that are not well formed are left to the validator, which
    /// names them; a record not yet validated may lack its lists, so nulls are read as empty.
    /// </summary>
    public static async Task<ExistingRecords> LookUpAsync(GraphBundle bundle, IGraphReader reads, CancellationToken cancellationToken)
    {
        var heldActors = bundle.Actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var heldSources = bundle.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var actorIds = bundle.Relations.SelectMany(r => new[] { r.From, r.To })
            .Where(id => Ids.IsSlug(id) && !heldActors.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        var sourceIds = bundle.Relations.SelectMany(r => r.Sources ?? []).Concat(bundle.Actors.SelectMany(a => a.Sources ?? []))
            .Select(c => c.SourceId).Where(id => Ids.IsSlug(id) && !heldSources.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        return actorIds.Count + sourceIds.Count == 0 ? ExistingRecords.None : await reads.GetExistingAsync(actorIds, sourceIds, cancellationToken);
    }
}
