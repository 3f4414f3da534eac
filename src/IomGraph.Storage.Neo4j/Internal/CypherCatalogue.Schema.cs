namespace IomGraph.Storage.Neo4j.Internal;

// The schema, one statement per request.
internal static partial class CypherCatalogue
{
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
}
