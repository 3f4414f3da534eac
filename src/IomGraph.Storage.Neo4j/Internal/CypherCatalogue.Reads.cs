using System.Globalization;
using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Storage.Neo4j.Internal;

// The reads.
internal static partial class CypherCatalogue
{
    public static readonly CypherQuery SeedState = new(
        nameof(SeedState),
        "MATCH (m:Meta {key: $key}) USING INDEX m:Meta(key) RETURN m.fingerprint AS fingerprint, m.appliedAt AS appliedAt",
        ["key"]);

    /// <summary>
    /// One row of (doc, degrees): degrees lists, for each relation type in <see cref="RelationTypes.Names"/> order, the
    /// actor's outgoing then incoming relationships of that type. Each is a <c>size((a)-[:TYPE]->())</c> with nothing else
    /// in the pattern, which Neo4j answers from the node's degree (GetDegree in the plan, on 3.x and on 5) without reading
    /// a relationship: a hub costs what a leaf costs. On Cypher 5 the same degree is <c>COUNT { (a)-[:TYPE]->() }</c>.
    /// </summary>
    public static readonly DegreeVariants Actor = Degreed(
        nameof(Actor),
        degree => $$"""
            MATCH (a:Actor {id: $id})
            USING INDEX a:Actor(id)
            RETURN a.doc AS doc, [{{string.Join(", ", RelationTypes.Names.Select(t => $"{degree($"(a)-[:{t}]->()")}, {degree($"(a)<-[:{t}]-()")}"))}}] AS degrees
            """,
        ["id"]);

    public static readonly CypherQuery ActorRefs = new(
        nameof(ActorRefs),
        $$"""
        UNWIND $ids AS id
        MATCH (a:Actor {id: id})
        USING INDEX a:Actor(id)
        RETURN a.id AS id, {{Ref("a")}} AS actor
        ORDER BY id
        """,
        ["ids"]);

    /// <summary>
    /// Rows of (total, doc, rank, sortKey); a single row with a null doc when the page is empty. The actors come from the
    /// substring index on <c>searchText</c> (<see cref="SearchText"/>; NodeIndexContainsScan on 3.x, the text index on
    /// 4.4 and later) and, for the few whose names are too long for it, from the <c>searchLong</c> index; both then check
    /// the folded names themselves, so the matches and their ranks are those of a scan of every name. As before the
    /// index, one pass counts and another keeps the best <c>$take</c> after the cursor (a top-N sort), so a query that
    /// matches most actors holds a page in memory, not every match; the long ones, few, join that page before it is cut.
    /// </summary>
    public static readonly CypherQuery SearchActors = new(
        nameof(SearchActors),
        $$"""
        MATCH (a:Actor)
        WHERE a.searchText CONTAINS toString($q) AND {{SearchMatch}}
        WITH count(a) AS indexedTotal
        OPTIONAL MATCH (a:Actor)
        WHERE a.searchLong = true AND a.searchText IS NULL AND {{SearchMatch}}
        WITH indexedTotal, count(a) AS longTotal
        OPTIONAL MATCH (a:Actor)
        WHERE a.searchText CONTAINS toString($q) AND {{SearchMatch}} AND {{SearchAfter}}
        WITH indexedTotal + longTotal AS total, a, {{SearchRank}} AS rank
        ORDER BY rank, a.sortKey, a.id
        LIMIT $take
        WITH total, collect(CASE WHEN a IS NULL THEN null ELSE {rank: rank, sortKey: a.sortKey, id: a.id, node: a} END) AS indexed
        OPTIONAL MATCH (a:Actor)
        WHERE a.searchLong = true AND a.searchText IS NULL AND {{SearchMatch}} AND {{SearchAfter}}
        WITH total, indexed, collect(CASE WHEN a IS NULL THEN null ELSE {rank: {{SearchRank}}, sortKey: a.sortKey, id: a.id, node: a} END) AS long
        UNWIND CASE WHEN size(indexed) + size(long) = 0 THEN [null] ELSE indexed + long END AS h
        WITH total, h
        ORDER BY h.rank, h.sortKey, h.id
        LIMIT $take
        RETURN total, h.node.doc AS doc, h.rank AS rank, h.sortKey AS sortKey, h.id AS id
        ORDER BY rank, sortKey, id
        """,
        ["kinds", "q", "afterRank", "afterSortKey", "afterId", "take"]);

