using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>
/// The SQL of every read. Each method's text is one command (sometimes several statements, read as several result
/// sets). Page queries take <c>$take</c> = limit + 1 so that one extra row says whether there is a next page.
/// Only fixed fragments are ever concatenated; every value is a parameter.
/// </summary>
internal static class Sql
{
    /// <summary>A relation and both its ends; read with <see cref="Rows.ReadView"/>.</summary>
    public const string ViewColumns = $"r.doc, r.start_key, {FromRefColumns}, {ToRefColumns}";

    public const string ViewJoins = "JOIN actors f ON f.id = r.from_id JOIN actors t ON t.id = r.to_id";

    /// <summary>
    /// An actor's short form; read with <see cref="Rows.ReadActorRef"/>. The short name and the plural flag have no
    /// columns of their own: they are read from the record, so that adding them needed no migration of existing
    /// databases. A record without <c>plural</c> reads as null, which is false.
    /// </summary>
    public const string ActorRefColumns = "a.id, a.name, a.kind, a.label, json_extract(a.doc, '$.shortName'), json_extract(a.doc, '$.plural')";

    private const string FromRefColumns = "f.id, f.name, f.kind, f.label, json_extract(f.doc, '$.shortName'), json_extract(f.doc, '$.plural')";

    private const string ToRefColumns = "t.id, t.name, t.kind, t.label, json_extract(t.doc, '$.shortName'), json_extract(t.doc, '$.plural')";

    private const string SeekTerm = "(r.start_key, r.id) > ($afterKey, $afterId)";

    public const string SeedState = "SELECT key, value FROM meta WHERE key IN ('seed.fingerprint', 'seed.appliedAt');";

    /// <summary>The actor, then its relation counts by type and direction, as maintained on write (<see cref="ReadModel"/>).</summary>
    public const string Actor = """
        SELECT a.doc FROM actors a WHERE a.id = $id;
        SELECT c.type, c.direction, c.n FROM actor_relation_counts c WHERE c.actor_id = $id;
        """;

    public const string ActorRefs = $"SELECT {ActorRefColumns} FROM actors a WHERE a.id IN (SELECT value FROM json_each($ids));";

    public const string Relation = $"SELECT {ViewColumns} FROM relations r {ViewJoins} WHERE r.id = $id;";

    public const string RelationsById = $"SELECT {ViewColumns} FROM relations r {ViewJoins} WHERE r.id IN (SELECT value FROM json_each($ids));";

    /// <summary>Header (actor exists, total), then the page.</summary>
    public static string ActorRelations(Direction direction, RelationConditions conditions, bool after)
    {
        var filters = conditions.And();
        var seek = after ? " AND " + SeekTerm : string.Empty;

        // Each side walks its own index in listing order, so a page of a hub actor reads about $take index entries
        // per side, never all of its relations.
        string Side(string index, string column) =>
            $"SELECT r.start_key, r.id FROM relations r INDEXED BY {index} WHERE r.{column} = $id{filters}{seek} ORDER BY r.start_key, r.id LIMIT $take";
        string Count(string index, string column, string extra = "") =>
            $"(SELECT count(*) FROM relations r INDEXED BY {index} WHERE r.{column} = $id{extra}{filters})";

        // With no filter but on types, the total is the maintained counts' (ReadModel), not a count of the relations.
        // Relations from an actor to itself are counted on both sides there; they are rare enough (the validator
        // refuses them) that an actor with any is counted on the indexes instead.
        string Maintained(int side) =>
            $"(SELECT coalesce(sum(c.n), 0) FROM actor_relation_counts c WHERE c.actor_id = $id AND c.direction = {side}{conditions.CountTypeTerm()})";
        var bothCounted = $"{Count("ix_relations_from", "from_id")} + {Count("ix_relations_to", "to_id", " AND r.from_id <> $id")}";
        var (page, total) = direction switch
        {
            Direction.Out => (Side("ix_relations_from", "from_id"), conditions.TypesOnly ? Maintained(0) : Count("ix_relations_from", "from_id")),
            Direction.In => (Side("ix_relations_to", "to_id"), conditions.TypesOnly ? Maintained(1) : Count("ix_relations_to", "to_id")),
            _ => (
                // UNION, not UNION ALL: a relation from the actor to itself is on both sides once.
                $"SELECT start_key, id FROM ({Side("ix_relations_from", "from_id")}) UNION SELECT start_key, id FROM ({Side("ix_relations_to", "to_id")})",
                conditions.TypesOnly
                    ? $"CASE WHEN coalesce((SELECT d.loops FROM actor_degrees d WHERE d.actor_id = $id), 0) = 0 THEN {Maintained(0)} + {Maintained(1)} ELSE {bothCounted} END"
                    : bothCounted),
        };

        return $"""
            SELECT EXISTS (SELECT 1 FROM actors WHERE id = $id), {total};
            SELECT {ViewColumns} FROM ({page}) p JOIN relations r ON r.id = p.id {ViewJoins} ORDER BY p.start_key, p.id LIMIT $take;
            """;
    }

