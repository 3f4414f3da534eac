using System.Collections.Immutable;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Storage.Writing;

namespace IomGraph.Testing.InMemory;

/// <summary>
/// Applies one <see cref="CurationWrite"/> to a <see cref="GraphSnapshot"/> by Core's rules, as the SQLite and Neo4j
/// stores apply it inside a transaction: <see cref="CurationChecks"/> (what is stored for the records the write names,
/// then its deletes), <see cref="PreparedBundle"/> (ids held once, records encoded, the fingerprint),
/// <see cref="BundleReferences"/> (what the bundle needs that neither it nor the store holds), <see cref="RecordStates"/>
/// and <see cref="ChangeTimes"/>. This class only reads the snapshot for them and builds the next one from what they
/// allow; a refusal builds nothing.
/// </summary>
internal static class GraphWrite
{
    /// <summary>The next state and what the write did; no next state when the write is refused.</summary>
    public static (GraphSnapshot? Next, WriteResult Result) Apply(GraphSnapshot graph, CurationWrite write, DateTimeOffset now)
    {
        try
        {
            return write.IsSeed ? Seed(graph, write, now) : Curate(graph, write, now);
        }
        catch (InvalidBundleException e)
        {
            return (null, e.ToResult());
        }
    }

    private static (GraphSnapshot?, WriteResult) Curate(GraphSnapshot graph, CurationWrite write, DateTimeOffset now)
    {
        var checks = new CurationChecks(write);
        if (checks.CheckStored(Stored(graph, checks)) is { } refused)
        {
            return (null, refused);
        }

        var bundle = Prepare(graph, write.Upserts);
        var (deletes, refusal) = checks.PlanDeletes();
        return refusal is not null ? (null, refusal) : Commit(graph, bundle, write, deletes, seed: false, now);
    }

    private static (GraphSnapshot?, WriteResult) Seed(GraphSnapshot graph, CurationWrite write, DateTimeOffset now)
    {
        var bundle = Prepare(graph, write.Upserts);
        return Commit(graph, bundle, write, SeedRemovals(graph, bundle.Bundle), seed: true, now);
    }

    /// <summary>What the checks need of the records they name: the version, the relations using an actor, what cites a source.</summary>
    private static Dictionary<RecordRef, StoredRecord> Stored(GraphSnapshot graph, CurationChecks checks)
    {
        var stored = new Dictionary<RecordRef, StoredRecord>();
        foreach (var record in checks.Refs)
        {
            if (graph.Find(record) is not { } found)
            {
                continue;
            }

            stored[record] = record.Kind switch
            {
                RecordKind.Actor => new StoredRecord(found.Version, [.. graph.RelationsOf(record.Id).Select(r => r.Id)], []),
                RecordKind.Source => new StoredRecord(found.Version, [], [.. graph.CitersOf(record.Id)]),
                _ => StoredRecord.Of(found.Version),
            };
        }

        return stored;
    }

    /// <summary>Encodes the bundle; refuses one that holds an id twice or refers to a record that neither it nor the store holds.</summary>
    private static PreparedBundle Prepare(GraphSnapshot graph, GraphBundle upserts)
    {
        var bundle = PreparedBundle.Prepare(upserts);
        var (actors, sources) = BundleReferences.Of(upserts);
        return BundleReferences.Refusal(upserts, actors.Where(id => !graph.Actors.ContainsKey(id)), sources.Where(id => !graph.Sources.ContainsKey(id))) is { } invalid
            ? throw invalid
            : bundle;
    }

