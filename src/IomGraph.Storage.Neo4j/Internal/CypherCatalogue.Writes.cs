using System.Collections.Frozen;
using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Storage.Neo4j.Internal;

// The writes, inside one transaction.
internal static partial class CypherCatalogue
{
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
        CREATE (s:Source {id: row.id, doc: row.doc, hash: row.hash, origin: $origin, citedBy: 0})
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
            searchText: row.searchText, searchLong: row.searchLong, searchOf: row.hash, doc: row.doc, hash: row.hash, origin: $origin})
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
            a.searchText = row.searchText, a.searchLong = row.searchLong, a.searchOf = row.hash, a.doc = row.doc, a.hash = row.hash, a.origin = $origin
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
}
