using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IomGraph.Core.Model;

/// <summary>A record's canonical JSON and the SHA-256 of its UTF-8 bytes: equal records, equal hashes.</summary>
public readonly record struct EncodedRecord(string Json, byte[] Hash);

/// <summary>
/// The one canonical form of each record, shared by every store: <see cref="GraphJson"/>'s shape with nulls kept and
/// external ids in ordinal key order, so that content, not construction order, decides whether a record changed.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static EncodedRecord Encode(Actor actor)
    {
        var canonical = actor.ExternalIds is { Count: > 1 } ids
            ? actor with { ExternalIds = new SortedDictionary<string, string>(ids.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal) }
            : actor;
        return Encode<Actor>(canonical);
    }

    public static EncodedRecord Encode(Relation relation) => Encode<Relation>(relation);

    public static EncodedRecord Encode(Source source) => Encode<Source>(source);

    /// <summary>
    /// The fingerprint of a whole bundle: its records' hashes in id order, per kind of record. Two bundles with the same
    /// records, in any order and from any files, share it. Stores record it when they apply a seed.
    /// </summary>
    public static string Fingerprint(GraphBundle bundle) => Fingerprint(
        bundle.Sources.Select(s => (s.Id, Encode(s).Hash)),
        bundle.Actors.Select(a => (a.Id, Encode(a).Hash)),
        bundle.Relations.Select(r => (r.Id, Encode(r).Hash)));

    /// <summary>The same fingerprint from (id, hash) pairs a store already holds, in any order.</summary>
    public static string Fingerprint(
        IEnumerable<(string Id, byte[] Hash)> sources,
        IEnumerable<(string Id, byte[] Hash)> actors,
        IEnumerable<(string Id, byte[] Hash)> relations)
    {
        using var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (kind, records) in new[] { ("sources", sources), ("actors", actors), ("relations", relations) })
        {
            fingerprint.AppendData(Encoding.UTF8.GetBytes(kind));
            foreach (var (id, hash) in records.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                fingerprint.AppendData(Encoding.UTF8.GetBytes(id));
                fingerprint.AppendData([0]);
                fingerprint.AppendData(hash);
            }
        }

        return Convert.ToHexStringLower(fingerprint.GetHashAndReset());
    }

    private static EncodedRecord Encode<T>(T record)
    {
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(record, Options);
        return new EncodedRecord(Encoding.UTF8.GetString(utf8), SHA256.HashData(utf8));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(GraphJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
