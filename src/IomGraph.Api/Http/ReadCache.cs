using System.Security.Cryptography;
using System.Text;
using IomGraph.Api.Application;
using IomGraph.Api.Citations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace IomGraph.Api.Http;

/// <summary>Settings under <c>Caching</c>: answers of reads kept in memory (see <see cref="ReadCache"/>).</summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>Keep answers of reads in memory. ETags and 304 answers do not depend on it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most the kept answers may take together, bodies and headers, in bytes (default 64 MiB).</summary>
    public long SizeLimitBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>A larger answer, such as a big export, streams as before and is not kept (default 4 MiB).</summary>
    public long MaxEntryBytes { get; set; } = 4L * 1024 * 1024;
}

/// <summary>Marks a read whose ETag is the version of one record (an actor, a relation, a source), used for If-Match too.</summary>
public sealed class RecordETagMetadata
{
    public static readonly RecordETagMetadata Instance = new();

    private RecordETagMetadata()
    {
    }
}

/// <summary>
/// The answers of reads under <c>/api/v1</c>, kept in memory. An answer depends only on the request and the graph's
/// version, so an entry is keyed by both; when the version moves on (a write, an import or a seed through this process,
/// at once; another instance's write, within <see cref="GraphVersion.Lifetime"/>), the old entries are evicted.
/// </summary>
public sealed class ReadCache : IDisposable
{
    private readonly MemoryCache _entries;
    private Generation _generation = new(null, new CancellationTokenSource());

    public ReadCache(IOptions<CachingOptions> options, GraphVersion version)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(version);
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimitBytes });
        version.Invalidated += (_, _) => Evict(null);
    }

    /// <summary>How many answers are kept now.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The token that the answers of <paramref name="version"/> are kept with. Seeing a version other than the last one
    /// evicts what was kept for the last one: the graph moved on, here or through another instance.
    /// </summary>
    public CancellationToken Observe(string version)
    {
        var current = Volatile.Read(ref _generation);
        return current.Version == version ? current.Evicted.Token : Evict(version);
    }

    public bool TryGet(string key, out CachedAnswer? answer) => _entries.TryGetValue(key, out answer);

    /// <summary>Keeps an answer until its generation is evicted, or until memory runs short.</summary>
    public void Keep(string key, CachedAnswer answer, CancellationToken generation)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (generation.IsCancellationRequested)
        {
            return;
        }

        using var entry = _entries.CreateEntry(key);
        entry.Value = answer;
        entry.Size = answer.Size;
        entry.ExpirationTokens.Add(new CancellationChangeToken(generation));
    }

    public void Dispose()
    {
        _generation.Evicted.Dispose();
        _entries.Dispose();
    }

    private CancellationToken Evict(string? version)
    {
        var next = new Generation(version, new CancellationTokenSource());
        var previous = Interlocked.Exchange(ref _generation, next);
        previous.Evicted.Cancel();

        // Disposed late: a request may still hold its token, which stays cancelled.
        return next.Evicted.Token;
    }

    private sealed record Generation(string? Version, CancellationTokenSource Evicted);
}

/// <summary>An answer kept by <see cref="ReadCache"/>: its status, the headers its handler set, and its body.</summary>
public sealed record CachedAnswer(int StatusCode, IReadOnlyList<KeyValuePair<string, StringValues>> Headers, byte[] Body)
{
    public long Size { get; } = Body.LongLength + Headers.Sum(h => h.Key.Length + h.Value.Sum(v => (long)(v?.Length ?? 0)));

    public StringValues Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>
/// Conditional and repeated reads. Every GET and HEAD under <c>/api/v1</c> that needs no key gets an ETag: the record's
/// version where the handler sets one (<see cref="RecordETagMetadata"/>), otherwise the graph's version with a digest of
/// the representation (path, query, Accept, host and today's date, on which sentences depend). If-None-Match naming it
/// answers 304 without running the handler. With caching on, a 200 answer of at most
/// <see cref="CachingOptions.MaxEntryBytes"/> is kept, and the same request on the same version is answered from memory
/// with the same status, headers and body. The headers that outer middleware adds as the answer starts (CORS,
/// Graph-Version) are not kept: they are added again, the same way, to the answer from memory.
/// ASP.NET Core's output caching is not used because its answers from memory are not the answers made afresh: it adds
/// an Age header and sets Date to when the answer was kept.
/// </summary>
public sealed class ReadCacheMiddleware(RequestDelegate next, ReadCache cache, GraphVersion graphVersion, TimeProvider time, IOptions<CachingOptions> options)
{
    private static readonly string[] HeadersOf304 = [HeaderNames.ETag, HeaderNames.Vary, HeaderNames.CacheControl, HeaderNames.ContentLocation, HeaderNames.Expires];

    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!IsPublicRead(http))
        {
            await next(http);
            return;
        }

