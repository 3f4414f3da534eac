using IomGraph.Api.Application;
using IomGraph.Core.Storage;

namespace IomGraph.Api.Http;

/// <summary>
/// Sends <see cref="GraphVersion.HeaderName"/> on every answer under <c>/api/v1</c>, HEAD and errors included. The version
/// is read when the answer starts, after the handler ran, so that a write's own answer names the version it made. An
/// answer that streams from the store (an export) reads it first, with <see cref="CaptureAsync"/>: once the store is
/// streaming, asking it again could wait on the stream it is feeding. A read names the version it was answered and
/// cached for (<see cref="Capture"/>, by <see cref="ReadCacheMiddleware"/>).
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

    /// <summary>
    /// Reads the version now, for an answer about to stream from the store, and keeps it for the header; a version
    /// already kept for this answer (<see cref="Capture"/>) stays.
    /// </summary>
    public static async Task CaptureAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Items.ContainsKey(CapturedKey))
        {
            http.Items[CapturedKey] = await http.RequestServices.GetRequiredService<GraphVersion>().GetAsync(http.RequestAborted);
        }
    }

    /// <summary>Keeps <paramref name="version"/> for the header: the version a read was answered for (see <see cref="ReadCacheMiddleware"/>).</summary>
    public static void Capture(HttpContext http, string version)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[CapturedKey] = version;
    }

    private static async Task SetAsync(HttpContext http)
    {
        // An answer that says the store is unavailable goes out at once, without a version.
        if (http.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            return;
        }

        if (http.Items.TryGetValue(CapturedKey, out var captured) && captured is string version)
        {
            http.Response.Headers[GraphVersion.HeaderName] = version;
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