    /// <summary>Total, then the page.</summary>
    public static string FindRelations(bool from, bool to, RelationConditions conditions, bool after)
    {
        var index = from ? " INDEXED BY ix_relations_from" : to ? " INDEXED BY ix_relations_to" : string.Empty;
        var terms = new List<string>();
        if (from)
        {
            terms.Add("r.from_id = $from");
        }

        if (to)
        {
            terms.Add("r.to_id = $to");
        }

        terms.AddRange(conditions.Terms());
        var where = Where(terms);
        var pageWhere = after ? Where([.. terms, SeekTerm]) : where;
        return $"""
            SELECT count(*) FROM relations r{index}{where};
            SELECT {ViewColumns} FROM (SELECT r.start_key, r.id FROM relations r{index}{pageWhere} ORDER BY r.start_key, r.id LIMIT $take) p
            JOIN relations r ON r.id = p.id {ViewJoins} ORDER BY p.start_key, p.id;
            """;
    }

    /// <summary>
    /// Total, then the page of (doc, rank, sort_key, id). With a query of <see cref="TrigramLength"/> characters or more
    /// (<paramref name="indexed"/>), the candidates come from the trigram index (actor_search, <c>$match</c> the query as
    /// one FTS5 phrase: a substring match); each is still checked with instr() on its search names, which is what a
    /// shorter query scans every actor with.
    /// </summary>
    public static string SearchActors(bool query, bool kinds, bool after, bool indexed = false)
    {
        var kindTerm = kinds ? " AND a.kind IN (SELECT value FROM json_each($kinds))" : string.Empty;
        if (!query)
        {
            var seek = after ? " AND (a.sort_key, a.id) > ($afterSortKey, $afterId)" : string.Empty;
            return $"""
                SELECT count(*) FROM actors a WHERE 1{kindTerm};
                SELECT a.doc, {(int)MatchRank.Unranked}, a.sort_key, a.id FROM actors a WHERE 1{kindTerm}{seek} ORDER BY a.sort_key, a.id LIMIT $take;
                """;
        }

        if (indexed)
        {
            // The trigram index's phrase match is the substring match: the total is counted on the index alone (and
            // the rows, for kinds). The page is ranked and ordered on the index's own rows (names, sort key, kind, one
            // seek per hit), with instr() checking each hit as the scan does; only the page reads the actors.
            var kindFilter = kinds ? " AND k.kind IN (SELECT value FROM json_each($kinds))" : string.Empty;
            var count = kinds
                ? $"SELECT count(*) FROM actor_search s JOIN actor_search_rows k ON k.row = s.rowid WHERE actor_search MATCH $match{kindFilter}"
                : "SELECT count(*) FROM actor_search WHERE actor_search MATCH $match";
            var indexedSeek = after ? " WHERE (m.rank, m.sort_key, m.id) > ($afterRank, $afterSortKey, $afterId)" : string.Empty;
            return $"""
                {count};
                SELECT a.doc, p.rank, p.sort_key, p.id FROM (
                    SELECT m.id, m.sort_key, m.rank FROM (
                        SELECT k.actor_id AS id, k.sort_key,
                            CASE WHEN instr(k.names, $exact) > 0 THEN {(int)MatchRank.Exact} WHEN instr(k.names, $prefix) > 0 THEN {(int)MatchRank.Prefix} ELSE {(int)MatchRank.Contains} END AS rank
                        FROM actor_search s JOIN actor_search_rows k ON k.row = s.rowid
                        WHERE actor_search MATCH $match AND instr(k.names, $q) > 0{kindFilter}) m{indexedSeek}
                    ORDER BY m.rank, m.sort_key, m.id LIMIT $take) p
                JOIN actors a ON a.id = p.id ORDER BY p.rank, p.sort_key, p.id;
                """;
        }

        var rankedSeek = after ? " WHERE (m.rank, m.sort_key, m.id) > ($afterRank, $afterSortKey, $afterId)" : string.Empty;
        return $"""
            SELECT count(*) FROM actors a WHERE instr(a.search_names, $q) > 0{kindTerm};
            SELECT a.doc, p.rank, p.sort_key, p.id FROM (
                SELECT m.id, m.sort_key, m.rank FROM (
                    SELECT a.id, a.sort_key,
                        CASE WHEN instr(a.search_names, $exact) > 0 THEN {(int)MatchRank.Exact} WHEN instr(a.search_names, $prefix) > 0 THEN {(int)MatchRank.Prefix} ELSE {(int)MatchRank.Contains} END AS rank
                    FROM actors a WHERE instr(a.search_names, $q) > 0{kindTerm}) m{rankedSeek}
                ORDER BY m.rank, m.sort_key, m.id LIMIT $take) p
            JOIN actors a ON a.id = p.id ORDER BY p.rank, p.sort_key, p.id;
            """;
    }

