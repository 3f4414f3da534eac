using System.Collections.Frozen;
using System.Globalization;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// Every Cypher statement the adapter sends, by name. Values are always parameters; the only text that varies is
/// a relationship type (taken from <see cref="RelationTypes"/>, one statement per type, since Cypher cannot
/// parameterise a type) and the bound of a variable-length pattern (an integer from a fixed range).
/// <see cref="All"/> lists every statement, with its parameters, for the lint test.
/// </summary>
/// <remarks>
/// The graph as stored:
/// <list type="bullet">
/// <item><c>(:Actor {id, name, label, shortName, plural, kind, sortKey, searchNames, doc, hash, origin})</c>: doc is the actor's canonical JSON,
/// searchNames its folded id, name, label and aliases, sortKey its folded name.</item>
/// <item><c>(:Source {id, doc, hash, origin})</c>.</item>
/// <item>Each relation twice: as a relationship of its own type between its actors,
/// <c>(from)-[:MEMBER_OF {id, startKey, endKey, confidence}]->(to)</c>, which walks, counts and Neo4j Browser use; and as a
/// <c>(:Relation {id, type, from, to, startKey, endKey, confidence, doc, hash, origin})</c> node, which holds the record and
/// is found by id through a unique constraint (3.x cannot index relationship properties).</item>
/// <item><c>(:Actor)-[:CITES]->(:Source)</c> and <c>(:Relation)-[:CITES]->(:Source)</c> for citations, one per cited source.</item>
/// <item><c>(:Meta {key: 'seed', fingerprint, appliedAt})</c> for the last seed.</item>
/// <item><c>(:Change {seq, at, atTicks, author, kind, recordId, operation, before, after})</c>, one per record a write
/// created, updated or deleted, written by the statement that changes the record; <c>(:Meta {key: 'changes', next, lastTicks})</c>
/// allocates their sequence numbers and serialises writers.</item>
/// </list>
/// Walks match relationships of any type and keep those whose <c>type(r) IN $types</c>: <c>$types</c> is the requested
/// types or the whole vocabulary, which also leaves out CITES. Typed variable-length patterns are avoided because
/// <c>allShortestPaths</c> with relationship types fails on Neo4j 3.1 under Java 17. Unset filters are passed as
/// neutral values (every type, the widest dates with undated relations kept, cursor "before the first row") rather than
/// nulls, so that no statement needs "$x IS NULL OR" terms.
/// </remarks>
internal static class CypherCatalogue
{
    /// <summary>The largest path bound with a statement of its own; longer searches use <see cref="ShortestPathsUnbounded"/>.</summary>
    public const int MaxBoundedPathDepth = 10;

    public const string SeedKey = "seed";

    /// <summary>The key of the change log's counter node, <c>(:Meta {key: 'changes', next, lastTicks, holder})</c>.</summary>
    public const string ChangesKey = "changes";

    /// <summary>
    /// What every statement that changes a record binds to log it: the write's author and time (ISO text for people, UTC
    /// ticks for comparisons). Each row carries its own <c>seq</c>, allocated from the counter under its lock.
    /// </summary>
    private static readonly string[] ChangeParameters = ["author", "at", "atTicks"];

    /// <summary>Both values of a flag that selects a statement variant.</summary>
    private static readonly bool[] Flags = [false, true];

    /// <summary>The relation filters of walks, listings and exports, on the relationship <c>r</c>: the types, and valid on the date (<see cref="Dated"/>).</summary>
    private static readonly string RelationFilter = $"type(r) IN $types AND r.startKey <= $asOfUpper AND r.endKey >= $asOfLower AND {Dated("r")}";
    private const string RelationSeek = "(r.startKey > $afterKey OR (r.startKey = $afterKey AND r.id > $afterId))";
    private const string NodeSeek = "(rn.startKey > $afterKey OR (rn.startKey = $afterKey AND rn.id > $afterId))";
    private const string SearchMatch = "(size($kinds) = 0 OR a.kind IN $kinds) AND any(n IN a.searchNames WHERE n CONTAINS $q)";
    private const string SearchRank = "CASE WHEN $q IN a.searchNames THEN 0 WHEN any(n IN a.searchNames WHERE n STARTS WITH $q) THEN 1 ELSE 2 END";

    private static string[] If(bool condition, params string[] parameters) => condition ? parameters : [];

