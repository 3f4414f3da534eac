using IomGraph.Core.Model;

namespace IomGraph.Core.Storage.Writing;

/// <summary>One record of a bundle in its stored form: canonical JSON and its SHA-256 (<see cref="CanonicalJson"/>).</summary>
public sealed record Encoded<T>(T Record, string Id, string Json, byte[] Hash)
{
    /// <summary>The version tag (<see cref="RecordVersion"/>): the hash in lower-case hex.</summary>
    public string Version { get; } = Convert.ToHexStringLower(Hash);
}

/// <summary>
/// A bundle made ready for a store that holds it whole in memory while it writes: every id checked to be held once,
/// every record encoded (in parallel: serialising and hashing is most of the client side of a large bundle), and the
/// bundle's fingerprint. A store that streams a bundle uses <see cref="BundleEncoding.EncodeInBatches"/> instead.
/// </summary>
public sealed class PreparedBundle
{
    private PreparedBundle(GraphBundle bundle)
    {
        Bundle = bundle;
        Sources = BundleEncoding.EncodeAll(bundle.Sources, s => s.Id, CanonicalJson.Encode);
        Actors = BundleEncoding.EncodeAll(bundle.Actors, a => a.Id, CanonicalJson.Encode);
        Relations = BundleEncoding.EncodeAll(bundle.Relations, r => r.Id, CanonicalJson.Encode);
        Fingerprint = CanonicalJson.Fingerprint(
            Sources.Select(s => (s.Id, s.Hash)), Actors.Select(a => (a.Id, a.Hash)), Relations.Select(r => (r.Id, r.Hash)));
    }

    public GraphBundle Bundle { get; }

    public IReadOnlyList<Encoded<Source>> Sources { get; }

    public IReadOnlyList<Encoded<Actor>> Actors { get; }

    public IReadOnlyList<Encoded<Relation>> Relations { get; }

    /// <summary>The bundle's fingerprint (<see cref="CanonicalJson.Fingerprint(GraphBundle)"/>).</summary>
    public string Fingerprint { get; }

    /// <summary>Checks the ids and encodes the records. Throws <see cref="InvalidBundleException"/> for an id held twice.</summary>
    public static PreparedBundle Prepare(GraphBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        BundleEncoding.RejectDuplicates(bundle);
        return new PreparedBundle(bundle);
    }

    /// <summary>The version every record of the bundle has once written.</summary>
    public Dictionary<RecordRef, string> Versions()
    {
        var versions = new Dictionary<RecordRef, string>(Sources.Count + Actors.Count + Relations.Count);
        foreach (var source in Sources)
        {
            versions[RecordRef.SourceOf(source.Id)] = source.Version;
        }

        foreach (var actor in Actors)
        {
            versions[RecordRef.ActorOf(actor.Id)] = actor.Version;
        }

        foreach (var relation in Relations)
        {
            versions[RecordRef.RelationOf(relation.Id)] = relation.Version;
        }

        return versions;
    }
}

/// <summary>The store-neutral steps of writing a bundle: ids held once, records encoded, references outside it.</summary>
public static class BundleEncoding
{
    /// <summary>Throws <see cref="InvalidBundleException"/> for the first id the bundle holds twice: sources, then actors, then relations.</summary>
    public static void RejectDuplicates(GraphBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        Reject(bundle.Sources.Select(s => s.Id), RecordKind.Source);
        Reject(bundle.Actors.Select(a => a.Id), RecordKind.Actor);
        Reject(bundle.Relations.Select(r => r.Id), RecordKind.Relation);

        static void Reject(IEnumerable<string> ids, RecordKind kind)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                if (!seen.Add(id))
                {
                    throw new InvalidBundleException(WriteMessages.Duplicate(kind, id), new RecordRef(kind, id));
                }
            }
        }
    }

    /// <summary>Encodes every record, on every core when there are enough of them to pay for it.</summary>
    public static IReadOnlyList<Encoded<T>> EncodeAll<T>(IReadOnlyList<T> records, Func<T, string> id, Func<T, EncodedRecord> encode)
    {
        var encoded = new Encoded<T>[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = records.Count < 256 ? 1 : -1 }, i =>
        {
            var record = encode(records[i]);
            encoded[i] = new Encoded<T>(records[i], id(records[i]), record.Json, record.Hash);
        });
        return encoded;
    }

    /// <summary>
    /// Encodes the records a batch at a time, each batch on every core, and yields them in order: memory stays bounded
    /// while the caller writes each record on its one connection.
    /// </summary>
    public static IEnumerable<(T Record, EncodedRecord Encoded)> EncodeInBatches<T>(IReadOnlyList<T> records, Func<T, EncodedRecord> encode)
    {
        const int BatchSize = 4096;
        var batch = new EncodedRecord[Math.Min(BatchSize, records.Count)];
        for (var start = 0; start < records.Count; start += BatchSize)
        {
            var offset = start;
            var count = Math.Min(BatchSize, records.Count - start);
            if (count < 64)
            {
                for (var i = 0; i < count; i++)
                {
                    batch[i] = encode(records[offset + i]);
                }
            }
            else
            {
                Parallel.For(0, count, i => batch[i] = encode(records[offset + i]));
            }

            for (var i = 0; i < count; i++)
            {
                yield return (records[offset + i], batch[i]);
            }
        }
    }
}
