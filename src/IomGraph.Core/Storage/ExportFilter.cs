using IomGraph.Core.Model;

namespace IomGraph.Core.Storage;

/// <summary>
/// Which records to export.
/// <list type="bullet">
/// <item>Relations: those of <see cref="Types"/> (all when empty), valid on <see cref="AsOf"/> (when set; undated ones
/// only with <see cref="IncludeUndated"/>, see <see cref="Validity"/>), among
/// <see cref="RelationIds"/> (when set), and, when the actors are restricted, with both ends among the exported actors.</item>
/// <item>Actors: restricted by <see cref="Kinds"/> and <see cref="ActorIds"/> when either is set; otherwise, when any
/// relation filter is set, the ends of the exported relations; otherwise all.</item>
/// <item>Sources: those the exported actors and relations cite.</item>
/// </list>
/// </summary>
public sealed record ExportFilter(
    IReadOnlyList<ActorKind> Kinds,
    IReadOnlyList<RelationType> Types,
    PartialDate? AsOf,
    IReadOnlyCollection<string>? ActorIds = null,
    IReadOnlyCollection<string>? RelationIds = null)
{
    /// <summary>With <see cref="AsOf"/>: also keep the relations that record neither start nor end, which might or might not hold then (see <see cref="Validity"/>).</summary>
    public bool IncludeUndated { get; init; }
}

/// <summary>One exported record: an <see cref="ActorItem"/>, a <see cref="RelationItem"/> or a <see cref="SourceItem"/>, and nothing else.</summary>
public abstract record ExportItem
{
    // Only the three below derive from it, so a switch over them is complete.
    private protected ExportItem()
    {
    }

    /// <summary>The record's id.</summary>
    public abstract string Id { get; }
}

public sealed record ActorItem(Actor Actor) : ExportItem
{
    public override string Id => Actor.Id;
}

public sealed record RelationItem(Relation Relation) : ExportItem
{
    public override string Id => Relation.Id;
}

public sealed record SourceItem(Source Source) : ExportItem
{
    public override string Id => Source.Id;
}
