using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Testing.InMemory;

/// <summary>
/// The optional relation filters shared by listings, graph walks and exports, as a predicate: the types (every type when
/// none), validity on a date by Core's rule (<see cref="Validity.Holds(Relation, PartialDate, bool)"/>, undated relations
/// only when asked for), and a least confidence.
/// </summary>
internal sealed record RelationSelection(IReadOnlyList<RelationType> Types, PartialDate? AsOf, Confidence? MinConfidence = null, bool IncludeUndated = false)
{
    public bool Keeps(Relation relation) =>
        (Types.Count == 0 || Types.Contains(relation.Type))
        && (AsOf is not { } asOf || Validity.Holds(relation, asOf, IncludeUndated))
        && (MinConfidence is not { } least || relation.Confidence >= least);

    /// <summary>
    /// A page of relations in listing order, (<see cref="Validity.StartKey(Relation)"/>, id), after
    /// <paramref name="after"/>; its total counts every relation given, whatever the cursor.
    /// </summary>
    public static Page<RelationView> Page(GraphSnapshot graph, IEnumerable<Relation> relations, int limit, RelationCursor? after)
    {
        var listed = relations.Select(r => (Relation: r, StartKey: Validity.StartKey(r))).ToList();
        var rows = listed
            .Where(r => after is null || r.StartKey > after.StartKey || (r.StartKey == after.StartKey && string.CompareOrdinal(r.Relation.Id, after.Id) > 0))
            .OrderBy(r => r.StartKey)
            .ThenBy(r => r.Relation.Id, StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        return Pages.Of(rows, limit, listed.Count, r => graph.View(r.Relation), r => Cursors.Encode(RelationCursor.After(r.StartKey, r.Relation.Id)));
    }

    /// <summary>Relations in listing order: (start key, id).</summary>
    public static IEnumerable<Relation> InListingOrder(IEnumerable<Relation> relations) =>
        relations.OrderBy(r => Validity.StartKey(r)).ThenBy(r => r.Id, StringComparer.Ordinal);
}
