using IomGraph.Core.Storage;

namespace IomGraph.Api.Application;

/// <summary>
/// The version of the whole graph, <c>{first 12 hex digits of the seed fingerprint}.{last change sequence}</c>
/// ("3f9a0c1d2e4b.1287"): which seed the store holds and how far its change log has gone. Every write that changes a
/// record, seeds and imports included, logs a change, so two answers with the same version come from the same graph.
/// Held for at most <see cref="Lifetime"/>; this process's own writes, imports and seeds forget it at once, so the next
/// answer on this instance names the version they made. Another instance's write is seen within <see cref="Lifetime"/>.
/// </summary>
public sealed class GraphVersion(IGraphReader graph, TimeProvider time)
{
    /// <summary>The response header that carries it.</summary>
    public const string HeaderName = "Graph-Version";

    /// <summary>What stands for the fingerprint in a store that was never seeded.</summary>
    public const string Unseeded = "unseeded";

    /// <summary>How long a version read from the store is used before the store is asked again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private Snapshot? _current;
    private long _generation;

    /// <summary>The current version: from memory when it is fresh, otherwise two cheap reads of the store.</summary>
    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && time.GetUtcNow() - current.LoadedAt < Lifetime)
        {
            return current.Value;
        }

        var generation = Interlocked.Read(ref _generation);
        var loadedAt = time.GetUtcNow();
        var seed = await graph.GetSeedStateAsync(cancellationToken);
        var sequence = await graph.GetLastChangeSequenceAsync(cancellationToken);
        var value = Format(seed?.Fingerprint, sequence);

        // A write that forgot the version while it was being read may not be in what was read: keep it only if none did.
        var loaded = new Snapshot(value, loadedAt);
        if (Interlocked.Read(ref _generation) == generation)
        {
            Interlocked.CompareExchange(ref _current, loaded, current);
        }

        return value;
    }

    /// <summary>Raised by <see cref="Invalidate"/>, after the version is forgotten: what this process holds of the old graph may go.</summary>
    public event EventHandler? Invalidated;

    /// <summary>Forgets the version, after a write, an import or a seed through this process.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _current, null);
        Invalidated?.Invoke(this, EventArgs.Empty);
    }

    /// <summary><c>{first 12 hex digits of the fingerprint}.{sequence}</c>, or <c>unseeded.{sequence}</c>.</summary>
    public static string Format(string? fingerprint, long sequence) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{(string.IsNullOrEmpty(fingerprint) ? Unseeded : fingerprint[..Math.Min(12, fingerprint.Length)].ToLowerInvariant())}.{sequence}");

    private sealed record Snapshot(string Value, DateTimeOffset LoadedAt);
}
