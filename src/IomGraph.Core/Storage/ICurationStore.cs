using System.Text.Json.Serialization;
using IomGraph.Core.Model;
using IomGraph.Core.Validation;

namespace IomGraph.Core.Storage;

/// <summary>
/// The write side of a graph store: atomic curation writes with preconditions, the change log they leave, and
/// streaming exports. Like <see cref="IGraphStore"/>, each call is one transaction and, where the database allows,
/// one round trip; an unreachable database is <see cref="StoreUnavailableException"/>.
/// </summary>
public interface ICurationStore
{
    /// <summary>
    /// Applies a write atomically: every precondition holds and every upsert and delete is applied, recorded in the
    /// change log under <see cref="CurationWrite.Author"/>, or nothing changes. Records equal to what is stored are not
    /// rewritten and leave no change entry. Validation of the records themselves is the caller's (see
    /// <see cref="BundleValidator"/>); referential integrity is checked here again, inside the transaction.
    /// </summary>
    Task<WriteResult> WriteAsync(CurationWrite write, CancellationToken cancellationToken = default);

    /// <summary>The actors and sources among the given ids that exist, with the actors' kinds, for validating a write.</summary>
    Task<ExistingRecords> GetExistingAsync(IReadOnlyCollection<string> actorIds, IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken = default);

    /// <summary>One record as stored, with its version tag, or null.</summary>
    Task<VersionedRecord?> GetRecordAsync(RecordRef record, CancellationToken cancellationToken = default);

    /// <summary>The change log, oldest first: every change after a sequence number or since a time, optionally for one record.</summary>
    Task<Page<ChangeEntry>> GetChangesAsync(ChangeQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The sequence number of the change log's last entry, 0 while the log is empty: one cheap read that tells whether
    /// anything was written since (every write that changes a record, seeds and imports included, logs an entry).
    /// </summary>
    Task<long> GetLastChangeSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The records a filter selects, streamed so that no export holds the whole graph in memory: first the actors, then
    /// the relations among them, then the sources those records cite. Order is by id within each kind.
    /// </summary>
    IAsyncEnumerable<ExportItem> ExportAsync(ExportFilter filter, CancellationToken cancellationToken = default);
}

/// <summary>The kinds of stored record.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecordKind>))]
public enum RecordKind
{
    [JsonStringEnumMemberName("source")] Source,
    [JsonStringEnumMemberName("actor")] Actor,
    [JsonStringEnumMemberName("relation")] Relation,
}

/// <summary>What a change did to a record.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangeOperation>))]
public enum ChangeOperation
{
    [JsonStringEnumMemberName("create")] Create,
    [JsonStringEnumMemberName("update")] Update,
    [JsonStringEnumMemberName("delete")] Delete,
}

/// <summary>One record, named by kind and id.</summary>
public sealed record RecordRef(RecordKind Kind, string Id)
{
    public static RecordRef ActorOf(string id) => new(RecordKind.Actor, id);

    public static RecordRef RelationOf(string id) => new(RecordKind.Relation, id);

    public static RecordRef SourceOf(string id) => new(RecordKind.Source, id);

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} '{Id}'";
}

/// <summary>
/// A version tag: the hex SHA-256 of the record's canonical JSON (<see cref="CanonicalJson"/>). Equal content, equal tag,
/// on every store; the API sends it as the ETag.
/// </summary>
public static class RecordVersion
{
    public static string Of(EncodedRecord encoded) => Convert.ToHexStringLower(encoded.Hash);

    public static string Of(Actor actor) => Of(CanonicalJson.Encode(actor));

    public static string Of(Relation relation) => Of(CanonicalJson.Encode(relation));

    public static string Of(Source source) => Of(CanonicalJson.Encode(source));
}

/// <summary>A stored record in its canonical JSON, with its version tag.</summary>
public sealed record VersionedRecord(RecordRef Record, string Json, string Version);