    /// <summary>
    /// <see cref="SearchActors"/> for queries shorter than <see cref="SearchText.IndexedLength"/> characters, which match
    /// most actors: a scan of every actor's names costs less than two passes over the index, and a trigram index cannot
    /// look them up. Same rows.
    /// </summary>
    public static readonly CypherQuery ScanActors = new(
        nameof(ScanActors),
        $$"""
        MATCH (a:Actor)
        WHERE {{SearchMatch}}
        WITH count(a) AS total
        OPTIONAL MATCH (a:Actor)
        WHERE {{SearchMatch}} AND {{SearchAfter}}
        WITH total, a, {{SearchRank}} AS rank
        ORDER BY rank, a.sortKey, a.id
        LIMIT $take
        RETURN total, a.doc AS doc, rank, a.sortKey AS sortKey, a.id AS id
        ORDER BY rank, sortKey, id
        """,
        ["kinds", "q", "afterRank", "afterSortKey", "afterId", "take"]);

    /// <summary>Like <see cref="SearchActors"/> without a query: every actor (of the kinds), by name.</summary>
    public static readonly CypherQuery ListActors = new(
        nameof(ListActors),
        """
        MATCH (a:Actor)
        WHERE size($kinds) = 0 OR a.kind IN $kinds
        WITH count(a) AS total
        OPTIONAL MATCH (a:Actor)
        WHERE (size($kinds) = 0 OR a.kind IN $kinds)
          AND (a.sortKey > $afterSortKey OR (a.sortKey = $afterSortKey AND a.id > $afterId))
        WITH total, a
        ORDER BY a.sortKey, a.id
        LIMIT $take
        RETURN total, a.doc AS doc, a.sortKey AS sortKey, a.id AS id
        ORDER BY sortKey, id
        """,
        ["kinds", "afterSortKey", "afterId", "take"]);

    public static readonly CypherQuery ActorRelationsOut = ActorRelations(nameof(ActorRelationsOut), "(a)-[r]->()", WalkedTotal("(a)-[r]->()"));

    public static readonly CypherQuery ActorRelationsIn = ActorRelations(nameof(ActorRelationsIn), "(a)<-[r]-()", WalkedTotal("(a)<-[r]-()"));

    public static readonly CypherQuery ActorRelationsBoth = ActorRelations(nameof(ActorRelationsBoth), "(a)-[r]-()", WalkedTotal("(a)-[r]-()"));

    // Without a date filter every relation of the types passes, so the total is the actor's degree in those types.
    public static readonly DegreeVariants ActorRelationsOutByDegree = Degreed(
        nameof(ActorRelationsOutByDegree), degree => ActorRelations(string.Empty, "(a)-[r]->()", DegreeTotal(degree, "-", "->"), TypeFilter).Text, UndatedRelationsParameters);

    public static readonly DegreeVariants ActorRelationsInByDegree = Degreed(
        nameof(ActorRelationsInByDegree), degree => ActorRelations(string.Empty, "(a)<-[r]-()", DegreeTotal(degree, "<-", "-"), TypeFilter).Text, UndatedRelationsParameters);

    public static readonly DegreeVariants ActorRelationsBothByDegree = Degreed(
        nameof(ActorRelationsBothByDegree), degree => ActorRelations(string.Empty, "(a)-[r]-()", DegreeTotal(degree, "-", "-"), TypeFilter).Text, UndatedRelationsParameters);

    private static string[] ActorRelationsParameters => ["id", "types", "asOfUpper", "asOfLower", "undated", "afterKey", "afterId", "take"];

    // Without a date filter the page needs only the types: the date terms would read two properties of every relationship for nothing.
    private static string[] UndatedRelationsParameters => ["id", "types", "afterKey", "afterId", "take"];

    private const string TypeFilter = "type(r) IN $types";

    /// <summary>
    /// The relations statement for a direction on a server: with a date filter the total walks the actor's relationships;
    /// without one it is the actor's degree in the requested types.
    /// </summary>
    public static CypherQuery ActorRelationsFor(Direction direction, bool dated, DegreeSyntax syntax) => (direction, dated) switch
    {
        (Direction.Out, true) => ActorRelationsOut,
        (Direction.In, true) => ActorRelationsIn,
        (_, true) => ActorRelationsBoth,
        (Direction.Out, false) => ActorRelationsOutByDegree.For(syntax),
        (Direction.In, false) => ActorRelationsInByDegree.For(syntax),
        _ => ActorRelationsBothByDegree.For(syntax),
    };

    /// <summary>The total by walking the actor's relationships and keeping those that pass the filters.</summary>
    private static string WalkedTotal(string pattern) => $"""
        OPTIONAL MATCH {pattern}
        WHERE {RelationFilter}
        WITH a, count(r) AS total
        """;

