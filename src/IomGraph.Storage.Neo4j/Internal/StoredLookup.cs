using System.Text.Json;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Storage.Writing;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// The first request of a write: the change log's lock first, so that writers serialise before they read; then what the
/// store holds of what the write touches: the state <see cref="CurationChecks"/> needs, the stored hash of every id in
/// the bundle, which references the bundle needs but does not hold the store lacks, and (seed) the ids the last seed
/// owns. Each answer is read when it is asked for.
/// </summary>
internal sealed class StoredLookup
{
    private static readonly string[] AllTypes = [.. RelationTypes.Names];

    private readonly PreparedBundle _bundle;
    private readonly List<CypherStatement> _statements = [];
    private readonly int _counter;
    private readonly int _check;
    private readonly List<int> _sourceHashes;
    private readonly List<int> _actorHashes;
    private readonly List<int> _relationHashes;
    private readonly int _missingActors;
    private readonly int _missingSources;
    private readonly int[] _owned;
    private IReadOnlyList<CypherResult> _found = [];

    private StoredLookup(PreparedBundle bundle, CurationWrite write, CurationChecks? curation, int batchSize)
    {
        _bundle = bundle;
        _counter = Add(CypherCatalogue.LockChanges.With(("key", CypherCatalogue.ChangesKey), ("holder", Guid.NewGuid().ToString("N"))));
        _check = curation is { Refs.Count: > 0 } ? Add(CypherCatalogue.CurationCheck.With(("refs", RefRows(curation.Refs)), ("types", AllTypes))) : -1;
        _sourceHashes = Chunked(CypherCatalogue.StoredSourceHashes, bundle.Sources.Select(s => s.Id), batchSize);
        _actorHashes = Chunked(CypherCatalogue.StoredActorHashes, bundle.Actors.Select(a => a.Id), batchSize);
        _relationHashes = Chunked(CypherCatalogue.StoredRelationHashes, bundle.Relations.Select(r => r.Id), batchSize);
        var (actorRefs, sourceRefs) = BundleReferences.Of(bundle.Bundle);
        _missingActors = actorRefs.Count == 0 ? -1 : Add(CypherCatalogue.MissingActors.With(("ids", actorRefs), ("take", WriteMessages.MissingListed + 1)));
        _missingSources = sourceRefs.Count == 0 ? -1 : Add(CypherCatalogue.MissingSources.With(("ids", sourceRefs), ("take", WriteMessages.MissingListed + 1)));
        _owned = write.IsSeed
            ? [.. new[] { CypherCatalogue.SeedOwnedSources, CypherCatalogue.SeedOwnedActors, CypherCatalogue.SeedOwnedRelations }.Select(q => Add(q.With(("origin", BundleWriter.OriginOf(write)))))]
            : [];
    }

    /// <summary>Sends the lookups as one request of <paramref name="transaction"/>.</summary>
    public static async Task<StoredLookup> ReadAsync(
        ICypherTransaction transaction, PreparedBundle bundle, CurationWrite write, CurationChecks? curation, int batchSize, CancellationToken cancellationToken)
    {
        var lookup = new StoredLookup(bundle, write, curation, batchSize);
        lookup._found = await transaction.ExecuteAsync(lookup._statements, cancellationToken);
        return lookup;
    }

    /// <summary>The change log's next sequence number.</summary>
    public long NextSequence => Rows.Long(Counter("next"));

    /// <summary>The time of the change log's last entry.</summary>
    public DateTimeOffset LastChange => new(Rows.Long(Counter("lastTicks")), TimeSpan.Zero);

    /// <summary>What <see cref="CypherCatalogue.CurationCheck"/> read: each stored record's hash, the relations that use it and what cites it.</summary>
    public Dictionary<RecordRef, StoredRecord> Checked()
    {
        var stored = new Dictionary<RecordRef, StoredRecord>();
        if (_check < 0)
        {
            return stored;
        }

        var check = _found[_check];
        var (kind, id, hash, relations, citers) =
            (check.Column("kind"), check.Column("id"), check.Column("hash"), check.Column("relations"), check.Column("citers"));
        foreach (var row in check.Rows)
        {
            if (Rows.Text(row[hash]) is { } version)
            {
                stored[new RecordRef(WireNames.Parse<RecordKind>(Rows.RequiredText(row[kind])), Rows.RequiredText(row[id]))] =
                    new StoredRecord(version, [.. Rows.Strings(row[relations])], [.. Citers(row[citers])]);
            }
        }

        return stored;
    }

