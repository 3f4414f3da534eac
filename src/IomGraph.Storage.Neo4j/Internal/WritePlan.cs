using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Storage.Writing;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// What a write does, decided by Core's rules on what <see cref="StoredLookup"/> read: <see cref="CurationChecks"/> and
/// <see cref="BundleReferences"/> refuse it or let it pass; each record is created, updated or unchanged; the deletes are
/// a curation write's as planned, or a seed's the records its last version owned that it no longer holds; the write has
/// one time, never before the change log's last entry; and every change its sequence number, in replay order.
/// </summary>
internal sealed class WritePlan
{
    private WritePlan(PreparedBundle bundle, bool seed, PlannedDeletes deletes, StoredLookup stored, TimeProvider time)
    {
        var sourceStates = stored.SourceStates();
        var actorStates = stored.ActorStates();
        var relationStates = stored.RelationStates();
        FirstSequence = stored.NextSequence;
        At = ChangeTimes.Stamp(time.GetUtcNow(), stored.LastChange);
        List<string> relationDeletes = seed ? [.. stored.DroppedRelations()] : [.. deletes.Relations];
        List<string> actorDeletes = seed ? [.. stored.DroppedActors()] : [.. deletes.Actors];
        List<string> sourceDeletes = seed ? [.. stored.DroppedSources()] : [.. deletes.Sources];

        // Upserts first, sources to relations; then the deletes, relations to sources: the order in which they replay.
        var sequence = FirstSequence;
        var sourceSeqs = Sequence(PlannedRecords<Source>.ChangedOf(bundle.Sources, sourceStates).Select(s => s.Id));
        var actorSeqs = Sequence(PlannedRecords<Actor>.ChangedOf(bundle.Actors, actorStates).Select(a => a.Id));
        var relationSeqs = Sequence(PlannedRecords<Relation>.ChangedOf(bundle.Relations, relationStates).Select(r => r.Id));
        var relationDeleteSeqs = Sequence(relationDeletes);
        var actorDeleteSeqs = Sequence(actorDeletes);
        var sourceDeleteSeqs = Sequence(sourceDeletes);
        NextSequence = sequence;

        Sources = new(bundle.Sources, sourceStates, sourceSeqs, sourceDeletes, sourceDeleteSeqs);
        Actors = new(bundle.Actors, actorStates, actorSeqs, actorDeletes, actorDeleteSeqs);
        Relations = new(bundle.Relations, relationStates, relationSeqs, relationDeletes, relationDeleteSeqs);
        Overwritten = seed ? stored.Replaced(Sources, Actors, Relations) : 0;

        Dictionary<string, long> Sequence(IEnumerable<string> ids)
        {
            var numbers = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var id in ids.Order(StringComparer.Ordinal))
            {
                numbers[id] = sequence++;
            }

            return numbers;
        }
    }

    public PlannedRecords<Source> Sources { get; }

    public PlannedRecords<Actor> Actors { get; }

    public PlannedRecords<Relation> Relations { get; }

    /// <summary>How many records a seed replaces that a curator or an import wrote last; 0 for other writes.</summary>
    public int Overwritten { get; }

    /// <summary>The write's time in the change log.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The sequence number of the write's first change.</summary>
    public long FirstSequence { get; }

    /// <summary>The sequence number after the write's last change: the change log's counter once it commits.</summary>
    public long NextSequence { get; }

    /// <summary>The plan, or the refusal of Core's checks (then there is no plan).</summary>
    public static (WritePlan? Plan, WriteResult? Refusal) Make(
        PreparedBundle bundle, CurationWrite write, CurationChecks? curation, StoredLookup stored, TimeProvider time)
    {
        if (curation?.CheckStored(stored.Checked()) is { } refusal)
        {
            return (null, refusal);
        }

        if (BundleReferences.Refusal(bundle.Bundle, stored.MissingActors(), stored.MissingSources()) is { } invalid)
        {
            return (null, invalid.ToResult());
        }

        var deletes = PlannedDeletes.None;
        if (curation is not null)
        {
            var (planned, refused) = curation.PlanDeletes();
            if (refused is not null)
            {
                return (null, refused);
            }

            deletes = planned;
        }

        return (new WritePlan(bundle, write.IsSeed, deletes, stored, time), null);
    }
}

/// <summary>One kind of record in a <see cref="WritePlan"/>: the bundle's records with their states and the ids to delete, each change with its sequence number.</summary>
internal sealed record PlannedRecords<T>(
    IReadOnlyList<Encoded<T>> Records,
    RecordState[] States,
    IReadOnlyDictionary<string, long> Sequences,
    IReadOnlyList<string> Deletes,
    IReadOnlyDictionary<string, long> DeleteSequences)
{
    /// <summary>The records created or updated.</summary>
    public IEnumerable<Encoded<T>> Changed => ChangedOf(Records, States);

    public IEnumerable<Encoded<T>> In(RecordState state) => Records.Where((_, i) => States[i] == state);

    public IEnumerable<string> IdsIn(RecordState state) => In(state).Select(r => r.Id);

    public RecordCounts Counts(int deleted) => RecordStates.Count(States, deleted);

    public static IEnumerable<Encoded<T>> ChangedOf(IReadOnlyList<Encoded<T>> records, RecordState[] states) =>
        records.Where((_, i) => states[i] != RecordState.Unchanged);
}