        string version;
        try
        {
            version = await graphVersion.GetAsync(http.RequestAborted);
        }
        catch (IomGraph.Core.Storage.StoreUnavailableException)
        {
            // The handler meets the same store and answers 503 as it would without this.
            await next(http);
            return;
        }

        // The answer names the version it is keyed by, even when the store moves on while it is made.
        GraphVersionHeader.Capture(http, version);
        var representation = Representation(http.Request, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var tag = $"\"{version}.{Digest(representation)}\"";
        var ownsTag = http.GetEndpoint()?.Metadata.GetMetadata<RecordETagMetadata>() is null;
        if (ownsTag && IfNoneMatch(http.Request, tag, any: false))
        {
            Telemetry.ApiTelemetry.ReadCache("not_modified");
            AnswerNotModified(http.Response, tag, VariesByAccept(http) ? HeaderNames.Accept : StringValues.Empty);
            return;
        }

        var settings = options.Value;
        var key = $"{http.Request.Method}\n{version}\n{representation}";
        var generation = settings.Enabled ? cache.Observe(version) : CancellationToken.None;
        if (settings.Enabled && cache.TryGet(key, out var kept) && kept is not null)
        {
            Telemetry.ApiTelemetry.ReadCache("hit");
            await ServeAsync(http, kept, recordTag: !ownsTag);
            return;
        }

        if (settings.Enabled)
        {
            Telemetry.ApiTelemetry.ReadCache("miss");
        }

        if (ownsTag)
        {
            http.Response.Headers.ETag = tag;
            http.Response.OnStarting(static state =>
            {
                var (response, tag) = ((HttpResponse, string))state;
                if (response.StatusCode != StatusCodes.Status200OK && response.Headers.ETag == tag)
                {
                    response.Headers.Remove(HeaderNames.ETag);
                }

                return Task.CompletedTask;
            }, (http.Response, tag));
        }

        if (!settings.Enabled)
        {
            await next(http);
            return;
        }

        var original = http.Features.Get<IHttpResponseBodyFeature>()!;
        var capture = new CapturingBody(original, http.Response, settings.MaxEntryBytes);
        http.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await next(http);
            await capture.FinishAsync();
        }
        finally
        {
            http.Features.Set(original);
        }

        if (capture.Answer() is { } answer)
        {
            cache.Keep(key, answer, generation);
        }
    }

    /// <summary>
    /// The same answer as the handler gave: status, its headers, body. For a record's ETag, 304 when If-None-Match names it
    /// or is <c>*</c>, as the handler answers (a graph ETag was checked before the cache was asked).
    /// </summary>
    private static async Task ServeAsync(HttpContext http, CachedAnswer kept, bool recordTag)
    {
        var response = http.Response;
        var tag = kept.Header(HeaderNames.ETag).ToString();
        if (recordTag && tag.Length > 0 && IfNoneMatch(http.Request, tag, any: true))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            foreach (var name in HeadersOf304)
            {
                if (kept.Header(name) is { Count: > 0 } values)
                {
                    response.Headers[name] = values;
                }
            }

            return;
        }

        response.StatusCode = kept.StatusCode;
        foreach (var (name, values) in kept.Headers)
        {
            response.Headers[name] = values;
        }

        await response.Body.WriteAsync(kept.Body, http.RequestAborted);
    }

    private static void AnswerNotModified(HttpResponse response, string tag, StringValues vary)
    {
        response.StatusCode = StatusCodes.Status304NotModified;
        response.Headers.ETag = tag;
        if (vary.Count > 0)
        {
            response.Headers.Vary = vary;
        }
    }

    private static bool IsPublicRead(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && http.Request.Path.StartsWithSegments(GraphVersionHeader.ApiPrefix, StringComparison.OrdinalIgnoreCase)
        && http.GetEndpoint() is { } endpoint
        && endpoint.Metadata.GetMetadata<IAuthorizeData>() is null;

    // The answers with several representations say so with Vary: Accept; their 304 does too.
    private static bool VariesByAccept(HttpContext http) =>
        http.GetEndpoint()?.Metadata is { } metadata
        && (metadata.GetMetadata<GraphRepresentationsMetadata>() is not null
            || metadata.GetMetadata<AlsoAnswersMetadata>() is not null
            || metadata.GetMetadata<CitationFormatsMetadata>() is not null);

    /// <summary>What the answer depends on besides the graph: everything a handler reads of the request, and the date.</summary>
    private static string Representation(HttpRequest request, DateOnly today) => string.Join(
        '\n',
        $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}",
        request.Headers.Accept.ToString(),
        today.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    private static string Digest(string representation) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(representation)), 0, 8);

    private static bool IfNoneMatch(HttpRequest request, string tag, bool any) =>
        request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags
        && tags.Any(t => (any && t.Equals(EntityTagHeaderValue.Any)) || string.Equals(t.Tag.Value, tag, StringComparison.Ordinal));
}

