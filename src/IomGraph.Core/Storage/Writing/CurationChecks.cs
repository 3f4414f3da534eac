using IomGraph.Core.Model;

namespace IomGraph.Core.Storage.Writing;

/// <summary>What a store holds now for one record a write names: its version, and what depends on it.</summary>
/// <param name="Version">The stored version tag (<see cref="RecordVersion"/>).</param>
/// <param name="Relations">For an actor the write deletes: the ids of the stored relations that use it (either end).</param>
/// <param name="Citers">For a source the write deletes: the stored actors and relations that cite it.</param>
public sealed record StoredRecord(string Version, IReadOnlyCollection<string> Relations, IReadOnlyCollection<RecordRef> Citers)
{
    public static StoredRecord Of(string version) => new(version, [], []);
}

/// <summary>The records a write deletes, by kind, each in ordinal id order (the order they are logged in).</summary>
public sealed record PlannedDeletes(IReadOnlyList<string> Relations, IReadOnlyList<string> Actors, IReadOnlyList<string> Sources)
{
    public static PlannedDeletes None { get; } = new([], [], []);

    public bool IsEmpty => Relations.Count == 0 && Actors.Count == 0 && Sources.Count == 0;
}

/// <summary>
/// The checks of one <see cref="CurationWrite"/>, the same on every store, made inside the write's transaction from what
/// the store holds for <see cref="Refs"/>. The first that fails decides, in this order:
/// <list type="number">
/// <item>preconditions, in kind then id order (<see cref="WriteStatus.PreconditionFailed"/>);</item>
/// <item>deletes of records that do not exist (<see cref="WriteStatus.NotFound"/>);</item>
/// <item>records both written and deleted (<see cref="WriteStatus.Invalid"/>);</item>
/// <item>the upserts' own references, which the store checks while it writes them (<see cref="BundleReferences"/>);</item>
/// <item>upserts that refer to a record the write deletes (<see cref="WriteStatus.Invalid"/>);</item>
/// <item>actors still used by relations, unless cascading, then sources still cited (<see cref="WriteStatus.Conflict"/>).</item>
/// </list>
/// Deletes are judged against the graph after the upserts: an upserted relation uses the actors it names now, and an
/// upserted record cites the sources it cites now. A store calls <see cref="CheckStored"/> with the stored state of
/// <see cref="Refs"/>, writes the upserts' references check, then <see cref="PlanDeletes"/>.
/// </summary>
public sealed class CurationChecks
{
    private readonly CurationWrite _write;
    private readonly List<KeyValuePair<RecordRef, string?>> _preconditions;
    private readonly List<RecordRef> _deletes;
    private IReadOnlyDictionary<RecordRef, StoredRecord> _stored = new Dictionary<RecordRef, StoredRecord>();

    public CurationChecks(CurationWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _write = write;
        _preconditions = [.. (write.Preconditions ?? new Dictionary<RecordRef, string?>()).OrderBy(p => p.Key.Kind).ThenBy(p => p.Key.Id, StringComparer.Ordinal)];
        _deletes = [.. write.Deletes.Distinct().OrderBy(r => r.Kind).ThenBy(r => r.Id, StringComparer.Ordinal)];
        Refs = [.. _preconditions.Select(p => p.Key).Concat(_deletes).Distinct()];
        DeletedActors = IdsOf(RecordKind.Actor);
        DeletedSources = IdsOf(RecordKind.Source);
    }

    /// <summary>The records whose stored state the checks need: those the preconditions name and those to delete.</summary>
    public IReadOnlyList<RecordRef> Refs { get; }

    /// <summary>The actors the write deletes: their <see cref="StoredRecord.Relations"/> are needed.</summary>
    public IReadOnlyList<string> DeletedActors { get; }

    /// <summary>The sources the write deletes: their <see cref="StoredRecord.Citers"/> are needed.</summary>
    public IReadOnlyList<string> DeletedSources { get; }

    /// <summary>
    /// Checks preconditions, deletes' existence and records both written and deleted against what is stored for
    /// <see cref="Refs"/> (a record absent from <paramref name="stored"/> is not stored). Null when they pass.
    /// </summary>
    public WriteResult? CheckStored(IReadOnlyDictionary<RecordRef, StoredRecord> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        _stored = stored;
        foreach (var (record, expected) in _preconditions)
        {
            var current = stored.GetValueOrDefault(record)?.Version;
            if (expected is null ? current is not null : !string.Equals(current, expected, StringComparison.OrdinalIgnoreCase))
            {
                return WriteResult.Failed(WriteStatus.PreconditionFailed, WriteMessages.Precondition(record, expected, current), record);
            }
        }

        if (_deletes.FirstOrDefault(r => !stored.ContainsKey(r)) is { } missing)
        {
            return WriteResult.Failed(WriteStatus.NotFound, WriteMessages.NotFound(missing), missing);
        }

        // Deletes are few; an import's upserts may be a million. Walk the upserts against the deletes, not the reverse.
        if (_deletes.Count == 0)
        {
            return null;
        }

        var deleting = _deletes.ToHashSet();
        return Upserted().FirstOrDefault(deleting.Contains) is { } both
            ? WriteResult.Failed(WriteStatus.Invalid, WriteMessages.WrittenAndDeleted(both), both)
            : null;
    }

