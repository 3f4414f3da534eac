namespace IomGraph.Storage.Neo4j.Internal;

// The change log and the curation reads.
internal static partial class CypherCatalogue
{
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
}