    /// <summary>
    /// Leaves out the undated relations (<see cref="Validity.IsUndated"/>: both keys at their bounds) unless <c>$undated</c>,
    /// which is true without a date filter and when the query includes them: a neutral value, not a statement variant.
    /// </summary>
    private static string Dated(string variable) => string.Create(
        CultureInfo.InvariantCulture, $"($undated OR {variable}.startKey <> {Validity.Beginning} OR {variable}.endKey <> {Validity.Forever})");

    /// <summary>
    /// An actor's short form, read with <see cref="Rows.ActorRef"/>. A node written before short names or the plural flag
    /// existed has neither property, which reads as null: no short name, and not plural.
    /// </summary>
    private static string Ref(string variable, string extra = "") => $"{variable} {{.id, .name, .kind, .label, .shortName, .plural{extra}}}";

    /// <summary>The CREATE of one change entry for the current row; <paramref name="before"/> and <paramref name="after"/> are expressions, null to leave out.</summary>
    private static string LogChange(string kind, string operation, string? before, string? after)
    {
        var documents = (before is null ? string.Empty : $", before: {before}") + (after is null ? string.Empty : $", after: {after}");
        return $"CREATE (:Change {{seq: row.seq, at: $at, atTicks: $atTicks, author: $author, kind: '{kind}', recordId: row.id, operation: '{operation}'{documents}}})";
    }

    // ------------------------------------------------------------------ reads

    public static readonly CypherQuery SeedState = new(
        nameof(SeedState),
        "MATCH (m:Meta {key: $key}) USING INDEX m:Meta(key) RETURN m.fingerprint AS fingerprint, m.appliedAt AS appliedAt",
        ["key"]);

    /// <summary>Rows of (doc, type, outgoing, relations): one per type and direction, or one with a null type for an actor without relations.</summary>
    public static readonly CypherQuery Actor = new(
        nameof(Actor),
        """
        MATCH (a:Actor {id: $id})
        USING INDEX a:Actor(id)
        OPTIONAL MATCH (a)-[r]-()
        WHERE type(r) IN $types
        RETURN a.doc AS doc, type(r) AS type, startNode(r) = a AS outgoing, count(r) AS relations
        ORDER BY type, outgoing
        """,
        ["id", "types"]);

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

    /// <summary>Rows of (total, doc, rank, sortKey); a single row with a null doc when the page is empty.</summary>
    public static readonly CypherQuery SearchActors = new(
        nameof(SearchActors),
        $$"""
        MATCH (a:Actor)
        WHERE {{SearchMatch}}
        WITH count(a) AS total
        OPTIONAL MATCH (a:Actor)
        WHERE {{SearchMatch}}
          AND ({{SearchRank}} > $afterRank
            OR ({{SearchRank}} = $afterRank AND (a.sortKey > $afterSortKey OR (a.sortKey = $afterSortKey AND a.id > $afterId))))
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

    public static readonly CypherQuery ActorRelationsOut = ActorRelations(nameof(ActorRelationsOut), "(a)-[r]->()");

    public static readonly CypherQuery ActorRelationsIn = ActorRelations(nameof(ActorRelationsIn), "(a)<-[r]-()");

    public static readonly CypherQuery ActorRelationsBoth = ActorRelations(nameof(ActorRelationsBoth), "(a)-[r]-()");

    /// <summary>
    /// No rows when the actor does not exist; else rows of (total, doc, startKey, id, from, to), one with nulls when the
    /// page is empty. The count and the page walk the actor's own relationships only.
    /// </summary>
    private static CypherQuery ActorRelations(string name, string pattern) => new(
        name,
        $$"""
        MATCH (a:Actor {id: $id})
        USING INDEX a:Actor(id)
        OPTIONAL MATCH {{pattern}}
        WHERE {{RelationFilter}}
        WITH a, count(r) AS total
        OPTIONAL MATCH {{pattern}}
        WHERE {{RelationFilter}} AND {{RelationSeek}}
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
        ["id", "types", "asOfUpper", "asOfLower", "undated", "afterKey", "afterId", "take"]);

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

    /// <summary>Rows of (total, doc, citedBy); one with a null doc when the page is empty.</summary>
    public static readonly CypherQuery ListSources = new(
        nameof(ListSources),
        """
        MATCH (s:Source)
        WITH count(s) AS total
        OPTIONAL MATCH (s:Source)
        WHERE s.id > $afterId
        WITH total, s
        ORDER BY s.id
        LIMIT $take
        RETURN total, s.id AS id, s.doc AS doc, size([(s)<-[:CITES]-(c:Relation) | c.id]) AS citedBy
        ORDER BY id
        """,
        ["afterId", "take"]);