    /// <summary>
    /// The total as the sum of the actor's degree in each requested type, between <paramref name="left"/> and
    /// <paramref name="right"/> ("-" and "->" for outgoing): no relationship is read. Right only when the date filters are neutral.
    /// </summary>
    private static string DegreeTotal(Func<string, string> degree, string left, string right)
    {
        var terms = RelationTypes.Names.Select(t => $"CASE WHEN '{t}' IN $types THEN {degree($"(a){left}[:{t}]{right}()")} ELSE 0 END");
        return $"WITH a, {string.Join("\n  + ", terms)} AS total";
    }

    /// <summary>
    /// No rows when the actor does not exist; else rows of (total, doc, startKey, id, from, to), one with nulls when the
    /// page is empty. The page walks the actor's own relationships only, keeping the first $take by (startKey, id).
    /// </summary>
    private static CypherQuery ActorRelations(string name, string pattern, string total, string? filter = null) => new(
        name,
        $$"""
        MATCH (a:Actor {id: $id})
        USING INDEX a:Actor(id)
        {{total}}
        OPTIONAL MATCH {{pattern}}
        WHERE {{filter ?? RelationFilter}} AND {{RelationSeek}}
        WITH total, r
        ORDER BY r.startKey, r.id
        LIMIT $take
        WITH total, r, r.id AS relationId
        OPTIONAL MATCH (rn:Relation {id: relationId})
        USING INDEX rn:Relation(id)
        WITH total, r, rn, startNode(r) AS f, endNode(r) AS t
        RETURN total, rn.doc AS doc, r.startKey AS startKey, r.id AS id, {{Ref("f")}} AS from, {{Ref("t")}} AS to
        ORDER BY startKey, id
        """,
        filter is null ? ActorRelationsParameters : UndatedRelationsParameters);

    public static readonly CypherQuery FindRelations = FindRelationsBy(nameof(FindRelations), "MATCH (rn:Relation)\nWHERE ", []);

    public static readonly CypherQuery FindRelationsFrom = FindRelationsBy(nameof(FindRelationsFrom), "MATCH (rn:Relation)\nUSING INDEX rn:Relation(from)\nWHERE rn.from = $from AND ", ["from"]);

    public static readonly CypherQuery FindRelationsTo = FindRelationsBy(nameof(FindRelationsTo), "MATCH (rn:Relation)\nUSING INDEX rn:Relation(to)\nWHERE rn.to = $to AND ", ["to"]);

    public static readonly CypherQuery FindRelationsFromTo = FindRelationsBy(
        nameof(FindRelationsFromTo), "MATCH (rn:Relation)\nUSING INDEX rn:Relation(from)\nWHERE rn.from = $from AND rn.to = $to AND ", ["from", "to"]);

    /// <summary>
    /// Rows of (total, doc, startKey, id, from, to). The anchor differs per variant so that a from or to filter is an
    /// index seek on :Relation(from) or :Relation(to).
    /// </summary>
    private static CypherQuery FindRelationsBy(string name, string anchor, string[] anchorParameters)
    {
        var conditions = $"rn.type IN $types AND rn.startKey <= $asOfUpper AND rn.endKey >= $asOfLower AND {Dated("rn")} AND rn.confidence >= $minConfidence";
        return new(
            name,
            $$"""
            {{anchor}}{{conditions}}
            WITH count(rn) AS total
            OPTIONAL {{anchor}}{{conditions}} AND {{NodeSeek}}
            WITH total, rn
            ORDER BY rn.startKey, rn.id
            LIMIT $take
            WITH total, rn, rn.from AS fromId, rn.to AS toId
            OPTIONAL MATCH (f:Actor {id: fromId})
            USING INDEX f:Actor(id)
            OPTIONAL MATCH (t:Actor {id: toId})
            USING INDEX t:Actor(id)
            RETURN total, rn.doc AS doc, rn.startKey AS startKey, rn.id AS id, {{Ref("f")}} AS from, {{Ref("t")}} AS to
            ORDER BY startKey, id
            """,
            [.. anchorParameters, "types", "asOfUpper", "asOfLower", "undated", "minConfidence", "afterKey", "afterId", "take"]);
    }