/// <summary>
/// One atomic curation write.
/// </summary>
/// <param name="Author">Who writes: the API key's name, "seed" or "import-cli".</param>
/// <param name="Upserts">Records to create or replace.</param>
/// <param name="Deletes">Records to remove. Deleting an actor that relations still use fails with <see cref="WriteStatus.Conflict"/> unless <paramref name="Cascade"/>.</param>
/// <param name="Cascade">When deleting an actor, delete its relations too (each is logged).</param>
/// <param name="Preconditions">For each record named, the version it must have now (If-Match), or null when it must not exist.</param>
public sealed record CurationWrite(
    string Author,
    GraphBundle Upserts,
    IReadOnlyList<RecordRef> Deletes,
    bool Cascade = false,
    IReadOnlyDictionary<RecordRef, string?>? Preconditions = null)
{
    public static CurationWrite Upsert(string author, GraphBundle bundle) => new(author, bundle, []);
}

public enum WriteStatus
{
    /// <summary>Everything was applied (or was already so).</summary>
    Applied,

    /// <summary>A precondition did not hold; nothing changed.</summary>
    PreconditionFailed,

    /// <summary>A record to delete is still referenced; nothing changed.</summary>
    Conflict,

    /// <summary>A record to delete does not exist; nothing changed.</summary>
    NotFound,

    /// <summary>An upsert refers to a record that does not exist (an end of a relation, a cited source); nothing changed.</summary>
    Invalid,
}

/// <summary>What a write did: created, updated, unchanged and deleted counts per kind, and the versions now stored.</summary>
public sealed record WriteResult(
    WriteStatus Status,
    BundleResult Counts,
    IReadOnlyDictionary<RecordRef, string> Versions,
    string? Message = null,
    RecordRef? Offender = null)
{
    public static WriteResult Failed(WriteStatus status, string message, RecordRef? offender = null) =>
        new(status, new BundleResult(RecordCounts.Zero, RecordCounts.Zero, RecordCounts.Zero), new Dictionary<RecordRef, string>(), message, offender);
}

/// <summary>One entry of the change log. <see cref="Before"/> and <see cref="After"/> are canonical JSON, null where the record did not exist.</summary>
public sealed record ChangeEntry(
    long Sequence,
    DateTimeOffset At,
    string Author,
    RecordRef Record,
    ChangeOperation Operation,
    string? Before,
    string? After);

/// <summary>Changes after <see cref="After"/> (a sequence number, from a cursor) and at or after <see cref="Since"/>, optionally for one record.</summary>
public sealed record ChangeQuery(DateTimeOffset? Since, RecordRef? Record, int Limit, ChangeCursor? After);

/// <summary>Position in the change log.</summary>
public sealed record ChangeCursor(
    [property: JsonPropertyName("k")] string Listing,
    [property: JsonPropertyName("q")] long Sequence) : ICursor
{
    public const string Name = "changes";

    public static ChangeCursor After(long sequence) => new(Name, sequence);

    public bool IsWellFormed() => Listing == Name && Sequence >= 0;
}

/// <summary>
/// Which records to export.
/// <list type="bullet">
/// <item>Relations: those of <see cref="Types"/> (all when empty), valid on <see cref="AsOf"/> (when set; undated ones
/// only with <see cref="IncludeUndated"/>, see <see cref="Validity"/>), among
/// <see cref="RelationIds"/> (when set), and, when the actors are restricted, with both ends among the exported actors.</item>
/// <item>Actors: restricted by <see cref="Kinds"/> and <see cref="ActorIds"/> when either is set; otherwise, when any
/// relation filter is set, the ends of the exported relations; otherwise all.</item>
/// <item>Sources: those the exported actors and relations cite.</item>
/// </list>
/// </summary>
public sealed record ExportFilter(
    IReadOnlyList<ActorKind> Kinds,
    IReadOnlyList<RelationType> Types,
    PartialDate? AsOf,
    IReadOnlyCollection<string>? ActorIds = null,
    IReadOnlyCollection<string>? RelationIds = null)
{
    /// <summary>With <see cref="AsOf"/>: also keep the relations that record neither start nor end, which might or might not hold then (see <see cref="Validity"/>).</summary>
    public bool IncludeUndated { get; init; }
}

/// <summary>One exported record: exactly one of the three is set.</summary>
public sealed record ExportItem(Actor? Actor = null, Relation? Relation = null, Source? Source = null);