    /// <summary>The shortest query the trigram index answers, in characters (Unicode scalar values).</summary>
    public const int TrigramLength = 3;

    /// <summary>The folded query as an FTS5 phrase: in double quotes, a double quote doubled.</summary>
    public static string TrigramPhrase(string foldedQuery) => "\"" + foldedQuery.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Total, then the page of (doc, cited-by count); the counts are maintained on write (<see cref="ReadModel"/>).</summary>
    public static string ListSources(bool after) => $"""
        SELECT count(*) FROM sources;
        SELECT s.doc, coalesce((SELECT n.n FROM source_citations n WHERE n.source_id = s.id), 0)
        FROM sources s{(after ? " WHERE s.id > $afterId" : string.Empty)} ORDER BY s.id LIMIT $take;
        """;

    /// <summary>The source, the number of relations citing it, then the page of them.</summary>
    public static string Source(bool after) => $"""
        SELECT s.doc FROM sources s WHERE s.id = $id;
        SELECT coalesce((SELECT n.n FROM source_citations n WHERE n.source_id = $id), 0);
        SELECT {ViewColumns} FROM (
            SELECT c.start_key, c.relation_id FROM relation_sources c
            WHERE c.source_id = $id{(after ? " AND (c.start_key, c.relation_id) > ($afterKey, $afterId)" : string.Empty)}
            ORDER BY c.start_key, c.relation_id LIMIT $take) p
        JOIN relations r ON r.id = p.relation_id {ViewJoins} ORDER BY p.start_key, p.relation_id;
        """;

    /// <summary>
    /// Totals, actors by kind, relations by type, then the most connected actors: all maintained on write
    /// (<see cref="ReadModel"/>). An actor's degree here counts both ends of every relation.
    /// </summary>
    public const string Stats = $"""
        SELECT (SELECT coalesce(sum(n), 0) FROM graph_counts WHERE what = 'kind'), (SELECT coalesce(sum(n), 0) FROM graph_counts WHERE what = 'type'), (SELECT count(*) FROM sources);
        SELECT key, n FROM graph_counts WHERE what = 'kind';
        SELECT key, n FROM graph_counts WHERE what = 'type';
        SELECT {ActorRefColumns}, d.ends FROM (
            SELECT actor_id, ends FROM actor_degrees INDEXED BY ix_actor_degrees_top ORDER BY ends DESC, actor_id LIMIT $top) d
        JOIN actors a ON a.id = d.actor_id ORDER BY d.ends DESC, d.actor_id;
        """;

