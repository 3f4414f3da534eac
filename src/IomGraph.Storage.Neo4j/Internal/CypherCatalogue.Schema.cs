namespace IomGraph.Storage.Neo4j.Internal;

// The schema, one statement per request.
internal static partial class CypherCatalogue
{
    /// <summary>
    /// The schema, once for both DDL dialects: each row is a uniqueness constraint (<c>Unique</c>) or an index on one
    /// property of one label. The 4.4+ name is the row's name in snake case (<c>ActorId</c> → <c>actor_id</c>). A
    /// <c>Text</c> row is the search's substring index: a text index on 4.4 and later, which answers <c>CONTAINS</c> (by
    /// trigrams from 5.1), and a schema index on 3.x to 4.3, which answers it by a scan of the index (NodeIndexContainsScan).
    /// </summary>
    private static readonly SchemaRow[] SchemaTable =
    [
        new("ActorId", "Actor", "id", Unique: true),
        new("SourceId", "Source", "id", Unique: true),
        new("RelationId", "Relation", "id", Unique: true),
        new("MetaKey", "Meta", "key", Unique: true),
        new("RelationFrom", "Relation", "from", Unique: false),
        new("RelationTo", "Relation", "to", Unique: false),
        new("RelationType", "Relation", "type", Unique: false),
        new("RelationStart", "Relation", "startKey", Unique: false),
        new("ActorKind", "Actor", "kind", Unique: false),
        new("ActorSearchText", "Actor", "searchText", Unique: false, Text: true),
        new("ActorSearchLong", "Actor", "searchLong", Unique: false),
        new("ChangeSeq", "Change", "seq", Unique: true),
        new("ChangeRecord", "Change", "recordId", Unique: false),
        new("ChangeTime", "Change", "atTicks", Unique: false),
    ];

    /// <summary>3.x to 4.3. Repeats are harmless on 3.x; 4.0–4.3 answer "already exists", which the store ignores.</summary>
    public static readonly IReadOnlyList<CypherQuery> LegacySchema = [.. SchemaTable.Select(LegacyDdl)];

    /// <summary>4.4 and later: the same schema, named and idempotent.</summary>
    public static readonly IReadOnlyList<CypherQuery> ModernSchema = [.. SchemaTable.Select(ModernDdl)];

    /// <summary>
    /// 5.x and later: a full-text index over names and labels for people exploring the graph in Neo4j Browser
    /// (<c>CALL db.index.fulltext.queryNodes('actor_names', 'migration')</c>). The API's search does not use it: Lucene's
    /// tokenised matching finds words, not the substrings that the exact / prefix / contains ranks every store shares are
    /// made of ("migra" in "migration", "oim" in an alias), so the search asks <c>searchText CONTAINS</c> of the
    /// <c>actor_search_text</c> text index instead (<see cref="SearchActors"/>).
    /// </summary>
    public static readonly IReadOnlyList<CypherQuery> FullTextSchema =
    [
        Ddl("Schema.ActorNames", "CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.label]", CypherDialect.FullTextDdl),
    ];

    private static CypherQuery LegacyDdl(SchemaRow row) => Ddl(
        $"Schema.Legacy.{row.Name}",
        row.Unique
            ? $"CREATE CONSTRAINT ON ({row.Variable}:{row.Label}) ASSERT {row.Variable}.{row.Property} IS UNIQUE"
            : $"CREATE INDEX ON :{row.Label}({row.Property})",
        CypherDialect.LegacyDdl);

    private static CypherQuery ModernDdl(SchemaRow row) => Ddl(
        $"Schema.{row.Name}",
        row.Unique
            ? $"CREATE CONSTRAINT {row.SchemaName} IF NOT EXISTS FOR ({row.Variable}:{row.Label}) REQUIRE {row.Variable}.{row.Property} IS UNIQUE"
            : $"CREATE {(row.Text ? "TEXT " : string.Empty)}INDEX {row.SchemaName} IF NOT EXISTS FOR ({row.Variable}:{row.Label}) ON ({row.Variable}.{row.Property})",
        CypherDialect.ModernDdl);

    private static CypherQuery Ddl(string name, string text, CypherDialect dialect) => new(name, text, [], dialect);

    private sealed record SchemaRow(string Name, string Label, string Property, bool Unique, bool Text = false)
    {
        /// <summary>The pattern variable: the label's initial in lower case.</summary>
        public string Variable { get; } = char.ToLowerInvariant(Label[0]).ToString();

        /// <summary>The constraint's or index's name on 4.4 and later: <c>RelationFrom</c> → <c>relation_from</c>.</summary>
        public string SchemaName { get; } = string.Concat(Name.Select((c, i) => char.IsUpper(c) ? (i == 0 ? string.Empty : "_") + char.ToLowerInvariant(c) : c.ToString()));
    }
}
