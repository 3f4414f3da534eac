namespace IomGraph.Storage.Neo4j.Internal;

// The exports, a page at a time in id order.
internal static partial class CypherCatalogue
{
    private static readonly CypherQuery[] ExportActorQueries =
        [.. from byIds in Flags from byKinds in Flags select ExportActorsQuery(byIds, byKinds)];

    /// <summary>The actors restricted by id and/or kind (all of them when neither), a page after $afterId.</summary>
    public static CypherQuery ExportActors(bool byIds, bool byKinds) => ExportActorQueries[(byIds ? 2 : 0) + (byKinds ? 1 : 0)];

    private static CypherQuery ExportActorsQuery(bool byIds, bool byKinds)
    {
        var text = byIds
            ? $$"""
              UNWIND $actorIds AS actorId
              WITH DISTINCT actorId
              WHERE actorId > $afterId
              MATCH (a:Actor {id: actorId})
              USING INDEX a:Actor(id){{(byKinds ? "\nWHERE a.kind IN $kinds" : string.Empty)}}
              RETURN a.id AS id, a.doc AS doc
              ORDER BY id
              LIMIT $take
              """
            : $$"""
              MATCH (a:Actor)
              WHERE a.id > $afterId{{(byKinds ? " AND a.kind IN $kinds" : string.Empty)}}
              RETURN a.id AS id, a.doc AS doc
              ORDER BY id
              LIMIT $take
              """;
        return new(
            $"ExportActors{(byIds ? ".Ids" : string.Empty)}{(byKinds ? ".Kinds" : string.Empty)}",
            text,
            [.. If(byIds, "actorIds"), .. If(byKinds, "kinds"), "afterId", "take"]);
    }

    private static readonly CypherQuery[] ExportRelationEndQueries = [ExportRelationEndsQuery(false), ExportRelationEndsQuery(true)];

    /// <summary>The actors at an end of an exported relation (actors unrestricted, relations filtered), a page after $afterId.</summary>
    public static CypherQuery ExportRelationEnds(bool byRelationIds) => ExportRelationEndQueries[byRelationIds ? 1 : 0];

    private static CypherQuery ExportRelationEndsQuery(bool byRelationIds) => new(
        $"ExportRelationEnds{(byRelationIds ? ".Ids" : string.Empty)}",
        $$"""
        MATCH (a:Actor)
        WHERE a.id > $afterId AND size([(a)-[r]-() WHERE {{RelationFilter}}{{(byRelationIds ? " AND r.id IN $relationIds" : string.Empty)}} | r.id]) > 0
        RETURN a.id AS id, a.doc AS doc
        ORDER BY id
        LIMIT $take
        """,
        [.. If(byRelationIds, "relationIds"), "types", "asOfUpper", "asOfLower", "undated", "afterId", "take"]);

    private static readonly CypherQuery[] ExportRelationQueries =
        [.. from byRelationIds in Flags from byIds in Flags from byKinds in Flags select ExportRelationsQuery(byRelationIds, byIds, byKinds)];

    /// <summary>The relations of the filter, with both ends among the actors when those are restricted, a page after $afterId.</summary>
    public static CypherQuery ExportRelations(bool byRelationIds, bool byActorIds, bool byKinds) =>
        ExportRelationQueries[(byRelationIds ? 4 : 0) + (byActorIds ? 2 : 0) + (byKinds ? 1 : 0)];

    private static CypherQuery ExportRelationsQuery(bool byRelationIds, bool byActorIds, bool byKinds)
    {
        var terms = new List<string> { RelationFilter, "r.id > $afterId" };
        if (byRelationIds)
        {
            terms.Add("r.id IN $relationIds");
        }

        if (byActorIds)
        {
            terms.Add("f.id IN $actorIds AND t.id IN $actorIds");
        }

        if (byKinds)
        {
            terms.Add("f.kind IN $kinds AND t.kind IN $kinds");
        }

        return new(
            $"ExportRelations{(byRelationIds ? ".RelationIds" : string.Empty)}{(byActorIds ? ".ActorIds" : string.Empty)}{(byKinds ? ".Kinds" : string.Empty)}",
            $$"""
            MATCH (f:Actor)-[r]->(t:Actor)
            WHERE {{string.Join(" AND ", terms)}}
            WITH r.id AS relationId
            ORDER BY relationId
            LIMIT $take
            MATCH (rn:Relation {id: relationId})
            USING INDEX rn:Relation(id)
            RETURN rn.id AS id, rn.doc AS doc
            ORDER BY id
            """,
            [
                .. If(byRelationIds, "relationIds"), .. If(byActorIds, "actorIds"), .. If(byKinds, "kinds"),
                "types", "asOfUpper", "asOfLower", "undated", "afterId", "take",
            ]);
    }

    /// <summary>Every source that something cites, a page after $afterId.</summary>
    public static readonly CypherQuery ExportCitedSources = new(
        nameof(ExportCitedSources),
        """
        MATCH (s:Source)
        WHERE s.id > $afterId AND size([(s)<-[c:CITES]-() | c]) > 0
        RETURN s.id AS id, s.doc AS doc
        ORDER BY id
        LIMIT $take
        """,
        ["afterId", "take"]);

    /// <summary>The sources among $ids (in id order), for an export whose selection named them.</summary>
    public static readonly CypherQuery ExportSources = new(
        nameof(ExportSources),
        """
        UNWIND $ids AS sourceId
        MATCH (s:Source {id: sourceId})
        USING INDEX s:Source(id)
        RETURN s.id AS id, s.doc AS doc
        ORDER BY id
        """,
        ["ids"]);
}