    /// <summary>No rows for an unknown source; else rows of (source, total, doc, startKey, id, from, to).</summary>
    public static readonly CypherQuery Source = new(
        nameof(Source),
        $$"""
        MATCH (s:Source {id: $id})
        USING INDEX s:Source(id)
        OPTIONAL MATCH (s)<-[:CITES]-(c:Relation)
        WITH s, count(c) AS total
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
    /// One row: counts by kind and by type, the number of sources, and the best-connected actors by degree then id
    /// ($take is one more than wanted, so that the row survives a request for none).
    /// </summary>
    public static readonly CypherQuery Stats = new(
        nameof(Stats),
        $$"""
        OPTIONAL MATCH (a:Actor)
        WITH a.kind AS kind, count(a) AS actors
        WITH collect(CASE WHEN kind IS NULL THEN null ELSE {kind: kind, count: actors} END) AS byKind
        OPTIONAL MATCH (rn:Relation)
        WITH byKind, rn.type AS type, count(rn) AS relations
        WITH byKind, collect(CASE WHEN type IS NULL THEN null ELSE {type: type, count: relations} END) AS byType
        OPTIONAL MATCH (s:Source)
        WITH byKind, byType, count(s) AS sources
        OPTIONAL MATCH (a:Actor)
        WITH byKind, byType, sources, a, CASE WHEN a IS NULL THEN 0 ELSE size([(a)-[r]-() WHERE type(r) IN $types | r.id]) END AS degree
        ORDER BY degree DESC, a.id
        LIMIT $take
        RETURN byKind, byType, sources, collect(CASE WHEN degree > 0 THEN {{Ref("a", ", degree: degree")}} END) AS connected
        """,
        ["types", "take"]);

    // ------------------------------------------------------------------ writes (inside one transaction)

    public static readonly CypherQuery StoredSourceHashes = StoredHashes("Source");

    public static readonly CypherQuery StoredActorHashes = StoredHashes("Actor");

    public static readonly CypherQuery StoredRelationHashes = StoredHashes("Relation");

    private static CypherQuery StoredHashes(string label) => new(
        $"StoredHashes.{label}",
        $$"""
        UNWIND $ids AS id
        MATCH (n:{{label}} {id: id})
        USING INDEX n:{{label}}(id)
        RETURN n.id AS id, n.hash AS hash
        """,
        ["ids"]);

    public static readonly CypherQuery SeedOwnedSources = SeedOwned("Source");

    public static readonly CypherQuery SeedOwnedActors = SeedOwned("Actor");

    public static readonly CypherQuery SeedOwnedRelations = SeedOwned("Relation");

    private static CypherQuery SeedOwned(string label) => new(
        $"SeedOwned.{label}",
        $$"""
        MATCH (n:{{label}})
        WHERE n.origin = $origin
        RETURN n.id AS id
        """,
        ["origin"]);

    public static readonly CypherQuery MissingActors = Missing("Actor");

    public static readonly CypherQuery MissingSources = Missing("Source");

    /// <summary>The ids among $ids that no node of the label holds (at most $take).</summary>
    private static CypherQuery Missing(string label) => new(
        $"Missing.{label}",
        $$"""
        UNWIND $ids AS id
        OPTIONAL MATCH (n:{{label}} {id: id})
        USING INDEX n:{{label}}(id)
        WITH id, n
        WHERE n IS NULL
        RETURN id
        ORDER BY id
        LIMIT $take
        """,
        ["ids", "take"]);

    // The first request of a write tells which records exist, so writes CREATE or MATCH … SET rather than MERGE: a MERGE
    // takes no index hint, and 3.1 may keep a plan made on an empty database (a label scan) for a bundle of a million.

    public static readonly CypherQuery CreateSources = new(
        nameof(CreateSources),
        $$"""
        UNWIND $rows AS row
        CREATE (s:Source {id: row.id, doc: row.doc, hash: row.hash, origin: $origin})
        {{LogChange("source", "create", null, "row.doc")}}
        RETURN count(s) AS written
        """,
        ["rows", "origin", .. ChangeParameters]);

    public static readonly CypherQuery UpdateSources = new(
        nameof(UpdateSources),
        $$"""
        UNWIND $rows AS row
        MATCH (s:Source {id: row.id})
        USING INDEX s:Source(id)
        WITH row, s, s.doc AS before
        SET s.doc = row.doc, s.hash = row.hash, s.origin = $origin
        {{LogChange("source", "update", "before", "row.doc")}}
        RETURN count(s) AS written
        """,
        ["rows", "origin", .. ChangeParameters]);

    public static readonly CypherQuery CreateActors = new(
        nameof(CreateActors),
        $$"""
        UNWIND $rows AS row
        CREATE (a:Actor {id: row.id, name: row.name, label: row.label, shortName: row.shortName, plural: row.plural, kind: row.kind, sortKey: row.sortKey, searchNames: row.searchNames,
            doc: row.doc, hash: row.hash, origin: $origin})
        {{LogChange("actor", "create", null, "row.doc")}}
        RETURN count(a) AS written
        """,
        ["rows", "origin", .. ChangeParameters]);

    public static readonly CypherQuery UpdateActors = new(
        nameof(UpdateActors),
        $$"""
        UNWIND $rows AS row
        MATCH (a:Actor {id: row.id})
        USING INDEX a:Actor(id)
        WITH row, a, a.doc AS before
        SET a.name = row.name, a.label = row.label, a.shortName = row.shortName, a.plural = row.plural, a.kind = row.kind, a.sortKey = row.sortKey, a.searchNames = row.searchNames,
            a.doc = row.doc, a.hash = row.hash, a.origin = $origin
        {{LogChange("actor", "update", "before", "row.doc")}}
        RETURN count(a) AS written
        """,
        ["rows", "origin", .. ChangeParameters]);

    public static readonly CypherQuery ClearActorCitations = ClearCitations("Actor");

    public static readonly CypherQuery ClearRelationCitations = ClearCitations("Relation");

    private static CypherQuery ClearCitations(string label) => new(
        $"ClearCitations.{label}",
        $$"""
        UNWIND $ids AS id
        MATCH (n:{{label}} {id: id})-[c:CITES]->(:Source)
        USING INDEX n:{{label}}(id)
        DELETE c
        RETURN count(*) AS removed
        """,
        ["ids"]);

    public static readonly CypherQuery CreateActorCitations = CreateCitations("Actor");

    public static readonly CypherQuery CreateRelationCitations = CreateCitations("Relation");

    /// <summary>One CITES per distinct source of each row; the count tells whether every source was found.</summary>
    private static CypherQuery CreateCitations(string label) => new(
        $"CreateCitations.{label}",
        $$"""
        UNWIND $rows AS row
        MATCH (n:{{label}} {id: row.id})
        USING INDEX n:{{label}}(id)
        UNWIND row.sourceIds AS sourceId
        MATCH (s:Source {id: sourceId})
        USING INDEX s:Source(id)
        CREATE (n)-[:CITES]->(s)
        RETURN count(*) AS written
        """,
        ["rows"]);

    /// <summary>Removes the typed relationship of each updated relation (its type or ends may change); the node stays.</summary>
    public static readonly CypherQuery UnlinkRelations = new(
        nameof(UnlinkRelations),
        """
        UNWIND $ids AS id
        MATCH (rn:Relation {id: id})
        USING INDEX rn:Relation(id)
        WITH id, rn.from AS fromId, rn.to AS toId
        MATCH (f:Actor {id: fromId})-[r]->(t:Actor {id: toId})
        USING INDEX f:Actor(id)
        WHERE r.id = id
        DELETE r
        RETURN count(*) AS removed
        """,
        ["ids"]);

    public static readonly CypherQuery CreateRelations = new(
        nameof(CreateRelations),
        $$"""
        UNWIND $rows AS row
        CREATE (rn:Relation {id: row.id, type: row.type, from: row.from, to: row.to, startKey: row.startKey, endKey: row.endKey,
            confidence: row.confidence, doc: row.doc, hash: row.hash, origin: $origin})
        {{LogChange("relation", "create", null, "row.doc")}}
        RETURN count(rn) AS written
        """,
        ["rows", "origin", .. ChangeParameters]);

    public static readonly CypherQuery UpdateRelations = new(
        nameof(UpdateRelations),
        $$"""
        UNWIND $rows AS row
        MATCH (rn:Relation {id: row.id})
        USING INDEX rn:Relation(id)
        WITH row, rn, rn.doc AS before
        SET rn.type = row.type, rn.from = row.from, rn.to = row.to, rn.startKey = row.startKey, rn.endKey = row.endKey,
            rn.confidence = row.confidence, rn.doc = row.doc, rn.hash = row.hash, rn.origin = $origin
        {{LogChange("relation", "update", "before", "row.doc")}}
        RETURN count(rn) AS written
        """,
        ["rows", "origin", .. ChangeParameters]);

    private static readonly FrozenDictionary<RelationType, CypherQuery> LinkQueries =
        RelationTypes.All.ToFrozenDictionary(t => t.Type, t => LinkQuery(t.Name));

    /// <summary>Creates the typed relationships of relations of one type between their actors; the count tells whether both ends were found.</summary>
    public static CypherQuery LinkRelations(RelationType type) => LinkQueries[type];

    private static CypherQuery LinkQuery(string typeName) => new(
        $"LinkRelations.{typeName}",
        $$"""
        UNWIND $rows AS row
        MATCH (f:Actor {id: row.from})
        USING INDEX f:Actor(id)
        MATCH (t:Actor {id: row.to})
        USING INDEX t:Actor(id)
        CREATE (f)-[r:{{typeName}} {id: row.id, startKey: row.startKey, endKey: row.endKey, confidence: row.confidence}]->(t)
        RETURN count(r) AS written
        """,
        ["rows"]);

    public static readonly CypherQuery ClaimSources = Claim("Source");

    public static readonly CypherQuery ClaimActors = Claim("Actor");

    public static readonly CypherQuery ClaimRelations = Claim("Relation");

    /// <summary>A seed takes ownership of unchanged records it holds, so that a later seed may remove them.</summary>
    private static CypherQuery Claim(string label) => new(
        $"Claim.{label}",
        $$"""
        UNWIND $ids AS id
        MATCH (n:{{label}} {id: id})
        USING INDEX n:{{label}}(id)
        WHERE n.origin <> $origin
        SET n.origin = $origin
        RETURN count(n) AS claimed
        """,
        ["ids", "origin"]);

    public static readonly CypherQuery DeleteRelations = new(
        nameof(DeleteRelations),
        $$"""
        UNWIND $rows AS row
        MATCH (rn:Relation {id: row.id})
        USING INDEX rn:Relation(id)
        WITH row, row.id AS id, rn, rn.from AS fromId, rn.to AS toId
        OPTIONAL MATCH (f:Actor {id: fromId})-[r]->(t:Actor {id: toId})
        USING INDEX f:Actor(id)
        WHERE r.id = id
        DELETE r
        WITH DISTINCT row, rn
        {{LogChange("relation", "delete", "rn.doc", null)}}
        DETACH DELETE rn
        RETURN count(*) AS deleted
        """,
        ["rows", .. ChangeParameters]);

    /// <summary>Deletes the actors among $rows that no relation uses any more.</summary>
    public static readonly CypherQuery DeleteUnusedActors = new(
        nameof(DeleteUnusedActors),
        $$"""
        UNWIND $rows AS row
        MATCH (a:Actor {id: row.id})
        USING INDEX a:Actor(id)
        WHERE size([(a)-[r]-() WHERE type(r) IN $types | r.id]) = 0
        {{LogChange("actor", "delete", "a.doc", null)}}
        DETACH DELETE a
        RETURN count(*) AS deleted
        """,
        ["rows", "types", .. ChangeParameters]);

    /// <summary>Deletes the sources among $rows that nothing cites any more.</summary>
    public static readonly CypherQuery DeleteUnusedSources = new(
        nameof(DeleteUnusedSources),
        $$"""
        UNWIND $rows AS row
        MATCH (s:Source {id: row.id})
        USING INDEX s:Source(id)
        WHERE size([(s)<-[c:CITES]-() | c]) = 0
        {{LogChange("source", "delete", "s.doc", null)}}
        DELETE s
        RETURN count(*) AS deleted
        """,
        ["rows", .. ChangeParameters]);

    public static readonly CypherQuery SaveSeedState = new(
        nameof(SaveSeedState),
        """
        MERGE (m:Meta {key: $key})
        SET m.fingerprint = $fingerprint, m.appliedAt = $appliedAt
        RETURN count(m) AS written
        """,
        ["key", "fingerprint", "appliedAt"]);

    // ------------------------------------------------------------------ the change log and curation reads

    /// <summary>
    /// The first statement of every write: takes the write lock on the change log's counter (creating it on first use),
    /// so that writers serialise there, and reads the next sequence number and the last entry's time. The holder is a
    /// fresh value each time, so that the SET always writes and always locks; the RETURN reads after the lock is held.
    /// </summary>
    public static readonly CypherQuery LockChanges = new(
        nameof(LockChanges),
        """
        MERGE (m:Meta {key: $key})
        ON CREATE SET m.next = 1, m.lastTicks = 0
        SET m.holder = $holder
        RETURN m.next AS next, m.lastTicks AS lastTicks
        """,
        ["key", "holder"]);

    /// <summary>The last statement of a write that logged entries: moves the counter past them, under the lock taken by <see cref="LockChanges"/>.</summary>
    public static readonly CypherQuery AdvanceChanges = new(
        nameof(AdvanceChanges),
        """
        MATCH (m:Meta {key: $key})
        USING INDEX m:Meta(key)
        SET m.next = m.next + $count, m.lastTicks = $atTicks
        RETURN m.next AS next
        """,
        ["key", "count", "atTicks"]);

    /// <summary>
    /// The last change entry's sequence number: the counter's next value, less one, read through the Meta(key) index.
    /// No row while nothing has been written (the counter is made by the first write), which reads as 0.
    /// </summary>
    public static readonly CypherQuery LastChangeSequence = new(
        nameof(LastChangeSequence),
        """
        MATCH (m:Meta {key: $key})
        USING INDEX m:Meta(key)
        RETURN m.next - 1 AS last
        """,
        ["key"]);

    /// <summary>
    /// For each record a curation write names (preconditions, deletes): its stored hash (null when missing), the ids of
    /// the relations that use it (an actor) and the records that cite it (a source), for the checks made before anything is written.
    /// </summary>
    public static readonly CypherQuery CurationCheck = new(
        nameof(CurationCheck),
        """
        UNWIND $refs AS ref
        WITH ref, ref.id AS id
        OPTIONAL MATCH (a:Actor {id: id})
        USING INDEX a:Actor(id)
        WHERE ref.kind = 'actor'
        WITH ref, id, a
        OPTIONAL MATCH (rn:Relation {id: id})
        USING INDEX rn:Relation(id)
        WHERE ref.kind = 'relation'
        WITH ref, id, a, rn
        OPTIONAL MATCH (s:Source {id: id})
        USING INDEX s:Source(id)
        WHERE ref.kind = 'source'
        RETURN ref.kind AS kind, id, coalesce(a.hash, rn.hash, s.hash) AS hash,
            CASE WHEN a IS NULL THEN [] ELSE [(a)-[r]-() WHERE type(r) IN $types | r.id] END AS relations,
            CASE WHEN s IS NULL THEN [] ELSE [(c)-[:CITES]->(s) | {kind: CASE WHEN c:Actor THEN 'actor' ELSE 'relation' END, id: c.id}] END AS citers
        """,
        ["refs", "types"]);

    /// <summary>Rows of (what, id, kind): the actors among $actorIds that exist with their kinds, then the sources among $sourceIds.</summary>
    public static readonly CypherQuery Existing = new(
        nameof(Existing),
        """
        UNWIND $actorIds AS actorId
        MATCH (a:Actor {id: actorId})
        USING INDEX a:Actor(id)
        RETURN 'actor' AS what, a.id AS id, a.kind AS kind
        UNION ALL
        UNWIND $sourceIds AS sourceId
        MATCH (s:Source {id: sourceId})
        USING INDEX s:Source(id)
        RETURN 'source' AS what, s.id AS id, null AS kind
        """,
        ["actorIds", "sourceIds"]);

    public static readonly CypherQuery StoredActor = StoredRecord("Actor");

    public static readonly CypherQuery StoredRelation = StoredRecord("Relation");

    public static readonly CypherQuery StoredSource = StoredRecord("Source");

    private static CypherQuery StoredRecord(string label) => new(
        $"StoredRecord.{label}",
        $$"""
        MATCH (n:{{label}} {id: $id})
        USING INDEX n:{{label}}(id)
        RETURN n.doc AS doc, n.hash AS hash
        """,
        ["id"]);

    private static readonly CypherQuery[] ChangeQueries =
        [.. from since in Flags from record in Flags select ChangesQuery(since, record)];

    /// <summary>The change-log page for a query: by time (<paramref name="since"/>) and for one record (<paramref name="record"/>) or not.</summary>
    public static CypherQuery Changes(bool since, bool record) => ChangeQueries[(since ? 2 : 0) + (record ? 1 : 0)];

    /// <summary>
    /// Rows of (total, seq, at, atTicks, author, kind, recordId, operation, before, after) oldest first; one row with a null
    /// seq when the page is empty. Total counts what since and record select, whatever the cursor. A record's history
    /// seeks :Change(recordId) and filters by kind; a time seeks :Change(atTicks), since times never decrease along the
    /// log; the whole log seeks :Change(seq) from the cursor.
    /// </summary>
    private static CypherQuery ChangesQuery(bool since, bool record)
    {
        var terms = new List<string>();
        if (record)
        {
            terms.Add("c.recordId = $recordId AND c.kind = $kind");
        }

        if (since)
        {
            terms.Add("c.atTicks >= $since");
        }

        var hint = record ? "USING INDEX c:Change(recordId)\n" : since ? "USING INDEX c:Change(atTicks)\n" : string.Empty;
        var pageHint = record || since ? hint : "USING INDEX c:Change(seq)\n";
        var where = terms.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", terms) + "\n";
        var pageWhere = "WHERE " + string.Join(" AND ", [.. terms, "c.seq > $after"]) + "\n";
        return new(
            $"Changes{(since ? ".Since" : string.Empty)}{(record ? ".Record" : string.Empty)}",
            $"""
            MATCH (c:Change)
            {hint}{where}WITH count(c) AS total
            OPTIONAL MATCH (c:Change)
            {pageHint}{pageWhere}WITH total, c
            ORDER BY c.seq
            LIMIT $take
            RETURN total, c.seq AS seq, c.atTicks AS atTicks, c.author AS author, c.kind AS kind, c.recordId AS recordId,
                c.operation AS operation, c.before AS before, c.after AS after
            ORDER BY seq
            """,
            [.. If(record, "recordId", "kind"), .. If(since, "since"), "after", "take"]);
    }

    // ------------------------------------------------------------------ exports, a page at a time in id order

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

    // ------------------------------------------------------------------ schema, one statement per request

    /// <summary>3.x to 4.3. Repeats are harmless on 3.x; 4.0–4.3 answer "already exists", which the store ignores.</summary>
    public static readonly IReadOnlyList<CypherQuery> LegacySchema =
    [
        Ddl("Schema.Legacy.ActorId", "CREATE CONSTRAINT ON (a:Actor) ASSERT a.id IS UNIQUE", CypherDialect.LegacyDdl),
        Ddl("Schema.Legacy.SourceId", "CREATE CONSTRAINT ON (s:Source) ASSERT s.id IS UNIQUE", CypherDialect.LegacyDdl),
        Ddl("Schema.Legacy.RelationId", "CREATE CONSTRAINT ON (r:Relation) ASSERT r.id IS UNIQUE", CypherDialect.LegacyDdl),
        Ddl("Schema.Legacy.MetaKey", "CREATE CONSTRAINT ON (m:Meta) ASSERT m.key IS UNIQUE", CypherDialect.LegacyDdl),
        Ddl("Schema.Legacy.RelationFrom", "CREATE INDEX ON :Relation(from)", CypherDialect.LegacyDdl),
        Ddl("Schema.Legacy.RelationTo", "CREATE INDEX ON :Relation(to)", CypherDialect.LegacyDdl),
        Ddl("Schema.Legacy.RelationType", "CREATE INDEX ON :Relation(type)", CypherDialect.LegacyDdl),
        Ddl("Schema.Legacy.RelationStart", "CREATE INDEX ON :Relation(startKey)", CypherDialect.LegacyDdl),
        Ddl("Schema.Legacy.ActorKind", "CREATE INDEX ON :Actor(kind)", CypherDialect.LegacyDdl),
        Ddl("Schema.Legacy.ChangeSeq", "CREATE CONSTRAINT ON (c:Change) ASSERT c.seq IS UNIQUE", CypherDialect.LegacyDdl),
        Ddl("Schema.Legacy.ChangeRecord", "CREATE INDEX ON :Change(recordId)", CypherDialect.LegacyDdl),
        Ddl("Schema.Legacy.ChangeTime", "CREATE INDEX ON :Change(atTicks)", CypherDialect.LegacyDdl),
    ];

    /// <summary>4.4 and later: the same schema, named and idempotent.</summary>
    public static readonly IReadOnlyList<CypherQuery> ModernSchema =
    [
        Ddl("Schema.ActorId", "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE", CypherDialect.ModernDdl),
        Ddl("Schema.SourceId", "CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE", CypherDialect.ModernDdl),
        Ddl("Schema.RelationId", "CREATE CONSTRAINT relation_id IF NOT EXISTS FOR (r:Relation) REQUIRE r.id IS UNIQUE", CypherDialect.ModernDdl),
        Ddl("Schema.MetaKey", "CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:Meta) REQUIRE m.key IS UNIQUE", CypherDialect.ModernDdl),
        Ddl("Schema.RelationFrom", "CREATE INDEX relation_from IF NOT EXISTS FOR (r:Relation) ON (r.from)", CypherDialect.ModernDdl),
        Ddl("Schema.RelationTo", "CREATE INDEX relation_to IF NOT EXISTS FOR (r:Relation) ON (r.to)", CypherDialect.ModernDdl),
        Ddl("Schema.RelationType", "CREATE INDEX relation_type IF NOT EXISTS FOR (r:Relation) ON (r.type)", CypherDialect.ModernDdl),
        Ddl("Schema.RelationStart", "CREATE INDEX relation_start IF NOT EXISTS FOR (r:Relation) ON (r.startKey)", CypherDialect.ModernDdl),
        Ddl("Schema.ActorKind", "CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind)", CypherDialect.ModernDdl),
        Ddl("Schema.ChangeSeq", "CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE", CypherDialect.ModernDdl),
        Ddl("Schema.ChangeRecord", "CREATE INDEX change_record IF NOT EXISTS FOR (c:Change) ON (c.recordId)", CypherDialect.ModernDdl),
        Ddl("Schema.ChangeTime", "CREATE INDEX change_time IF NOT EXISTS FOR (c:Change) ON (c.atTicks)", CypherDialect.ModernDdl),
    ];

    /// <summary>
    /// 5.x and later: a full-text index over names and labels for people exploring the graph in Neo4j Browser
    /// (<c>CALL db.index.fulltext.queryNodes('actor_names', 'migration')</c>). The API's search does not use it: Lucene's
    /// tokenised matching cannot give the exact / prefix / substring ranks that every store must share, so the search
    /// scans searchNames, as SQLite scans its search_names column.
    /// </summary>
    public static readonly IReadOnlyList<CypherQuery> FullTextSchema =
    [
        Ddl("Schema.ActorNames", "CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.label]", CypherDialect.FullTextDdl),
    ];

    private static CypherQuery Ddl(string name, string text, CypherDialect dialect) => new(name, text, [], dialect);

    /// <summary>Every statement the adapter can send, including each per-type and per-depth variant and all schema dialects.</summary>
    public static IReadOnlyList<CypherQuery> All { get; } =
    [
        SeedState, Actor, ActorRefs, SearchActors, ListActors, ActorRelationsOut, ActorRelationsIn, ActorRelationsBoth,
        FindRelations, FindRelationsFrom, FindRelationsTo, FindRelationsFromTo, Relation, NeighbourStep, Subgraph,
        .. BoundedShortestPaths, ShortestPathsUnbounded, ListSources, Source, Stats,
        StoredSourceHashes, StoredActorHashes, StoredRelationHashes, SeedOwnedSources, SeedOwnedActors, SeedOwnedRelations,
        MissingActors, MissingSources, CreateSources, UpdateSources, CreateActors, UpdateActors, ClearActorCitations, ClearRelationCitations,
        CreateActorCitations, CreateRelationCitations, UnlinkRelations, CreateRelations, UpdateRelations,
        .. LinkQueries.Values.OrderBy(q => q.Name, StringComparer.Ordinal),
        ClaimSources, ClaimActors, ClaimRelations, DeleteRelations, DeleteUnusedActors, DeleteUnusedSources, SaveSeedState,
        LockChanges, AdvanceChanges, LastChangeSequence, CurationCheck, Existing, StoredActor, StoredRelation, StoredSource, .. ChangeQueries,
        .. ExportActorQueries, .. ExportRelationEndQueries, .. ExportRelationQueries, ExportCitedSources, ExportSources,
        .. LegacySchema, .. ModernSchema, .. FullTextSchema,
    ];

    /// <summary>The labels the statements use.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["Actor", "Source", "Relation", "Meta", "Change"];

    /// <summary>The relationship types the statements may use: the vocabulary and CITES.</summary>
    public static IReadOnlyList<string> RelationshipTypes { get; } = [.. RelationTypes.Names, "CITES"];

    /// <summary>The property keys of the stored graph.</summary>
    public static IReadOnlyList<string> PropertyKeys { get; } =
    [
        "id", "name", "label", "shortName", "plural", "kind", "sortKey", "searchNames", "doc", "hash", "origin",
        "type", "from", "to", "startKey", "endKey", "confidence", "key", "fingerprint", "appliedAt",
        "seq", "at", "atTicks", "author", "recordId", "operation", "before", "after", "next", "lastTicks", "holder",
    ];
}
