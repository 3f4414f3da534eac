namespace IomGraph.Core.Storage;

/// <summary>
/// How well an actor matched a search, best first: search results are ordered by it, then by name. The stores compute
/// it in their queries from these numbers, and cursors carry it as its number.
/// </summary>
public enum MatchRank
{
    /// <summary>A search name equals the query.</summary>
    Exact = 0,

    /// <summary>A search name starts with the query.</summary>
    Prefix = 1,

    /// <summary>A search name contains the query.</summary>
    Contains = 2,

    /// <summary>There was no query: every actor listed matches alike.</summary>
    Unranked = 3,
}
