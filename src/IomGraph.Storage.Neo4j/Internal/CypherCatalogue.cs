using System.Globalization;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// Every Cypher statement the adapter sends, by name. Values are always parameters; the only text that varies is
/// a relationship type (taken from <see cref="RelationTypes"/>, one statement per type, since Cypher cannot
/// parameterise a type) and the bound of a variable-length pattern (an integer from a fixed range).
/// <see cref="All"/> lists every statement, with its parameters, for the lint test. This file holds the shared
/// fragments and <see cref="All"/>; the statements are in one file per chapter (<c>.Reads</c>, <c>.Writes</c>,
/// <c>.Changes</c>, <c>.Exports</c>, <c>.Citations</c>, <c>.Schema</c>).
/// </summary>
/// <remarks>
/// The graph as stored:
/// <list type="bullet">
/// <item><c>(:Actor {id, name, label, shortName, plural, kind, sortKey, searchNames, searchText, searchLong, searchOf, doc, hash, origin})</c>: doc is the actor's canonical JSON,
/// searchNames its folded id, name, label and aliases, searchText those names joined for the search's index (or searchLong
/// when too long for it, <see cref="SearchText"/>) and searchOf the hash they were made from, sortKey its folded name.</item>
/// <item><c>(:Source {id, doc, hash, origin, citedBy})</c>: citedBy is the number of <c>:Relation</c> nodes that cite it
/// (actors' CITES do not count), set to 0 on create and counted again from the graph by every write for each source whose
/// citations it may have changed, in the write's transaction (<see cref="RecountCitations"/>). A source written before it
/// was maintained lacks it until <see cref="BackfillCitations"/> runs at start; reads count such a source's citations.</item>
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
internal static partial class CypherCatalogue
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
    private static string[] ChangeParameters => ["author", "at", "atTicks"];

    /// <summary>Both values of a flag that selects a statement variant.</summary>
    private static bool[] Flags => [false, true];

    /// <summary>The relation filters of walks, listings and exports, on the relationship <c>r</c>: the types, and valid on the date (<see cref="Dated"/>).</summary>
    private static string RelationFilter => $"type(r) IN $types AND r.startKey <= $asOfUpper AND r.endKey >= $asOfLower AND {Dated("r")}";
    private const string RelationSeek = "(r.startKey > $afterKey OR (r.startKey = $afterKey AND r.id > $afterId))";
    private const string NodeSeek = "(rn.startKey > $afterKey OR (rn.startKey = $afterKey AND rn.id > $afterId))";
    private const string SearchMatch = "(size($kinds) = 0 OR a.kind IN $kinds) AND any(n IN a.searchNames WHERE n CONTAINS $q)";
    private static string SearchAfter => $"({SearchRank} > $afterRank OR ({SearchRank} = $afterRank AND (a.sortKey > $afterSortKey OR (a.sortKey = $afterSortKey AND a.id > $afterId))))";
    private static string SearchRank => string.Create(
        CultureInfo.InvariantCulture,
        $"CASE WHEN $q IN a.searchNames THEN {(int)MatchRank.Exact} WHEN any(n IN a.searchNames WHERE n STARTS WITH $q) THEN {(int)MatchRank.Prefix} ELSE {(int)MatchRank.Contains} END");

    /// <summary>
    /// The three variants of a read whose <paramref name="text"/> writes each degree through the function it is given,
    /// which turns a pattern such as <c>(a)-[:LEADS]->()</c> into that syntax's degree expression.
    /// </summary>
    private static DegreeVariants Degreed(string name, Func<Func<string, string>, string> text, string[] parameters) => new(
        new CypherQuery(name, text(pattern => $"size({pattern})"), parameters, CypherDialect.Cypher3),
        new CypherQuery($"{name}.CountSubquery", text(pattern => $"COUNT {{ {pattern} }}"), parameters, CypherDialect.Cypher5),
        new CypherQuery($"{name}.Comprehension", text(pattern => $"size([{pattern} | 1])"), parameters));

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

    /// <summary>Every statement the adapter can send, including each per-type and per-depth variant and all schema dialects.</summary>
    public static IReadOnlyList<CypherQuery> All => AllStatements.Value;

    // Built on first use, once every part of the class has run its field initialisers: C# leaves the order of the parts unspecified.
    private static readonly Lazy<IReadOnlyList<CypherQuery>> AllStatements = new(ListAll);

    private static IReadOnlyList<CypherQuery> ListAll() =>
    [
        SeedState, .. Actor, ActorRefs, SearchActors, ScanActors, ListActors, ActorRelationsOut, ActorRelationsIn, ActorRelationsBoth,
        .. ActorRelationsOutByDegree, .. ActorRelationsInByDegree, .. ActorRelationsBothByDegree,
        FindRelations, FindRelationsFrom, FindRelationsTo, FindRelationsFromTo, Relation, NeighbourStep, Subgraph,
        .. BoundedShortestPaths, ShortestPathsUnbounded, ListSources, Source, .. Stats,
        StoredSourceHashes, StoredActorHashes, StoredRelationHashes, SeedOwnedSources, SeedOwnedActors, SeedOwnedRelations,
        MissingActors, MissingSources, CreateSources, UpdateSources, CreateActors, UpdateActors, ClearActorCitations, ClearRelationCitations,
        CreateActorCitations, CreateRelationCitations, UnlinkRelations, CreateRelations, UpdateRelations,
        .. LinkQueries.Values.OrderBy(q => q.Name, StringComparer.Ordinal),
        ClaimSources, ClaimActors, ClaimRelations, DeleteRelations, DeleteUnusedActors, DeleteUnusedSources, SaveSeedState,
        LockChanges, AdvanceChanges, LastChangeSequence, CurationCheck, Existing, StoredActor, StoredRelation, StoredSource, .. ChangeQueries,
        .. ExportActorQueries, .. ExportRelationEndQueries, .. ExportRelationQueries, ExportCitedSources, ExportSources,
        CitedSources, RecountCitations, BackfillCitations,
        .. LegacySchema, .. ModernSchema, .. FullTextSchema, ActorsWithoutSearchText, SetSearchText,
    ];

    /// <summary>The labels the statements use.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["Actor", "Source", "Relation", "Meta", "Change"];

    /// <summary>The relationship types the statements may use: the vocabulary and CITES.</summary>
    public static IReadOnlyList<string> RelationshipTypes { get; } = [.. RelationTypes.Names, "CITES"];

    /// <summary>The property keys of the stored graph.</summary>
    public static IReadOnlyList<string> PropertyKeys { get; } =
    [
        "id", "name", "label", "shortName", "plural", "kind", "sortKey", "searchNames", "searchText", "searchLong", "searchOf", "doc", "hash", "origin",
        "type", "from", "to", "startKey", "endKey", "confidence", "key", "fingerprint", "appliedAt",
        "seq", "at", "atTicks", "author", "recordId", "operation", "before", "after", "next", "lastTicks", "holder", "citedBy",
    ];
}
