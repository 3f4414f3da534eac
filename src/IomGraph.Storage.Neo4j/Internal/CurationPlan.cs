using System.Globalization;
using System.Text.Json;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// The checks of one <see cref="CurationWrite"/>, made by <see cref="BundleWriter"/> inside the write's transaction from
/// what <see cref="CypherCatalogue.CurationCheck"/> read under the change log's lock. They follow the SQLite store's
/// order, and the first that fails decides: preconditions (in kind, then id order), deletes of records that do not
/// exist, records both written and deleted, the upserts' own references (checked by the bundle writer), upserts that
/// refer to a record the write deletes, actors still used by relations (unless cascading), sources still cited. Deletes
/// are judged against the graph after the upserts: an upserted relation uses the actors it names now, and an upserted
/// record cites the sources it cites now.
/// </summary>
internal sealed class CurationPlan
{
    private readonly CurationWrite _write;
    private readonly List<KeyValuePair<RecordRef, string?>> _preconditions;
    private readonly List<RecordRef> _deletes;
    private readonly Dictionary<RecordRef, Stored> _stored = [];

    public CurationPlan(CurationWrite write)
    {
        _write = write;
        _preconditions = [.. (write.Preconditions ?? new Dictionary<RecordRef, string?>()).OrderBy(p => p.Key.Kind).ThenBy(p => p.Key.Id, StringComparer.Ordinal)];
        _deletes = [.. write.Deletes.Distinct().OrderBy(r => r.Kind).ThenBy(r => r.Id, StringComparer.Ordinal)];
        Refs = [.. _preconditions.Select(p => p.Key).Concat(_deletes).Distinct()];
    }

    /// <summary>The records whose stored state the checks need: those the preconditions name and those to delete.</summary>
    public IReadOnlyList<RecordRef> Refs { get; }

    /// <summary>The ids of the records a write deletes, by kind, each in ordinal id order (the order they are logged in).</summary>
    public sealed record Deletes(List<string> Relations, List<string> Actors, List<string> Sources)
    {
        public static Deletes None => new([], [], []);
    }

    private sealed record Stored(string Hash, List<string> Relations, List<RecordRef> Citers);

