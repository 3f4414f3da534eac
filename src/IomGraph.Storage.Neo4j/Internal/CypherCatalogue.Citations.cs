namespace IomGraph.Storage.Neo4j.Internal;

// The sources' citation counts, maintained on write: what a write reads before it removes citations, the recount at its
// end, and the backfill at start for sources written before the counts were kept.
internal static partial class CypherCatalogue
{
    /// <summary>
    /// The sources that the relations among $ids cite, read before a write removes those citations (an updated relation's
    /// through <see cref="ClearRelationCitations"/>, a deleted one's through <see cref="DeleteRelations"/>), so that it can
    /// recount them.
    /// </summary>
    public static readonly CypherQuery CitedSources = new(
        nameof(CitedSources),
        """
        UNWIND $ids AS id
        MATCH (rn:Relation {id: id})-[:CITES]->(s:Source)
        USING INDEX rn:Relation(id)
        RETURN DISTINCT s.id AS id
        """,
        ["ids"]);

    /// <summary>
    /// Sets each source's <c>citedBy</c> among $ids to the number of relations that cite it now, counted again from the
    /// graph rather than adjusted (actors' CITES do not count). A source the write deleted is not found and is skipped.
    /// </summary>
    public static readonly CypherQuery RecountCitations = new(
        nameof(RecountCitations),
        $$"""
        UNWIND $ids AS id
        MATCH (s:Source {id: id})
        USING INDEX s:Source(id)
        SET s.citedBy = {{CitingRelations("s")}}
        RETURN count(s) AS recounted
        """,
        ["ids"]);

    /// <summary>
    /// Sets <c>citedBy</c> on at most $batch of the sources that lack it (written before it was maintained) and returns how
    /// many; run until it returns 0.
    /// </summary>
    public static readonly CypherQuery BackfillCitations = new(
        nameof(BackfillCitations),
        $$"""
        MATCH (s:Source)
        WHERE s.citedBy IS NULL
        WITH s
        LIMIT $batch
        SET s.citedBy = {{CitingRelations("s")}}
        RETURN count(s) AS filled
        """,
        ["batch"]);

    /// <summary>
    /// The number of relations that cite the source <paramref name="variable"/>, counted from the graph: what
    /// <c>citedBy</c> holds, and what a read falls back to for a source written before it was maintained.
    /// </summary>
    private static string CitingRelations(string variable) => $"size([({variable})<-[:CITES]-(:Relation) | 1])";

    /// <summary>
    /// A source's maintained <c>citedBy</c>, or its citations counted when it lacks one. A CASE, not <c>coalesce</c>: Neo4j
    /// 3.1 plans a pattern comprehension among coalesce's arguments as a RollUpApply that walks every listed source's
    /// citations whether or not it has the count (149,963 db hits for a page of 21 sources over 100,000 citations, against
    /// 185 for the CASE), while inside a CASE branch it is evaluated only for the rows that take the branch.
    /// </summary>
    private static string CitedBy(string variable) =>
        $"CASE WHEN {variable}.citedBy IS NULL THEN {CitingRelations(variable)} ELSE {variable}.citedBy END";
}
