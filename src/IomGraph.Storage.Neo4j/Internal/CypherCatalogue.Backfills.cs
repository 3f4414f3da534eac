namespace IomGraph.Storage.Neo4j.Internal;

// What a database written by an earlier version lacks, filled in when the store starts.
internal static partial class CypherCatalogue
{
    /// <summary>
    /// Up to $take actors after $afterId, by id, whose <c>searchText</c> was not made from their current record: written
    /// before it existed (no <c>searchOf</c>), or changed since by an earlier version, which updates the names and the
    /// hash but not the text (<c>searchOf</c> is not the hash). Rows of (id, searchNames, hash).
    /// </summary>
    public static readonly CypherQuery ActorsWithoutSearchText = new(
        nameof(ActorsWithoutSearchText),
        """
        MATCH (a:Actor)
        WHERE a.id > $afterId AND (a.searchOf IS NULL OR a.searchOf <> a.hash)
        RETURN a.id AS id, a.searchNames AS searchNames, a.hash AS hash
        ORDER BY id
        LIMIT $take
        """,
        ["afterId", "take"]);

    /// <summary>
    /// Sets <c>searchText</c> or <c>searchLong</c>, and <c>searchOf</c>, on the actors of $rows whose record is still the
    /// one read, so that a writer's newer values are never overwritten.
    /// </summary>
    public static readonly CypherQuery SetSearchText = new(
        nameof(SetSearchText),
        """
        UNWIND $rows AS row
        MATCH (a:Actor {id: row.id})
        USING INDEX a:Actor(id)
        WHERE a.hash = row.hash AND a.searchNames = row.searchNames
        SET a.searchText = row.searchText, a.searchLong = row.searchLong, a.searchOf = row.hash
        RETURN count(a) AS written
        """,
        ["rows"]);
}
