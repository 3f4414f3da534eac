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

    /// <summary>Forgets the version, after a write, an import or a seed through this process.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _current, null);
    }

    /// <summary><c>{first 12 hex digits of the fingerprint}.{sequence}</c>, or <c>unseeded.{sequence}</c>.</summary>
    public static string Format(string? fingerprint, long sequence) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{(string.IsNullOrEmpty(fingerprint) ? Unseeded : fingerprint[..Math.Min(12, fingerprint.Length)].ToLowerInvariant())}.{sequence}");

    private sealed record Snapshot(string Value, DateTimeOffset LoadedAt);
}

/// <summary>
/// Sends <see cref="GraphVersion.HeaderName"/> on every answer under <c>/api/v1</c>, HEAD and errors included. The version
/// is read when the answer starts, after the handler ran, so that a write's own answer names the version it made. An
/// answer that streams from the store (an export) reads it first, with <see cref="CaptureAsync"/>: once the store is
/// streaming, asking it again could wait on the stream it is feeding.
/// </summary>
public static partial class GraphVersionHeader
{
    public const string ApiPrefix = "/api/v1";

    private static readonly object CapturedKey = new();

    public static IApplicationBuilder UseGraphVersionHeader(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.OnStarting(static state => SetAsync((HttpContext)state), context);
            }

            await next(context);
        });

    /// <summary>Reads the version now, for an answer about to stream from the store, and keeps it for the header.</summary>
    public static async Task CaptureAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[CapturedKey] = await http.RequestServices.GetRequiredService<GraphVersion>().GetAsync(http.RequestAborted);
    }

    private static async Task SetAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(CapturedKey, out var captured) && captured is string version)
        {
            http.Response.Headers[GraphVersion.HeaderName] = version;
            return;
        }

        // An answer that says the store is unavailable goes out at once, without a version.
        if (http.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            return;
        }

        try
        {
            http.Response.Headers[GraphVersion.HeaderName] = await http.RequestServices.GetRequiredService<GraphVersion>().GetAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is StoreUnavailableException or OperationCanceledException)
        {
            LogNoVersion(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphVersionHeader)), e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An answer goes out without Graph-Version: {Reason}")]
    private static partial void LogNoVersion(ILogger logger, string reason);
}