    /// <summary>
    /// What a seed removes: the records a seed wrote last that this one no longer holds, relations first; an actor or a
    /// source only when nothing that stays, after the seed's own upserts, still uses or cites it.
    /// </summary>
    private static PlannedDeletes SeedRemovals(GraphSnapshot graph, GraphBundle bundle)
    {
        var (heldSources, heldActors, heldRelations) = (Ids(bundle.Sources, s => s.Id), Ids(bundle.Actors, a => a.Id), Ids(bundle.Relations, r => r.Id));
        var relations = Ids(graph.Relations.Where(r => r.Value.SeedOwned && !heldRelations.Contains(r.Key)), r => r.Key);
        var staying = graph.AllRelations.Where(r => !heldRelations.Contains(r.Id) && !relations.Contains(r.Id)).Concat(bundle.Relations).ToList();
        var used = staying.SelectMany(r => new[] { r.From, r.To }).ToHashSet(StringComparer.Ordinal);
        var actors = Ids(graph.Actors.Where(a => a.Value.SeedOwned && !heldActors.Contains(a.Key) && !used.Contains(a.Key)), a => a.Key);
        var stayingActors = graph.Actors.Values.Select(a => a.Record).Where(a => !heldActors.Contains(a.Id) && !actors.Contains(a.Id)).Concat(bundle.Actors);
        var cited = staying.SelectMany(r => r.Sources).Concat(stayingActors.SelectMany(a => a.Sources ?? [])).Select(c => c.SourceId).ToHashSet(StringComparer.Ordinal);
        var sources = graph.Sources.Keys.Where(id => graph.Sources[id].SeedOwned && !heldSources.Contains(id) && !cited.Contains(id));

        // Each kind in ordinal id order, the order its removals are logged in.
        return new PlannedDeletes([.. relations.Order(StringComparer.Ordinal)], [.. actors.Order(StringComparer.Ordinal)], [.. sources]);

        static HashSet<string> Ids<T>(IEnumerable<T> records, Func<T, string> id) => records.Select(id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Writes the created and updated records and the deletes into the next state, logging each in replay order (upserts
    /// of sources, actors, relations, then deletes of relations, actors, sources; by id within each) under one time.
    /// </summary>
    private static (GraphSnapshot, WriteResult) Commit(GraphSnapshot graph, PreparedBundle bundle, CurationWrite write, PlannedDeletes deletes, bool seed, DateTimeOffset now)
    {
        var log = new ChangeLog(graph, write.Author, ChangeTimes.Stamp(now.ToUniversalTime(), graph.LastChangeAt));
        var overwritten = 0;
        var (sources, actors, relations) = (graph.Sources.ToBuilder(), graph.Actors.ToBuilder(), graph.Relations.ToBuilder());
        var sourceStates = Upsert(sources, bundle.Sources, RecordKind.Source, seed, log, ref overwritten);
        var actorStates = Upsert(actors, bundle.Actors, RecordKind.Actor, seed, log, ref overwritten);
        var relationStates = Upsert(relations, bundle.Relations, RecordKind.Relation, seed, log, ref overwritten);
        Delete(relations, deletes.Relations, RecordKind.Relation, log);
        Delete(actors, deletes.Actors, RecordKind.Actor, log);
        Delete(sources, deletes.Sources, RecordKind.Source, log);

        var next = graph with
        {
            Sources = sources.ToImmutable(),
            Actors = actors.ToImmutable(),
            Relations = relations.ToImmutable(),
            Changes = log.Entries.ToImmutable(),
            Seed = seed ? new SeedState(bundle.Fingerprint, now.ToUniversalTime()) : graph.Seed,
        };
        var counts = new BundleResult(
            RecordStates.Count(sourceStates, deletes.Sources.Count),
            RecordStates.Count(actorStates, deletes.Actors.Count),
            RecordStates.Count(relationStates, deletes.Relations.Count));
        return (next, new WriteResult(WriteStatus.Applied, counts, write.ReportsVersions ? bundle.Versions() : []) { Overwritten = overwritten });
    }

    /// <summary>
    /// Writes the created and updated records of one kind, owned by a seed when the write is one and by the write
    /// otherwise; a seed also claims the records it holds unchanged, so that a later seed may remove them (no change,
    /// so not logged). Counts the records a seed replaced that another author wrote last.
    /// </summary>
    private static RecordState[] Upsert<T>(
        ImmutableSortedDictionary<string, InMemoryRecord<T>>.Builder table, IReadOnlyList<Encoded<T>> records, RecordKind kind, bool seed, ChangeLog log, ref int overwritten)
    {
        var states = new RecordState[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            states[i] = RecordStates.Of(table.GetValueOrDefault(records[i].Id)?.Version, records[i].Version);
        }

        foreach (var record in records.Where((_, i) => states[i] != RecordState.Unchanged).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var stored = table.GetValueOrDefault(record.Id);
            log.Add(new RecordRef(kind, record.Id), stored is null ? ChangeOperation.Create : ChangeOperation.Update, stored?.Json, record.Json);
            overwritten += seed && stored is { SeedOwned: false } ? 1 : 0;
            table[record.Id] = InMemoryRecord<T>.Of(record, seedOwned: seed);
        }

        foreach (var record in records.Where((_, i) => seed && states[i] == RecordState.Unchanged))
        {
            table[record.Id] = table[record.Id] with { SeedOwned = true };
        }

        return states;
    }

    private static void Delete<T>(ImmutableSortedDictionary<string, InMemoryRecord<T>>.Builder table, IReadOnlyList<string> ids, RecordKind kind, ChangeLog log)
    {
        foreach (var id in ids)
        {
            log.Add(new RecordRef(kind, id), ChangeOperation.Delete, table[id].Json, null);
            table.Remove(id);
        }
    }

    /// <summary>The entries of one write: one author and one time, sequence numbers following the log's last.</summary>
    private sealed class ChangeLog(GraphSnapshot graph, string author, DateTimeOffset at)
    {
        private long _sequence = graph.LastSequence;

        public ImmutableList<ChangeEntry>.Builder Entries { get; } = graph.Changes.ToBuilder();

        public void Add(RecordRef record, ChangeOperation operation, string? before, string? after) =>
            Entries.Add(new ChangeEntry(++_sequence, at, author, record, operation, before, after));
    }
}