    /// <summary>
    /// One breadth-first step: the actors one relation away from <c>$frontier</c> in either direction that are not in
    /// <c>$seen</c>, in id order, at most <c>$take</c>; with <paramref name="kinds"/>, only those whose kind is in
    /// <c>$kinds</c>, and with <paramref name="excludeKinds"/>, none whose kind is in <c>$excludeKinds</c>. An actor the
    /// step leaves out never joins a frontier, so the walk does not pass through it either.
    /// </summary>
    public static string NeighbourStep(RelationConditions conditions, bool kinds = false, bool excludeKinds = false)
    {
        var filters = conditions.And();
        var join = kinds || excludeKinds ? " JOIN actors a ON a.id = n.id" : string.Empty;
        var kindTerms = (kinds ? " AND a.kind IN (SELECT value FROM json_each($kinds))" : string.Empty)
            + (excludeKinds ? " AND a.kind NOT IN (SELECT value FROM json_each($excludeKinds))" : string.Empty);
        return $"""
            SELECT DISTINCT n.id FROM (
                SELECT r.to_id AS id FROM relations r INDEXED BY ix_relations_from WHERE r.from_id IN (SELECT value FROM json_each($frontier)){filters}
                UNION ALL
                SELECT r.from_id FROM relations r INDEXED BY ix_relations_to WHERE r.to_id IN (SELECT value FROM json_each($frontier)){filters}) n{join}
            WHERE n.id NOT IN (SELECT value FROM json_each($seen)){kindTerms}
            ORDER BY n.id LIMIT $take;
            """;
    }

    /// <summary>
    /// Every relation of the actor aliased <c>a</c>, whatever its type or date, from the maintained degrees
    /// (<see cref="ReadModel"/>). A relation from the actor to itself counts once, as in an actor's listing.
    /// </summary>
    private const string Degree = "coalesce((SELECT d.ends - d.loops FROM actor_degrees d WHERE d.actor_id = a.id), 0)";

    /// <summary>The nodes' short forms and degrees, then the relations (docs only) between them.</summary>
    public static string Subgraph(RelationConditions conditions) => $"""
        SELECT {ActorRefColumns}, {Degree} FROM actors a WHERE a.id IN (SELECT value FROM json_each($nodes));
        SELECT r.doc FROM relations r INDEXED BY ix_relations_from
        WHERE r.from_id IN (SELECT value FROM json_each($nodes)) AND r.to_id IN (SELECT value FROM json_each($nodes)){conditions.And()}
        ORDER BY r.start_key, r.id;
        """;

    /// <summary>Every relation touching <c>$frontier</c>, as (id, from, to): one level of a shortest-path search.</summary>
    public static string PathStep(RelationConditions conditions)
    {
        var filters = conditions.And();
        return $"""
            SELECT r.id, r.from_id, r.to_id FROM relations r INDEXED BY ix_relations_from WHERE r.from_id IN (SELECT value FROM json_each($frontier)){filters}
            UNION ALL
            SELECT r.id, r.from_id, r.to_id FROM relations r INDEXED BY ix_relations_to WHERE r.to_id IN (SELECT value FROM json_each($frontier)){filters};
            """;
    }

    /// <summary>How many relations the actors of <c>$frontier</c> have in all (both ends counted), from the maintained degrees.</summary>
    public const string FrontierDegree = "SELECT coalesce(sum(d.ends), 0) FROM actor_degrees d WHERE d.actor_id IN (SELECT value FROM json_each($frontier));";

    private static string Where(List<string> terms) => terms.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", terms);
}
