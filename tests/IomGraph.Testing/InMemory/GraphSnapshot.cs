using System.Collections.Immutable;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Testing.InMemory;

/// <summary>
/// One state of an in-memory graph, never changed once made: a write builds the next state from it, and a read works on
/// one state from start to end, as a read transaction would. Records are kept by id in ordinal order, the order every
/// listing by id and every export uses; the change log is a list, oldest first.
/// </summary>
internal sealed record GraphSnapshot(
    ImmutableSortedDictionary<string, InMemoryRecord<Source>> Sources,
    ImmutableSortedDictionary<string, InMemoryRecord<Actor>> Actors,
    ImmutableSortedDictionary<string, InMemoryRecord<Relation>> Relations,
    ImmutableList<ChangeEntry> Changes,
    SeedState? Seed)
{
    public static GraphSnapshot Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, InMemoryRecord<Source>>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, InMemoryRecord<Actor>>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, InMemoryRecord<Relation>>(StringComparer.Ordinal),
        [],
        null);

    /// <summary>The last entry's sequence number, 0 while the log is empty.</summary>
    public long LastSequence => Changes.IsEmpty ? 0 : Changes[^1].Sequence;

    /// <summary>The last entry's time, null while the log is empty.</summary>
    public DateTimeOffset? LastChangeAt => Changes.IsEmpty ? null : Changes[^1].At;

    public IEnumerable<Relation> AllRelations => Relations.Values.Select(r => r.Record);

    /// <summary>The relations with an end at the actor: each once, a relation from the actor to itself too.</summary>
    public IEnumerable<Relation> RelationsOf(string actorId) => AllRelations.Where(r => r.From == actorId || r.To == actorId);

    /// <summary>An actor's degree: all its relations in the graph, whatever a query keeps.</summary>
    public int Degree(string actorId) => RelationsOf(actorId).Count();

    /// <summary>The actors and relations that cite a source.</summary>
    public IEnumerable<RecordRef> CitersOf(string sourceId) =>
        Actors.Values.Where(a => (a.Record.Sources ?? []).Any(c => c.SourceId == sourceId)).Select(a => RecordRef.ActorOf(a.Record.Id))
            .Concat(AllRelations.Where(r => Cites(r, sourceId)).Select(r => RecordRef.RelationOf(r.Id)));

    public static bool Cites(Relation relation, string sourceId) => relation.Sources.Any(c => c.SourceId == sourceId);

    public ActorRef RefOf(string actorId) => ActorRef.Of(Actors[actorId].Record);

    public RelationView View(Relation relation) => new(relation, RefOf(relation.From), RefOf(relation.To));

    /// <summary>The record as stored, with its version, or null.</summary>
    public VersionedRecord? Find(RecordRef record) => record.Kind switch
    {
        RecordKind.Source => Versioned(record, Sources),
        RecordKind.Actor => Versioned(record, Actors),
        RecordKind.Relation => Versioned(record, Relations),
        _ => throw new ArgumentOutOfRangeException(nameof(record), record.Kind, "Not a record kind."),
    };

    private static VersionedRecord? Versioned<T>(RecordRef record, ImmutableSortedDictionary<string, InMemoryRecord<T>> table) =>
        table.TryGetValue(record.Id, out var stored) ? new VersionedRecord(record, stored.Json, stored.Version) : null;
}
