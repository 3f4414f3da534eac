using IomGraph.Core.Model;

namespace IomGraph.Core.Storage;

/// <summary>
/// Validity on a date: a relation is valid when its period overlaps the days the date denotes.
/// <list type="bullet">
/// <item>A relation with a start but no end holds from its start on; one with an end but no start holds until its end.</item>
/// <item>A relation whose start is not known but that is known to hold on a date (<see cref="Relation.HeldOn"/>) holds
/// from that date on: before it, it is not known to hold, and a date filter leaves it out.</item>
/// <item>A relation with neither start nor end (nor a date it is known to hold on) is <em>undated</em>: its period is not recorded, so it might or might not
/// hold on a given date. A date filter leaves it out, unless the query asks for undated relations too
/// (<c>IncludeUndated</c>). Without a date filter it is returned like any other.</item>
/// </list>
/// Stores tell an undated relation by its keys, <see cref="StartKey(PartialDate?)"/> = <see cref="Beginning"/> and <see cref="EndKey"/>
/// = <see cref="Forever"/>; so an end whose last day is 9999-12-31, which bounds nothing either, counts as no end.
/// </summary>
public static class Validity
{
    /// <summary>Stored lower bound of a start date: an undated start is "always".</summary>
    public const int Beginning = 0;

    /// <summary>Stored upper bound of an end date: an undated end is "still".</summary>
    public const int Forever = 99991231;

    public static int StartKey(PartialDate? start) => start?.LowerBound ?? Beginning;

    /// <summary>Where a relation's period begins: its start, else the date it is known to hold on (null when neither is known).</summary>
    public static PartialDate? Start(Relation relation) => relation.Start ?? relation.HeldOn;

    /// <summary>Where a relation's period begins for a date filter (<see cref="Start(Relation)"/>).</summary>
    public static int StartKey(Relation relation) => StartKey(Start(relation));

    /// <inheritdoc cref="Holds(PartialDate?, PartialDate?, PartialDate, bool)"/>
    public static bool Holds(Relation relation, PartialDate asOf, bool includeUndated) =>
        Holds(Start(relation), relation.End, asOf, includeUndated);

    /// <summary>A calendar day as the same yyyymmdd key the bounds use, to compare "today" with a period.</summary>
    public static int DayKey(DateOnly day) => PartialDate.OfDay(day.Year, day.Month, day.Day).LowerBound;

    public static int EndKey(PartialDate? end) => end?.UpperBound ?? Forever;

    /// <summary>True when a relation from <paramref name="start"/> to <paramref name="end"/> records no period at all.</summary>
    public static bool IsUndated(PartialDate? start, PartialDate? end) => StartKey(start) == Beginning && EndKey(end) == Forever;

    /// <summary>
    /// True when a relation from <paramref name="start"/> to <paramref name="end"/> holds at some point of
    /// <paramref name="asOf"/>. An undated relation holds only when <paramref name="includeUndated"/>: it might.
    /// </summary>
    public static bool Holds(PartialDate? start, PartialDate? end, PartialDate asOf, bool includeUndated) =>
        IsUndated(start, end) ? includeUndated : StartKey(start) <= asOf.UpperBound && EndKey(end) >= asOf.LowerBound;

    /// <summary>
    /// True when a query filtered by <paramref name="asOf"/> must leave undated relations out: it has a date and did not
    /// ask for them. Without a date, undated relations are returned like any other.
    /// </summary>
    public static bool ExcludesUndated(PartialDate? asOf, bool includeUndated) => asOf is not null && !includeUndated;
}

/// <summary>Changes after <see cref="After"/> (a sequence number, from a cursor) and at or after <see cref="Since"/>, optionally for one record.</summary>
public sealed record ChangeQuery(DateTimeOffset? Since, RecordRef? Record, int Limit, ChangeCursor? After);

/// <summary>
/// A search for actors by name (<see cref="IGraphReader.SearchActorsAsync"/>): those of <see cref="Kinds"/> (every kind
/// when empty) whose folded id, name, label or an alias (<see cref="TextFolding.SearchNames"/>) holds the folded query,
/// ranked as <see cref="TextFolding.Rank"/> says and ordered by (rank, <see cref="TextFolding.SortKey"/>, id); without a
/// query, every actor of those kinds, each <see cref="MatchRank.Unranked"/>, by (sort key, id).
/// </summary>
public sealed record ActorSearch(string? Query, IReadOnlyList<ActorKind> Kinds, int Limit, ActorCursor? After)
{
    /// <summary>The query as names are matched against it (<see cref="TextFolding.Fold"/>); empty when there is none.</summary>
    public string FoldedQuery => Query is null ? string.Empty : TextFolding.Fold(Query);

    /// <summary>
    /// Where the page starts: after <see cref="After"/>. Without a query every hit is <see cref="MatchRank.Unranked"/>,
    /// so there a cursor of a better rank (from a search with a query) means from the start.
    /// </summary>
    public ActorCursor? StartAfter => FoldedQuery.Length > 0 || After is { Rank: MatchRank.Unranked } ? After : null;
}

public sealed record ActorRelationsQuery(
    string ActorId,
    IReadOnlyList<RelationType> Types,
    Direction Direction,
    PartialDate? AsOf,
    int Limit,
    RelationCursor? After)
{
    /// <summary>With <see cref="AsOf"/>: also keep the relations that record neither start nor end, which might or might not hold then (see <see cref="Validity"/>).</summary>
    public bool IncludeUndated { get; init; }
}