    /// <summary>The actors the bundle refers to that neither it nor the store holds.</summary>
    public IEnumerable<string> MissingActors() => Ids(_missingActors);

    /// <summary>The sources the bundle cites that neither it nor the store holds.</summary>
    public IEnumerable<string> MissingSources() => Ids(_missingSources);

    public RecordState[] SourceStates() => States(_bundle.Sources, _sourceHashes);

    public RecordState[] ActorStates() => States(_bundle.Actors, _actorHashes);

    public RecordState[] RelationStates() => States(_bundle.Relations, _relationHashes);

    /// <summary>The sources the last seed owned that this seed no longer holds.</summary>
    public IEnumerable<string> DroppedSources() => Dropped(_found[_owned[0]], _bundle.Sources);

    /// <summary>The actors the last seed owned that this seed no longer holds.</summary>
    public IEnumerable<string> DroppedActors() => Dropped(_found[_owned[1]], _bundle.Actors);

    /// <summary>The relations the last seed owned that this seed no longer holds.</summary>
    public IEnumerable<string> DroppedRelations() => Dropped(_found[_owned[2]], _bundle.Relations);

    /// <summary>
    /// How many of the records a seed updates another author wrote last, those that no seed owns: the records the seed
    /// replaced (<see cref="WriteResult.Overwritten"/>). For a seed only.
    /// </summary>
    public int Replaced(PlannedRecords<Source> sources, PlannedRecords<Actor> actors, PlannedRecords<Relation> relations) =>
        Replaced(sources, _found[_owned[0]]) + Replaced(actors, _found[_owned[1]]) + Replaced(relations, _found[_owned[2]]);

    private int Add(CypherStatement statement)
    {
        _statements.Add(statement);
        return _statements.Count - 1;
    }

    /// <summary>Adds one lookup per chunk of ids and returns the positions of their results.</summary>
    private List<int> Chunked(CypherQuery query, IEnumerable<string> ids, int batchSize) =>
        [.. ids.Chunk(batchSize).Select(chunk => Add(query.With(("ids", chunk))))];

    private JsonElement Counter(string column)
    {
        var counter = _found[_counter];
        return counter.Rows[0][counter.Column(column)];
    }

    /// <summary>Created, updated or unchanged, by the hash stored under each record's id.</summary>
    private RecordState[] States<T>(IReadOnlyList<Encoded<T>> records, List<int> positions)
    {
        var stored = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var result in positions.Select(p => _found[p]))
        {
            var id = result.Column("id");
            var hash = result.Column("hash");
            foreach (var row in result.Rows)
            {
                stored[Rows.RequiredText(row[id])] = Rows.Text(row[hash]);
            }
        }

        return [.. records.Select(r => RecordStates.Of(stored.GetValueOrDefault(r.Id), r.Version))];
    }

    /// <summary>The ids a lookup of missing references found.</summary>
    private IEnumerable<string> Ids(int position)
    {
        if (position < 0)
        {
            return [];
        }

        var missing = _found[position];
        return missing.Rows.Select(row => Rows.RequiredText(row[missing.Column("id")]));
    }

    /// <summary>The ids a seed owned that the new seed no longer holds.</summary>
    private static IEnumerable<string> Dropped<T>(CypherResult owned, IReadOnlyList<Encoded<T>> records)
    {
        var kept = records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var id = owned.Column("id");
        return owned.Rows.Select(row => Rows.RequiredText(row[id])).Where(i => !kept.Contains(i)).Order(StringComparer.Ordinal);
    }

    private static int Replaced<T>(PlannedRecords<T> records, CypherResult owned)
    {
        var id = owned.Column("id");
        var seedOwned = owned.Rows.Select(row => Rows.RequiredText(row[id])).ToHashSet(StringComparer.Ordinal);
        return records.IdsIn(RecordState.Updated).Count(i => !seedOwned.Contains(i));
    }

    private static List<Dictionary<string, object?>> RefRows(IEnumerable<RecordRef> refs) =>
        [.. refs.Select(r => new Dictionary<string, object?> { ["kind"] = WireNames.Of(r.Kind), ["id"] = r.Id })];

    private static IEnumerable<RecordRef> Citers(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(c => new RecordRef(WireNames.Parse<RecordKind>(Rows.RequiredText(c.GetProperty("kind"))), Rows.RequiredText(c.GetProperty("id"))))
            : [];
}
