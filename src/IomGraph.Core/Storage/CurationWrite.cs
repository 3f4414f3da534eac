using IomGraph.Core.Model;

namespace IomGraph.Core.Storage;

/// <summary>
/// One atomic write, the one shape of every write: a curator's, an import's and a seed's (<see cref="Seed"/>).
/// </summary>
/// <param name="Author">Who writes: the API key's name, <see cref="SeedAuthor"/> or "import-cli".</param>
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
    /// <summary>The author of every seed write.</summary>
    public const string SeedAuthor = "seed";

    /// <summary>
    /// True for a seed: the bundle is the whole seed, so the seed-owned records it no longer holds are removed, and its
    /// fingerprint is recorded (see <see cref="IGraphWriter"/>). A seed carries no deletes or preconditions of its own.
    /// </summary>
    public bool IsSeed { get; private init; }

    /// <summary>
    /// Whether the result lists the version of every record the write holds (<see cref="WriteResult.Versions"/>), true by
    /// default: a curator's write answers with them as ETags. An import reports counts only, and at a million records the
    /// versions would hold some 250 MB until the write ends, so it asks for none and gets an empty list.
    /// </summary>
    public bool ReportsVersions { get; init; } = true;

    public static CurationWrite Upsert(string author, GraphBundle bundle) => new(author, bundle, []);

    /// <summary>An import of <paramref name="bundle"/>: an upsert that reports counts, not versions (<see cref="ReportsVersions"/>).</summary>
    public static CurationWrite Import(string author, GraphBundle bundle) => Upsert(author, bundle) with { ReportsVersions = false };

    /// <summary>The write that applies <paramref name="bundle"/> as the whole seed.</summary>
    public static CurationWrite Seed(GraphBundle bundle) => new(SeedAuthor, bundle, []) { IsSeed = true };
}
