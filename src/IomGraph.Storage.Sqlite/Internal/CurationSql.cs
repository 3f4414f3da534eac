using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>
/// The SQL of the curation reads: existence checks, single records, the change log and exports. As in <see cref="Sql"/>,
/// only fixed fragments are concatenated and every value is a parameter.
/// </summary>
internal static class CurationSql
{
    /// <summary>(kind, id, hash) of the records named in <c>$actors</c>, <c>$relations</c>, <c>$sources</c> that exist.</summary>
    public const string StoredHashes = """
        SELECT 'actor', a.id, a.hash FROM actors a WHERE a.id IN (SELECT value FROM json_each($actors))
        UNION ALL
        SELECT 'relation', r.id, r.hash FROM relations r WHERE r.id IN (SELECT value FROM json_each($relations))
        UNION ALL
        SELECT 'source', s.id, s.hash FROM sources s WHERE s.id IN (SELECT value FROM json_each($sources));
        """;

    /// <summary>
    /// What the checks of a write need of the records it deletes (<see cref="Core.Storage.Writing.CurationChecks"/>):
    /// ('uses', actor id, 'relation', relation id) for each stored relation with an end among <c>$actors</c>, then
    /// ('cites', source id, kind, id) for each stored actor and relation citing one of <c>$sources</c>.
    /// </summary>
    public const string Dependants = """
        SELECT 'uses', r.from_id, 'relation', r.id FROM relations r INDEXED BY ix_relations_from WHERE r.from_id IN (SELECT value FROM json_each($actors))
        UNION ALL
        SELECT 'uses', r.to_id, 'relation', r.id FROM relations r INDEXED BY ix_relations_to WHERE r.to_id IN (SELECT value FROM json_each($actors))
        UNION ALL
        SELECT 'cites', c.source_id, 'relation', c.relation_id FROM relation_sources c WHERE c.source_id IN (SELECT value FROM json_each($sources))
        UNION ALL
        SELECT 'cites', c.source_id, 'actor', c.actor_id FROM actor_sources c WHERE c.source_id IN (SELECT value FROM json_each($sources));
        """;

    /// <summary>(0, id, kind) of the existing actors among <c>$actors</c>, then (1, id, null) of the existing sources among <c>$sources</c>.</summary>
    public const string Existing = """
        SELECT 0, a.id, a.kind FROM actors a WHERE a.id IN (SELECT value FROM json_each($actors))
        UNION ALL
        SELECT 1, s.id, NULL FROM sources s WHERE s.id IN (SELECT value FROM json_each($sources));
        """;

    /// <summary>The last entry's sequence number, 0 for an empty log: one seek at the end of the primary key.</summary>
    public const string LastChangeSequence = "SELECT coalesce(max(seq), 0) FROM changes;";

    public const string ChangeColumns = "c.seq, c.at, c.author, c.kind, c.record_id, c.operation, c.before, c.after";

    /// <summary>(doc, hash) of one record.</summary>
    public static string Record(RecordKind kind) => $"SELECT t.doc, t.hash FROM {ChangeLog.TableOf(kind)} t WHERE t.id = $id;";

    /// <summary>
    /// The total, then the page. "Since" is a suffix of the log, because times never decrease along it: its first
    /// entry is one seek in ix_changes_at, and from there the page reads the log (or one record's history) in order.
    /// </summary>
    public static string Changes(bool since, bool record, bool after)
    {
        var terms = new List<string>();
        if (record)
        {
            terms.Add("c.kind = $kind AND c.record_id = $recordId");
        }

        if (since)
        {
            terms.Add("c.seq >= (SELECT s.seq FROM changes s INDEXED BY ix_changes_at WHERE s.at >= $since ORDER BY s.at, s.seq LIMIT 1)");
        }

        var index = record ? " INDEXED BY ix_changes_record" : string.Empty;
        var where = Where(terms);
        var pageWhere = after ? Where([.. terms, "c.seq > $after"]) : where;
        return $"""
            SELECT count(*) FROM changes c{index}{where};
            SELECT {ChangeColumns} FROM changes c{index}{pageWhere} ORDER BY c.seq LIMIT $take;
            """;
    }

    /// <summary>Binds record references as three JSON arrays of ids, <c>$actors</c>, <c>$relations</c> and <c>$sources</c>.</summary>
    public static void BindRefs(SqliteCommand command, IEnumerable<RecordRef> records)
    {
        var byKind = records.ToLookup(r => r.Kind, r => r.Id);
        command.Parameters.AddWithValue("$actors", RecordCodec.JsonArray(byKind[RecordKind.Actor].Distinct(StringComparer.Ordinal)));
        command.Parameters.AddWithValue("$relations", RecordCodec.JsonArray(byKind[RecordKind.Relation].Distinct(StringComparer.Ordinal)));
        command.Parameters.AddWithValue("$sources", RecordCodec.JsonArray(byKind[RecordKind.Source].Distinct(StringComparer.Ordinal)));
    }