    public static string KindName(RecordKind kind) => kind switch
    {
        RecordKind.Source => "source",
        RecordKind.Actor => "actor",
        RecordKind.Relation => "relation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a record kind."),
    };

    public static RecordRef Ref(string kind, string id) => kind switch
    {
        "source" => RecordRef.SourceOf(id),
        "actor" => RecordRef.ActorOf(id),
        "relation" => RecordRef.RelationOf(id),
        _ => throw new InvalidDataException($"'{kind}' is not a record kind."),
    };

    public List<Dictionary<string, object?>> RefRows() =>
        [.. Refs.Select(r => new Dictionary<string, object?> { ["kind"] = KindName(r.Kind), ["id"] = r.Id })];

    /// <summary>Reads the stored state of <see cref="Refs"/> and checks preconditions, deletes' existence and contradictions; null when they pass.</summary>
    public WriteResult? CheckStored(CypherResult? check)
    {
        if (check is not null)
        {
            var (kind, id, hash, relations, citers) =
                (check.Column("kind"), check.Column("id"), check.Column("hash"), check.Column("relations"), check.Column("citers"));
            foreach (var row in check.Rows)
            {
                if (Rows.Text(row[hash]) is not { } stored)
                {
                    continue;
                }

                _stored[Ref(Rows.RequiredText(row[kind]), Rows.RequiredText(row[id]))] = new Stored(
                    stored,
                    [.. Rows.Strings(row[relations]).Distinct(StringComparer.Ordinal)],
                    [.. Citers(row[citers]).Distinct()]);
            }
        }

        foreach (var (record, expected) in _preconditions)
        {
            var current = _stored.GetValueOrDefault(record)?.Hash;
            if (expected is null ? current is not null : !string.Equals(current, expected, StringComparison.OrdinalIgnoreCase))
            {
                var message = (expected, current) switch
                {
                    (null, _) => $"The {record} already exists.",
                    (_, null) => $"The {record} does not exist.",
                    _ => $"The {record} is at version {current}, not {expected}.",
                };
                return WriteResult.Failed(WriteStatus.PreconditionFailed, message, record);
            }
        }

        if (_deletes.FirstOrDefault(r => !_stored.ContainsKey(r)) is { } missing)
        {
            return WriteResult.Failed(WriteStatus.NotFound, $"The {missing} does not exist.", missing);
        }

        var upserted = Upserted().ToHashSet();
        return _deletes.FirstOrDefault(upserted.Contains) is { } both
            ? WriteResult.Failed(WriteStatus.Invalid, $"The {both} is both written and deleted by one write.", both)
            : null;
    }

    /// <summary>
    /// Decides whether the deletes may go after the upserts, and which relations a cascade adds. The deletes when they
    /// may; the refusal otherwise.
    /// </summary>
    public (Deletes Deletes, WriteResult? Refusal) PlanDeletes(IEnumerable<Actor> actors, IEnumerable<Relation> relations)
    {
        var upsertedActors = actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var upsertedRelations = relations.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var deletedActors = IdsOf(RecordKind.Actor);
        var deletedSources = IdsOf(RecordKind.Source);
        var deletedActorSet = deletedActors.ToHashSet(StringComparer.Ordinal);
        var deletedSourceSet = deletedSources.ToHashSet(StringComparer.Ordinal);

        // An upsert that refers to a record the same write deletes: the write contradicts itself.
        var contradiction =
            upsertedRelations.Values.SelectMany(r => new[] { r.From, r.To }.Where(deletedActorSet.Contains).Select(a => (Offender: RecordRef.RelationOf(r.Id), Target: RecordRef.ActorOf(a))))
            .Concat(upsertedRelations.Values.SelectMany(r => r.Sources.Select(c => c.SourceId).Where(deletedSourceSet.Contains).Select(s => (Offender: RecordRef.RelationOf(r.Id), Target: RecordRef.SourceOf(s)))))
            .Concat(upsertedActors.Values.SelectMany(a => (a.Sources ?? []).Select(c => c.SourceId).Where(deletedSourceSet.Contains).Select(s => (Offender: RecordRef.ActorOf(a.Id), Target: RecordRef.SourceOf(s)))))
            .OrderBy(c => KindName(c.Offender.Kind), StringComparer.Ordinal)
            .ThenBy(c => c.Offender.Id, StringComparer.Ordinal)
            .ThenBy(c => c.Target.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (contradiction is ({ } offender, { } target))
        {
            return (Deletes.None, WriteResult.Failed(WriteStatus.Invalid, $"The {offender} refers to the {target}, which the same write deletes.", offender));
        }

        // The relations that use each deleted actor after the upserts: the stored ones that no upsert moved elsewhere.
        var relationDeletes = IdsOf(RecordKind.Relation).ToHashSet(StringComparer.Ordinal);
        var users = deletedActors.ToDictionary(
            a => a,
            a => _stored[RecordRef.ActorOf(a)].Relations.Where(r => !upsertedRelations.ContainsKey(r)).ToList(),
            StringComparer.Ordinal);
        if (_write.Cascade)
        {
            relationDeletes.UnionWith(users.Values.SelectMany(r => r));
        }
        else
        {
            foreach (var actor in deletedActors)
            {
                var count = users[actor].Count(r => !relationDeletes.Contains(r));
                if (count > 0)
                {
                    var record = RecordRef.ActorOf(actor);
                    return (Deletes.None, WriteResult.Failed(
                        WriteStatus.Conflict,
                        string.Create(CultureInfo.InvariantCulture, $"The {record} still has {count} relation{(count == 1 ? string.Empty : "s")}: delete them in the same write, or cascade."),
                        record));
                }
            }
        }

        foreach (var source in deletedSources)
        {
            var count = _stored[RecordRef.SourceOf(source)].Citers.Count(c => c.Kind switch
            {
                RecordKind.Actor => !upsertedActors.ContainsKey(c.Id) && !deletedActorSet.Contains(c.Id),
                _ => !upsertedRelations.ContainsKey(c.Id) && !relationDeletes.Contains(c.Id),
            });
            if (count > 0)
            {
                var record = RecordRef.SourceOf(source);
                return (Deletes.None, WriteResult.Failed(
                    WriteStatus.Conflict,
                    string.Create(CultureInfo.InvariantCulture, $"The {record} is still cited by {count} record{(count == 1 ? string.Empty : "s")}: delete or change them first."),
                    record));
            }
        }

        return (new Deletes([.. relationDeletes.Order(StringComparer.Ordinal)], deletedActors, deletedSources), null);
    }

    private List<string> IdsOf(RecordKind kind) => [.. _deletes.Where(r => r.Kind == kind).Select(r => r.Id)];

    private IEnumerable<RecordRef> Upserted() =>
        _write.Upserts.Sources.Select(s => RecordRef.SourceOf(s.Id))
            .Concat(_write.Upserts.Actors.Select(a => RecordRef.ActorOf(a.Id)))
            .Concat(_write.Upserts.Relations.Select(r => RecordRef.RelationOf(r.Id)));

    private static IEnumerable<RecordRef> Citers(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(c => Ref(Rows.RequiredText(c.GetProperty("kind")), Rows.RequiredText(c.GetProperty("id"))))
            : [];
}
