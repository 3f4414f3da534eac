namespace IomGraph.Storage.Neo4j.Internal;

// What a database written by an earlier version lacks, filled in when the store starts.
internal static partial class CypherCatalogue
{
    /// <summary>Up to $take actors written before <c>searchText</c> existed: rows of (id, searchNames).</summary>
    public static readonly CypherQuery ActorsWithoutSearchText = new(
        nameof(ActorsWithoutSearchText),
        """
        MATCH (a:Actor)
        WHERE a.searchText IS NULL AND a.searchLong IS NULL
        RETURN a.id AS id, a.searchNames AS searchNames
        LIMIT $take
        """,
        ["take"]);

    /// <summary>
    /// Sets <c>searchText</c> or <c>searchLong</c> on the actors of $rows that still lack both and whose names are still
    /// those read, so that a writer's newer values are never overwritten.
    /// </summary>
    public static readonly CypherQuery SetSearchText = new(
        nameof(SetSearchText),
        """
        UNWIND $rows AS row
        MATCH (a:Actor {id: row.id})
        USING INDEX a:Actor(id)
        WHERE a.searchText IS NULL AND a.searchLong IS NULL AND a.searchNames = row.searchNames
        SET a.searchText = row.searchText, a.searchLong = row.searchLong
        RETURN count(a) AS written
        """,
        ["rows"]);
}