/// <summary>
/// Passes a handler's answer through as it is written and keeps a copy, with the headers the handler set, taken just
/// before the answer starts (so before outer middleware adds its own). Gives up the copy when the answer is not a 200,
/// grows beyond the limit, or a write of it fails (a cancelled or broken connection: the pipe may then write the same
/// bytes again, and what the client got is not known); the answer itself streams on.
/// </summary>
internal sealed class CapturingBody(IHttpResponseBodyFeature inner, HttpResponse response, long maxBytes) : Stream, IHttpResponseBodyFeature
{
    private MemoryStream? _copy = new();
    private KeyValuePair<string, StringValues>[]? _headers;
    private bool _started;
    private System.IO.Pipelines.PipeWriter? _writer;

    public Stream Stream => this;

    public System.IO.Pipelines.PipeWriter Writer =>
        _writer ??= System.IO.Pipelines.PipeWriter.Create(this, new System.IO.Pipelines.StreamPipeWriterOptions(leaveOpen: true));

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        Start();
        return inner.StartAsync(cancellationToken);
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        Start();
        _copy = null;
        return inner.SendFileAsync(path, offset, count, cancellationToken);
    }

    public async Task CompleteAsync()
    {
        await FinishAsync();
        await inner.CompleteAsync();
    }

    /// <summary>Flushes what the handler wrote through the pipe, and takes the headers if the answer never started.</summary>
    public async Task FinishAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync();
        }

        Start();
    }

    /// <summary>The answer to keep, or null when it is not to be kept.</summary>
    public CachedAnswer? Answer() =>
        _copy is not null && _headers is not null && response.StatusCode == StatusCodes.Status200OK
            && !response.Headers.ContainsKey(HeaderNames.SetCookie)
            ? new CachedAnswer(response.StatusCode, _headers, _copy.ToArray())
            : null;

    public override void Write(byte[] buffer, int offset, int count)
    {
        Start();
        try
        {
            inner.Stream.Write(buffer, offset, count);
        }
        catch
        {
            _copy = null;
            throw;
        }

        Copy(buffer.AsSpan(offset, count));
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Start();
        try
        {
            await inner.Stream.WriteAsync(buffer, cancellationToken);
        }
        catch
        {
            _copy = null;
            throw;
        }

        Copy(buffer.Span);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
        Start();
        inner.Stream.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Start();
        return inner.Stream.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        if (response.StatusCode != StatusCodes.Status200OK)
        {
            _copy = null;
            return;
        }

        _headers = [.. response.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value))];
    }

    private void Copy(ReadOnlySpan<byte> bytes)
    {
        if (_copy is null)
        {
            return;
        }

        if (_copy.Length + bytes.Length > maxBytes)
        {
            _copy = null;
            return;
        }

        _copy.Write(bytes);
    }
}

public static class ReadCacheExtensions
{
    public static IServiceCollection AddReadCache(this IServiceCollection services)
    {
        services.AddOptions<CachingOptions>()
            .BindConfiguration(CachingOptions.Section)
            .Validate(o => o.SizeLimitBytes > 0, "Caching:SizeLimitBytes must be a positive number of bytes.")
            .Validate(o => o.MaxEntryBytes > 0 && o.MaxEntryBytes <= o.SizeLimitBytes, "Caching:MaxEntryBytes must be a positive number of bytes, at most Caching:SizeLimitBytes.")
            .ValidateOnStart();
        services.AddSingleton<ReadCache>();
        return services;
    }

    /// <summary>Serves repeated and conditional reads; after CORS and Graph-Version, which add their headers as an answer starts.</summary>
    public static IApplicationBuilder UseReadCache(this IApplicationBuilder app) => app.UseMiddleware<ReadCacheMiddleware>();

    /// <summary>Marks a read whose handler sets the record's version as ETag and answers If-None-Match itself.</summary>
    public static RouteHandlerBuilder WithRecordETag(this RouteHandlerBuilder builder) => builder.WithMetadata(RecordETagMetadata.Instance);
}