    private static string Where(List<string> terms) => terms.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", terms);
}

/// <summary>
/// The three statements of an export, each in id order, with exactly the selection of <see cref="ExportFilter"/>:
/// <list type="bullet">
/// <item>relations match the relation filters (types, asOf and whether undated ones are included, ids) and, when the actors are restricted, have both ends
/// among them;</item>
/// <item>actors are restricted by kinds and ids when either is set; otherwise, when a relation filter is set, they are
/// the ends of the exported relations; otherwise all of them;</item>
/// <item>sources are those that the exported actors and relations cite.</item>
/// </list>
/// A list that is set but empty (<see cref="ExportFilter.ActorIds"/>, <see cref="ExportFilter.RelationIds"/>) selects nothing.
/// </summary>
internal sealed class ExportSelection(ExportFilter filter)
{
    private readonly RelationConditions _conditions = new(filter.Types, filter.AsOf, IncludeUndated: filter.IncludeUndated);

    private bool ActorsRestricted => filter.Kinds.Count > 0 || filter.ActorIds is not null;

    private bool RelationsFiltered => filter.Types.Count > 0 || filter.AsOf is not null || filter.RelationIds is not null;

    public string Actors => ActorsRestricted
        ? $"SELECT a.doc FROM actors a WHERE {ActorTerms("a")} ORDER BY a.id;"
        : RelationsFiltered
            ? $"SELECT a.doc FROM actors a WHERE a.id IN ({ActorIds}) ORDER BY a.id;"
            : "SELECT a.doc FROM actors a ORDER BY a.id;";

    public string Relations => $"SELECT r.doc FROM relations r{RelationWhere} ORDER BY r.id;";

    /// <summary>
    /// Sources cited by the selection. When all actors (or all relations) are exported, a source's own citations say
    /// whether it is cited, a seek per source; otherwise the selection's citations are gathered once.
    /// </summary>
    public string Sources
    {
        get
        {
            var byActors = ActorsRestricted || RelationsFiltered
                ? $"s.id IN (SELECT c.source_id FROM actor_sources c WHERE c.actor_id IN ({ActorIds}))"
                : "EXISTS (SELECT 1 FROM actor_sources c WHERE c.source_id = s.id)";
            var relationWhere = RelationWhere;
            var byRelations = relationWhere.Length > 0
                ? $"s.id IN (SELECT c.source_id FROM relation_sources c WHERE c.relation_id IN (SELECT r.id FROM relations r{relationWhere}))"
                : "EXISTS (SELECT 1 FROM relation_sources c WHERE c.source_id = s.id)";
            return $"SELECT s.doc FROM sources s WHERE {byActors} OR {byRelations} ORDER BY s.id;";
        }
    }

    /// <summary>The ids of the exported actors, when they are not all of them.</summary>
    private string ActorIds => ActorsRestricted
        ? $"SELECT x.id FROM actors x WHERE {ActorTerms("x")}"
        : $"SELECT r.from_id FROM relations r{RelationWhere} UNION SELECT r.to_id FROM relations r{RelationWhere}";

    private string ActorTerms(string alias)
    {
        var terms = new List<string>();
        if (filter.Kinds.Count > 0)
        {
            terms.Add($"{alias}.kind IN (SELECT value FROM json_each($kinds))");
        }

        if (filter.ActorIds is not null)
        {
            terms.Add($"{alias}.id IN (SELECT value FROM json_each($actorIds))");
        }

        return string.Join(" AND ", terms);
    }

    /// <summary>" WHERE ..." selecting the exported relations (aliased r), or nothing when all are.</summary>
    private string RelationWhere
    {
        get
        {
            var terms = _conditions.Terms().ToList();
            if (filter.RelationIds is not null)
            {
                terms.Add("r.id IN (SELECT value FROM json_each($relationIds))");
            }

            if (ActorsRestricted)
            {
                terms.Add($"r.from_id IN (SELECT x.id FROM actors x WHERE {ActorTerms("x")})");
                terms.Add($"r.to_id IN (SELECT x.id FROM actors x WHERE {ActorTerms("x")})");
            }

            return terms.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", terms);
        }
    }

    /// <summary>Binds every parameter the statements may use; a statement ignores those it does not name.</summary>
    public void Bind(SqliteCommand command)
    {
        _conditions.Bind(command);
        if (filter.Kinds.Count > 0)
        {
            command.Parameters.AddWithValue("$kinds", RecordCodec.JsonArray(filter.Kinds.Distinct().Select(WireNames.Of)));
        }

        if (filter.ActorIds is not null)
        {
            command.Parameters.AddWithValue("$actorIds", RecordCodec.JsonArray(filter.ActorIds.Distinct(StringComparer.Ordinal)));
        }

        if (filter.RelationIds is not null)
        {
            command.Parameters.AddWithValue("$relationIds", RecordCodec.JsonArray(filter.RelationIds.Distinct(StringComparer.Ordinal)));
        }
    }
}