    public static readonly CypherQuery Relation = new(
        nameof(Relation),
        $$"""
        MATCH (rn:Relation {id: $id})
        USING INDEX rn:Relation(id)
        WITH rn, rn.from AS fromId, rn.to AS toId
        MATCH (f:Actor {id: fromId})
        USING INDEX f:Actor(id)
        MATCH (t:Actor {id: toId})
        USING INDEX t:Actor(id)
        RETURN rn.doc AS doc, rn.startKey AS startKey, rn.id AS id, {{Ref("f")}} AS from, {{Ref("t")}} AS to
        """,
        ["id"]);

    /// <summary>
    /// One breadth-first level: the actors one relation away from the frontier, not yet seen, of the kinds in $kinds (any
    /// when empty) and none in $excludeKinds, in id order, at most $take. An actor left out never joins a frontier, so the
    /// walk does not pass through it either.
    /// </summary>
    public static readonly CypherQuery NeighbourStep = new(
        nameof(NeighbourStep),
        $$"""
        UNWIND $frontier AS frontierId
        MATCH (f:Actor {id: frontierId})-[r]-(n:Actor)
        USING INDEX f:Actor(id)
        WHERE {{RelationFilter}} AND NOT n.id IN $seen AND (size($kinds) = 0 OR n.kind IN $kinds) AND NOT n.kind IN $excludeKinds
        RETURN DISTINCT n.id AS id
        ORDER BY id
        LIMIT $take
        """,
        ["frontier", "types", "asOfUpper", "asOfLower", "undated", "seen", "kinds", "excludeKinds", "take"]);

    /// <summary>
    /// Each of the nodes with its degree and the docs of its outgoing relations to other nodes of the set. The degree
    /// counts every relation of the actor whatever the filters: the relationships to other actors, which leaves out its
    /// CITES to sources (a relation from an actor to itself counts once).
    /// </summary>
    public static readonly CypherQuery Subgraph = new(
        nameof(Subgraph),
        $$"""
        UNWIND $nodes AS nodeId
        MATCH (a:Actor {id: nodeId})
        USING INDEX a:Actor(id)
        WITH a, size([(a)-[d]-(:Actor) | d]) AS degree
        OPTIONAL MATCH (a)-[r]->(b:Actor)
        WHERE {{RelationFilter}} AND b.id IN $nodes
        WITH a, degree, r, r.id AS relationId
        OPTIONAL MATCH (rn:Relation {id: relationId})
        USING INDEX rn:Relation(id)
        WITH a, degree, r, rn
        ORDER BY a.id, r.startKey, r.id
        RETURN a.id AS id, {{Ref("a")}} AS actor, degree, collect(rn.doc) AS edges
        ORDER BY id
        """,
        ["nodes", "types", "asOfUpper", "asOfLower", "undated"]);

    private static readonly CypherQuery[] BoundedShortestPaths =
        [.. Enumerable.Range(1, MaxBoundedPathDepth).Select(depth => ShortestPathsQuery(string.Create(CultureInfo.InvariantCulture, $"ShortestPaths{depth}"), depth))];

    /// <summary>For a bound above <see cref="MaxBoundedPathDepth"/>: unbounded search, then the length filter (all shortest paths share one length).</summary>
    public static readonly CypherQuery ShortestPathsUnbounded = ShortestPathsQuery(nameof(ShortestPathsUnbounded), null);

    /// <summary>The statement that finds the relations on the shortest paths no longer than <paramref name="maxDepth"/> hops.</summary>
    public static CypherQuery ShortestPaths(int maxDepth) =>
        maxDepth is >= 1 and <= MaxBoundedPathDepth ? BoundedShortestPaths[maxDepth - 1] : ShortestPathsUnbounded;

    /// <summary>
    /// Rows of (doc, startKey, id, from, to), one per relation that lies on at least one shortest path, in id order. The
    /// relation predicate is a universal one over relationships(p), which Neo4j checks during the search, so a
    /// filtered-out shorter path does not hide a longer one. Neo4j still enumerates every shortest path; DISTINCT keeps
    /// the answer (and the response) to the relations, which is all the caller needs.
    /// </summary>
    private static CypherQuery ShortestPathsQuery(string name, int? depth)
    {
        var bound = depth is { } d ? string.Create(CultureInfo.InvariantCulture, $"*..{d}") : "*";
        var lengthFilter = depth is null ? "\nWITH p WHERE length(p) <= $maxDepth" : string.Empty;
        return new(
            name,
            $$"""
            MATCH (a:Actor {id: $from})
            USING INDEX a:Actor(id)
            MATCH (b:Actor {id: $to})
            USING INDEX b:Actor(id)
            MATCH p = allShortestPaths((a)-[{{bound}}]-(b))
            WHERE all(r IN relationships(p) WHERE {{RelationFilter}}){{lengthFilter}}
            UNWIND relationships(p) AS r
            WITH DISTINCT r
            WITH r, r.id AS relationId
            MATCH (rn:Relation {id: relationId})
            USING INDEX rn:Relation(id)
            WITH rn, startNode(r) AS f, endNode(r) AS t
            RETURN rn.doc AS doc, rn.startKey AS startKey, rn.id AS id, {{Ref("f")}} AS from, {{Ref("t")}} AS to
            ORDER BY id
            """,
            depth is null ? ["from", "to", "types", "asOfUpper", "asOfLower", "undated", "maxDepth"] : ["from", "to", "types", "asOfUpper", "asOfLower", "undated"]);
    }

