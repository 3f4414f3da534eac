using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Testing.InMemory;

/// <summary>
/// The records an <see cref="ExportFilter"/> selects, as its documentation says: relations by type, date and id, and,
/// when the actors are restricted (by kind or id), with both ends among them; the actors so restricted, else the ends
/// of the exported relations when a relation filter is set, else all; the sources the exported records cite. A list
/// that is set but empty selects nothing. Each kind comes in ordinal id order: actors, then relations, then sources.
/// </summary>
internal static class ExportSelection
{
    public static IEnumerable<ExportItem> Items(GraphSnapshot graph, ExportFilter filter)
    {
        var restricted = filter.Kinds.Count > 0 || filter.ActorIds is not null;
        var filtered = filter.Types.Count > 0 || filter.AsOf is not null || filter.RelationIds is not null;
        var selection = new RelationSelection(filter.Types, filter.AsOf, IncludeUndated: filter.IncludeUndated);
        var actorIds = filter.ActorIds?.ToHashSet(StringComparer.Ordinal);
        var relationIds = filter.RelationIds?.ToHashSet(StringComparer.Ordinal);

        var chosen = graph.Actors.Values.Select(a => a.Record)
            .Where(a => (filter.Kinds.Count == 0 || filter.Kinds.Contains(a.Kind)) && (actorIds is null || actorIds.Contains(a.Id)))
            .Select(a => a.Id)
            .ToHashSet(StringComparer.Ordinal);
        var relations = graph.AllRelations
            .Where(r => selection.Keeps(r) && (relationIds is null || relationIds.Contains(r.Id)) && (!restricted || (chosen.Contains(r.From) && chosen.Contains(r.To))))
            .ToList();
        var ends = relations.SelectMany(r => new[] { r.From, r.To }).ToHashSet(StringComparer.Ordinal);
        var actors = graph.Actors.Values.Select(a => a.Record).Where(a => restricted ? chosen.Contains(a.Id) : !filtered || ends.Contains(a.Id)).ToList();
        var cited = actors.SelectMany(a => a.Sources ?? []).Concat(relations.SelectMany(r => r.Sources)).Select(c => c.SourceId).ToHashSet(StringComparer.Ordinal);

        return actors.Select(a => (ExportItem)new ActorItem(a))
            .Concat(relations.Select(r => new RelationItem(r)))
            .Concat(graph.Sources.Values.Where(s => cited.Contains(s.Record.Id)).Select(s => new SourceItem(s.Record)));
    }
}