    /// <summary>
    /// After <see cref="CheckStored"/>: decides whether the deletes may go after the upserts, and which relations a
    /// cascade adds. The deletes when they may; the refusal otherwise.
    /// </summary>
    public (PlannedDeletes Deletes, WriteResult? Refusal) PlanDeletes()
    {
        if (_deletes.Count == 0)
        {
            return (PlannedDeletes.None, null);
        }

        var upsertedActors = _write.Upserts.Actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var upsertedRelations = _write.Upserts.Relations.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var deletedActorSet = DeletedActors.ToHashSet(StringComparer.Ordinal);
        var deletedSourceSet = DeletedSources.ToHashSet(StringComparer.Ordinal);

        // An upsert that refers to a record the same write deletes: the write contradicts itself.
        var contradiction =
            upsertedRelations.Values.SelectMany(r => new[] { r.From, r.To }.Where(deletedActorSet.Contains).Select(a => (Offender: RecordRef.RelationOf(r.Id), Target: RecordRef.ActorOf(a))))
            .Concat(upsertedRelations.Values.SelectMany(r => r.Sources.Select(c => c.SourceId).Where(deletedSourceSet.Contains).Select(s => (Offender: RecordRef.RelationOf(r.Id), Target: RecordRef.SourceOf(s)))))
            .Concat(upsertedActors.Values.SelectMany(a => (a.Sources ?? []).Select(c => c.SourceId).Where(deletedSourceSet.Contains).Select(s => (Offender: RecordRef.ActorOf(a.Id), Target: RecordRef.SourceOf(s)))))
            .OrderBy(c => WireNames.Of(c.Offender.Kind), StringComparer.Ordinal)
            .ThenBy(c => c.Offender.Id, StringComparer.Ordinal)
            .ThenBy(c => c.Target.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (contradiction is ({ } offender, { } target))
        {
            return (PlannedDeletes.None, WriteResult.Failed(WriteStatus.Invalid, WriteMessages.Contradiction(offender, target), offender));
        }

        // The relations that use each deleted actor after the upserts: the stored ones that no upsert moved elsewhere.
        var relationDeletes = IdsOf(RecordKind.Relation).ToHashSet(StringComparer.Ordinal);
        var users = DeletedActors.ToDictionary(
            a => a,
            a => _stored[RecordRef.ActorOf(a)].Relations.Where(r => !upsertedRelations.ContainsKey(r)).Distinct(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
        if (_write.Cascade)
        {
            relationDeletes.UnionWith(users.Values.SelectMany(r => r));
        }
        else
        {
            foreach (var actor in DeletedActors)
            {
                var count = users[actor].Count(r => !relationDeletes.Contains(r));
                if (count > 0)
                {
                    var record = RecordRef.ActorOf(actor);
                    return (PlannedDeletes.None, WriteResult.Failed(WriteStatus.Conflict, WriteMessages.StillHasRelations(record, count), record));
                }
            }
        }

        foreach (var source in DeletedSources)
        {
            var count = _stored[RecordRef.SourceOf(source)].Citers.Distinct().Count(c => c.Kind switch
            {
                RecordKind.Actor => !upsertedActors.ContainsKey(c.Id) && !deletedActorSet.Contains(c.Id),
                _ => !upsertedRelations.ContainsKey(c.Id) && !relationDeletes.Contains(c.Id),
            });
            if (count > 0)
            {
                var record = RecordRef.SourceOf(source);
                return (PlannedDeletes.None, WriteResult.Failed(WriteStatus.Conflict, WriteMessages.StillCited(record, count), record));
            }
        }

        return (new PlannedDeletes([.. relationDeletes.Order(StringComparer.Ordinal)], DeletedActors, DeletedSources), null);
    }

    private List<string> IdsOf(RecordKind kind) => [.. _deletes.Where(r => r.Kind == kind).Select(r => r.Id)];

    private IEnumerable<RecordRef> Upserted() =>
        _write.Upserts.Sources.Select(s => RecordRef.SourceOf(s.Id))
            .Concat(_write.Upserts.Actors.Select(a => RecordRef.ActorOf(a.Id)))
            .Concat(_write.Upserts.Relations.Select(r => RecordRef.RelationOf(r.Id)));
}