    /// <summary>
    /// Rows of (total, doc, citedBy); one with a null doc when the page is empty. citedBy is the source's maintained count,
    /// or its citations counted for a source written before the count was maintained.
    /// </summary>
    public static readonly CypherQuery ListSources = new(
        nameof(ListSources),
        $$"""
        MATCH (s:Source)
        WITH count(s) AS total
        OPTIONAL MATCH (s:Source)
        WHERE s.id > $afterId
        WITH total, s
        ORDER BY s.id
        LIMIT $take
        RETURN total, s.id AS id, s.doc AS doc, {{CitedBy("s")}} AS citedBy
        ORDER BY id
        """,
        ["afterId", "take"]);

    /// <summary>
    /// No rows for an unknown source; else rows of (source, total, doc, startKey, id, from, to). The total is the source's
    /// maintained count, as in <see cref="ListSources"/>.
    /// </summary>
    public static readonly CypherQuery Source = new(
        nameof(Source),
        $$"""
        MATCH (s:Source {id: $id})
        USING INDEX s:Source(id)
        WITH s, {{CitedBy("s")}} AS total
        OPTIONAL MATCH (s)<-[:CITES]-(rn:Relation)
        WHERE {{NodeSeek}}
        WITH s, total, rn
        ORDER BY rn.startKey, rn.id
        LIMIT $take
        WITH s, total, rn, rn.from AS fromId, rn.to AS toId
        OPTIONAL MATCH (f:Actor {id: fromId})
        USING INDEX f:Actor(id)
        OPTIONAL MATCH (t:Actor {id: toId})
        USING INDEX t:Actor(id)
        RETURN s.doc AS source, total, rn.doc AS doc, rn.startKey AS startKey, rn.id AS id, {{Ref("f")}} AS from, {{Ref("t")}} AS to
        ORDER BY startKey, id
        """,
        ["id", "afterKey", "afterId", "take"]);

    /// <summary>
    /// Rows of (part, name, count, actor), one statement of UNION ALL branches so that each count is its own query, which
    /// is what lets Neo4j answer it from its count store: 'type' rows count the relationships of each type
    /// (RelationshipCountFromCountStore), the 'sources' row counts :Source nodes (NodeCountFromCountStore), 'kind' rows count
    /// actors of each kind through the :Actor(kind) index, and 'connected' rows are the best-connected actors by degree
    /// then id, at most $take, with the degree from the node (all its relationships but its CITES, GetDegree in the plan).
    /// The reader does not rely on the order of the branches.
    /// </summary>
    public static readonly DegreeVariants Stats = Degreed(
        nameof(Stats),
        degree => string.Join(
            "\nUNION ALL\n",
            [
                .. RelationTypes.Names.Select(t => $"MATCH ()-[r:{t}]->()\nWITH count(r) AS count\nRETURN 'type' AS part, '{t}' AS name, count, null AS actor"),
                "MATCH (s:Source)\nWITH count(s) AS count\nRETURN 'sources' AS part, null AS name, count, null AS actor",
                """
                UNWIND $kinds AS kind
                OPTIONAL MATCH (a:Actor)
                USING INDEX a:Actor(kind)
                WHERE a.kind = kind
                WITH kind, count(a) AS count
                RETURN 'kind' AS part, kind AS name, count, null AS actor
                """,
                $$"""
                MATCH (a:Actor)
                WITH a, {{degree("(a)--()")}} - {{degree("(a)-[:CITES]->()")}} AS degree
                WHERE degree > 0
                WITH a, degree
                ORDER BY degree DESC, a.id
                LIMIT $take
                RETURN 'connected' AS part, a.id AS name, degree AS count, {{Ref("a")}} AS actor
                """,
            ]),
        ["kinds", "take"]);
}