public sealed record RelationFilter(
    IReadOnlyList<RelationType> Types,
    string? From,
    string? To,
    PartialDate? AsOf,
    Confidence? MinConfidence,
    int Limit,
    RelationCursor? After)
{
    /// <summary>With <see cref="AsOf"/>: also keep the relations that record neither start nor end, which might or might not hold then (see <see cref="Validity"/>).</summary>
    public bool IncludeUndated { get; init; }
}

/// <summary>
/// A neighbourhood: the actors within <see cref="Depth"/> hops of <see cref="ActorId"/> over the relations that
/// <see cref="Types"/> and <see cref="AsOf"/> keep, nearest first, at most <see cref="MaxNodes"/>.
/// </summary>
public sealed record NeighbourhoodQuery(string ActorId, int Depth, IReadOnlyList<RelationType> Types, PartialDate? AsOf, int MaxNodes)
{
    /// <summary>
    /// The walk goes only to actors of these kinds (every kind when empty), so at depth 2 and more it also passes only
    /// through them. The centre is in the graph whatever its kind.
    /// </summary>
    public IReadOnlyList<ActorKind> Kinds { get; init; } = [];

    /// <summary>The walk never goes to, nor through, actors of these kinds; this wins over <see cref="Kinds"/>. The centre is in the graph whatever its kind.</summary>
    public IReadOnlyList<ActorKind> ExcludeKinds { get; init; } = [];

    /// <summary>With <see cref="AsOf"/>: also keep the relations that record neither start nor end, which might or might not hold then (see <see cref="Validity"/>).</summary>
    public bool IncludeUndated { get; init; }
}

/// <summary>A shortest-path search from <see cref="From"/> to <see cref="To"/>, at most <see cref="MaxDepth"/> hops, over the relations that <see cref="Types"/> and <see cref="AsOf"/> keep.</summary>
public sealed record PathQuery(string From, string To, int MaxDepth, IReadOnlyList<RelationType> Types, PartialDate? AsOf)
{
    /// <summary>With <see cref="AsOf"/>: also keep the relations that record neither start nor end, which might or might not hold then (see <see cref="Validity"/>).</summary>
    public bool IncludeUndated { get; init; }
}

public sealed record SourceListQuery(int Limit, IdCursor? After);

public sealed record SourceQuery(string Id, int Limit, RelationCursor? After);

/// <summary>A page of results. <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, string? NextCursor);

/// <summary>How stores cut keyset pages, the same way everywhere.</summary>
public static class Pages
{
    /// <summary>
    /// Makes a page from rows fetched with a limit of <paramref name="limit"/> + 1: the extra row only says that a next
    /// page exists, whose cursor points after the last kept row.
    /// </summary>
    public static Page<TItem> Of<TRow, TItem>(List<TRow> rows, int limit, long total, Func<TRow, TItem> item, Func<TRow, string> cursorAfter)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveRange(limit, rows.Count - limit);
        }

        return new Page<TItem>([.. rows.Select(item)], total, more ? cursorAfter(rows[^1]) : null);
    }
}

/// <summary>An actor found by a search, with how well it matched.</summary>
public sealed record ActorHit(Actor Actor, MatchRank Rank);

public sealed record RelationCount(RelationType Type, int Outgoing, int Incoming);

public sealed record ActorDetails(Actor Actor, IReadOnlyList<RelationCount> RelationCounts);

/// <summary>
/// A node of a neighbourhood: the actor, its distance in hops from the centre, and its degree, the number of relations
/// it has in the whole graph (both directions, every type and date, whatever the query kept), which a drawing sizes it by.
/// </summary>
public sealed record GraphNode(ActorRef Actor, int Depth, int Degree);

public sealed record Graph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<RelationView> Edges, bool Truncated);

/// <summary>
/// The union of the shortest paths between two actors: every relation that lies on at least one of them, in relation
/// id order; none when the actors are not connected within the bound, are the same actor, or do not exist.
/// <see cref="Graphs.PathChains"/> turns it into the chains of actors people read.
/// </summary>
public sealed record ShortestPathGraph(IReadOnlyList<RelationView> Relations)
{
    public static ShortestPathGraph Empty { get; } = new([]);
}

public sealed record SourceSummary(Source Source, int CitedBy);

public sealed record SourceDetails(Source Source, Page<RelationView> CitedBy);

public sealed record ConnectedActor(ActorRef Actor, int Degree);

public sealed record GraphStats(
    long Actors,
    long Relations,
    long Sources,
    IReadOnlyDictionary<ActorKind, long> ActorsByKind,
    IReadOnlyDictionary<RelationType, long> RelationsByType,
    IReadOnlyList<ConnectedActor> MostConnected);

public sealed record RecordCounts(int Created, int Updated, int Unchanged, int Deleted)
{
    public static RecordCounts Zero { get; } = new(0, 0, 0, 0);
}

public sealed record BundleResult(RecordCounts Sources, RecordCounts Actors, RecordCounts Relations)
{
    public bool Changed => new[] { Sources, Actors, Relations }.Any(c => c.Created + c.Updated + c.Deleted > 0);
}

public sealed record SeedState(string Fingerprint, DateTimeOffset AppliedAt);
