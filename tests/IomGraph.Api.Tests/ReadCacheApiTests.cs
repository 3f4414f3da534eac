using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IomGraph.Api.Application;
using IomGraph.Api.Http;
using IomGraph.Api.Http.OpenApi;
using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IomGraph.Api.Tests;

/// <summary>
/// Reads that do not repeat work: answers kept in memory are the answers made afresh, byte for byte and header for
/// header, and come without a call to the store; every kind of write is in the next read; another instance's write or
/// re-seed is seen once the graph version's lifetime has passed; lists and graphs answer If-None-Match with 304.
/// Each test starts its own instances on one store of this class's provider, with clocks that move only when told.
/// </summary>
public abstract class ReadCacheApiTests : IAsyncLifetime
{
    protected const string Key = "read-cache-key-0123456789";

    private const string Origin = "https://a-newsroom.example";

    private readonly List<ApiFactory> _apis = [];

    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Starts an API made by <paramref name="create"/> on this test's store: the first call on a fresh, seeded store; the
    /// next ones on the same store as it is, as a second instance would be.
    /// </summary>
    protected abstract Task<CachingApi> StartApiAsync(IDictionary<string, string?> settings, Func<IDictionary<string, string?>, CachingApi> create, bool first);

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var api in _apis)
        {
            await api.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<CachingApi> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Auth:ApiKeys:curator"] = Key };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            all[name] = value;
        }

        var api = await StartApiAsync(all, s => new CachingApi(s, new ManualClock(_now)), first: _apis.Count == 0);
        _apis.Add(api);
        var client = api.Client();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return api;
    }

    /// <summary>Reads of every kind, one per line: a URL and, after a space, an optional Accept.</summary>
    public static readonly string[] Reads =
    [
        "/api/v1/actors/iom",
        "/api/v1/actors?q=UNHCR",
        "/api/v1/actors?kind=state&limit=5",
        "/api/v1/actors/iom/relations",
        "/api/v1/actors/global-migration-group/relations?type=MEMBER_OF&direction=in&asOf=2010",
        "/api/v1/relations?limit=20",
        "/api/v1/relations/iom.coordinates.un-network-on-migration",
        "/api/v1/relations/iom.coordinates.un-network-on-migration/citation application/vnd.citationstyles.csl+json",
        "/api/v1/actors/iom/neighbourhood?depth=2",
        "/api/v1/actors/iom/neighbourhood application/vnd.iomgraph.cytoscape+json",
        "/api/v1/actors/iom/profile text/markdown",
        "/api/v1/actors/iom/history",
        "/api/v1/paths?from=usa&to=unhcr",
        "/api/v1/stats",
        "/api/v1/sources",
        "/api/v1/sources?format=bibtex",
        "/api/v1/sources/noborder-iom-wiki",
        "/api/v1/relation-types",
        "/api/v1/changes?limit=3",
        "/api/v1/export",
        "/api/v1/export?format=cytoscape",
        "/api/v1/export?format=graphml",
        "/api/v1/export?format=gexf",
        "/api/v1/export?format=csv",
        "/api/v1/export?centre=iom&depth=1&format=gexf",
    ];

    [Fact]
    public async Task Answers_from_memory_are_the_answers_made_afresh_byte_for_byte_and_do_not_touch_the_store()
    {
        var cached = await StartAsync();
        var fresh = await StartAsync(new Dictionary<string, string?> { ["Caching:Enabled"] = "false" });
        var problems = new List<string>();

        foreach (var read in Reads)
        {
            using var miss = await SendAsync(cached, read);
            var calls = cached.Calls.Count;
            using var hit = await SendAsync(cached, read);
            var callsOfHit = cached.Calls.Count - calls;
            using var made = await SendAsync(fresh, read);
            var freshCalls = fresh.Calls.Count;
            using var madeAgain = await SendAsync(fresh, read);

            if (callsOfHit != 0)
            {
                problems.Add($"{read}: the second answer called the store {callsOfHit} time(s) ({string.Join(", ", cached.Calls.Names.TakeLast(callsOfHit))}).");
            }

            // The vocabulary is in the code, not in the store.
            if (fresh.Calls.Count == freshCalls && !read.StartsWith("/api/v1/relation-types", StringComparison.Ordinal))
            {
                problems.Add($"{read}: the instance without caching answered again without the store.");
            }

            problems.AddRange(await DifferencesAsync(read, hit, made));
            if (made.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{read}: {(int)made.StatusCode}, not 200.");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(cached.Services.GetRequiredService<ReadCache>().Count >= Reads.Length);
    }

    [Fact]
    public async Task HEAD_from_memory_is_HEAD_made_afresh()
    {
        var cached = await StartAsync();
        var fresh = await StartAsync(new Dictionary<string, string?> { ["Caching:Enabled"] = "false" });

        foreach (var url in new[] { "/api/v1/actors/iom", "/api/v1/stats", "/api/v1/export?format=csv" })
        {
            using var first = await SendAsync(cached, url, HttpMethod.Head);
            using var hit = await SendAsync(cached, url, HttpMethod.Head);
            using var made = await SendAsync(fresh, url, HttpMethod.Head);

            Assert.Equal(HttpStatusCode.OK, made.StatusCode);
            Assert.Empty(await DifferencesAsync("HEAD " + url, hit, made));
        }
    }

    [Fact]
    public async Task Answers_that_are_not_200_or_are_too_big_are_not_kept()
    {
        var api = await StartAsync(new Dictionary<string, string?> { ["Caching:MaxEntryBytes"] = "2000" });

        var cache = api.Services.GetRequiredService<ReadCache>();
        foreach (var url in new[] { "/api/v1/actors/nobody", "/api/v1/relations?asOf=yesterday", "/api/v1/actors/iom/neighbourhood text/html", "/api/v1/export?format=graphml" })
        {
            using var first = await SendAsync(api, url);
            var kept = cache.Count;
            using var second = await SendAsync(api, url);

            Assert.Equal(kept, cache.Count);
            Assert.Equal(first.StatusCode, second.StatusCode);
        }

        // The full GraphML export streamed again from the store.
        var calls = api.Calls.Count;
        using var export = await SendAsync(api, "/api/v1/export?format=graphml");
        Assert.True((await export.Content.ReadAsByteArrayAsync(Ct)).Length > 2000);
        Assert.True(api.Calls.Count > calls);

        // A small answer under the same limit is kept, and answered again without the store.
        using var small = await SendAsync(api, "/api/v1/actors?q=zzzz-nothing");
        Assert.True((await small.Content.ReadAsByteArrayAsync(Ct)).Length < 2000);
        var before = api.Calls.Count;
        using var smallAgain = await SendAsync(api, "/api/v1/actors?q=zzzz-nothing");
        Assert.Equal(before, api.Calls.Count);
    }

    [Fact]
    public async Task Every_kind_of_write_through_this_instance_is_in_the_next_read()
    {
        var api = await StartAsync();
        var client = api.Client();
        const string search = "/api/v1/actors?q=Example%20Working%20Group";
        const string sources = "/api/v1/sources?limit=200";
        const string relations = "/api/v1/actors/iom/relations?type=CHAIRS&direction=out&limit=100";
        const string stats = "/api/v1/stats";

        // Each read twice, so that the second comes from memory, before each write.
        async Task<string> ReadAsync(string url)
        {
            _ = await client.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
            return await client.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
        }

        Assert.DoesNotContain(RequestExamples.SourceId, await ReadAsync(sources), StringComparison.Ordinal);
        var statsBefore = await ReadAsync(stats);
        await AssertWrittenAsync(await client.PutAsync(Uri("/api/v1/sources/" + RequestExamples.SourceId), Body(RequestExamples.Source), Ct));
        Assert.Contains(RequestExamples.SourceId, await ReadAsync(sources), StringComparison.Ordinal);

        Assert.Equal(0, JsonDocument.Parse(await ReadAsync(search)).RootElement.GetProperty("total").GetInt32());
        await AssertWrittenAsync(await client.PutAsync(Uri("/api/v1/actors/" + RequestExamples.ActorId), Body(RequestExamples.Actor), Ct));
        Assert.Equal(1, JsonDocument.Parse(await ReadAsync(search)).RootElement.GetProperty("total").GetInt32());
        Assert.NotEqual(statsBefore, await ReadAsync(stats));

        Assert.DoesNotContain(RequestExamples.RelationId, await ReadAsync(relations), StringComparison.Ordinal);
        await AssertWrittenAsync(await client.PostAsync(Uri("/api/v1/relations"), Body(RequestExamples.Relation), Ct));
        Assert.Contains(RequestExamples.RelationId, await ReadAsync(relations), StringComparison.Ordinal);

        var changed = RequestExamples.Relation.Replace("\"medium\"", "\"high\"", StringComparison.Ordinal);
        Assert.Contains("\"medium\"", await ReadAsync("/api/v1/relations/" + RequestExamples.RelationId), StringComparison.Ordinal);
        await AssertWrittenAsync(await client.PutAsync(Uri("/api/v1/relations/" + RequestExamples.RelationId), Body(changed), Ct));
        Assert.Contains("\"high\"", await ReadAsync("/api/v1/relations/" + RequestExamples.RelationId), StringComparison.Ordinal);

        await AssertWrittenAsync(await client.DeleteAsync(Uri("/api/v1/relations/" + RequestExamples.RelationId), Ct));
        Assert.DoesNotContain(RequestExamples.RelationId, await ReadAsync(relations), StringComparison.Ordinal);

        await AssertWrittenAsync(await client.DeleteAsync(Uri("/api/v1/actors/" + RequestExamples.ActorId), Ct));
        Assert.Equal(0, JsonDocument.Parse(await ReadAsync(search)).RootElement.GetProperty("total").GetInt32());

        Assert.DoesNotContain("read-cache-import", await ReadAsync(sources), StringComparison.Ordinal);
        await AssertWrittenAsync(await client.PostAsJsonAsync(
            Uri("/api/v1/import"), new { sources = new[] { new { id = "read-cache-import", title = "An imported source", kind = "secondary" } } }, Ct));
        Assert.Contains("read-cache-import", await ReadAsync(sources), StringComparison.Ordinal);

        Assert.True(api.Calls.Count > 0);
    }

    [Fact]
    public async Task A_write_through_another_instance_is_seen_once_the_graph_version_has_lived_its_lifetime()
    {
        var reader = await StartAsync();
        var writer = await StartAsync();
        const string search = "/api/v1/actors?q=Example%20Working%20Group";
        using var before = await SendAsync(reader, search);
        var version = Version(before);
        await AssertWrittenAsync(await writer.Client().PutAsync(Uri("/api/v1/sources/" + RequestExamples.SourceId), Body(RequestExamples.Source), Ct));
        await AssertWrittenAsync(await writer.Client().PutAsync(Uri("/api/v1/actors/" + RequestExamples.ActorId), Body(RequestExamples.Actor), Ct));

        // Within the lifetime the reader still answers the version it holds: this is the documented bound.
        using var within = await SendAsync(reader, search);
        Assert.Equal(version, Version(within));
        Assert.Equal(0, (await JsonAsync(within)).GetProperty("total").GetInt32());

        reader.Clock.Advance(GraphVersion.Lifetime);
        using var after = await SendAsync(reader, search);
        Assert.NotEqual(version, Version(after));
        Assert.Equal(Version(await SendAsync(writer, search)), Version(after));
        Assert.Equal(1, (await JsonAsync(after)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_re_seed_by_another_instance_is_seen_once_the_graph_version_has_lived_its_lifetime()
    {
        using var seed = new ReadCacheFolder();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seed-data"), "*.json"))
        {
            File.Copy(file, Path.Combine(seed.Path, Path.GetFileName(file)));
        }

        var (path, bundle) = Directory.GetFiles(seed.Path, "*.json")
            .Select(f => (File: f, Bundle: JsonNode.Parse(File.ReadAllText(f))!))
            .First(f => f.Bundle["actors"]?.AsArray().Any(a => (string?)a!["id"] == "ilo") == true);
        bundle["actors"]!.AsArray().Single(a => (string?)a!["id"] == "ilo")!["description"] = "Re-seeded by a test of the read cache.";
        await File.WriteAllTextAsync(path, bundle.ToJsonString(), Ct);

        var reader = await StartAsync();
        using var before = await SendAsync(reader, "/api/v1/actors/ilo");
        var seeder = await StartAsync(new Dictionary<string, string?> { ["Graph:Seed:Path"] = seed.Path });
        using var reseeded = await SendAsync(seeder, "/api/v1/actors/ilo");
        Assert.Contains("Re-seeded by a test", await reseeded.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var within = await SendAsync(reader, "/api/v1/actors/ilo");
        Assert.DoesNotContain("Re-seeded by a test", await within.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        reader.Clock.Advance(GraphVersion.Lifetime);
        using var after = await SendAsync(reader, "/api/v1/actors/ilo");
        Assert.Contains("Re-seeded by a test", await after.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotEqual(Version(before).Split('.')[0], Version(after).Split('.')[0]);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public async Task Lists_and_graphs_answer_If_None_Match_with_304_until_a_write(string caching)
    {
        var api = await StartAsync(new Dictionary<string, string?> { ["Caching:Enabled"] = caching });
        string[] reads =
        [
            "/api/v1/actors?q=UNHCR",
            "/api/v1/actors/iom/relations",
            "/api/v1/relations?limit=5",
            "/api/v1/actors/iom/neighbourhood",
            "/api/v1/actors/iom/neighbourhood?format=graphml",
            "/api/v1/paths?from=usa&to=unhcr",
            "/api/v1/stats",
            "/api/v1/sources",
            "/api/v1/export?type=CHAIRS&format=gexf",
        ];
        var tags = new Dictionary<string, string>();
        foreach (var url in reads)
        {
            using var first = await SendAsync(api, url);
            var tag = first.Headers.ETag?.ToString();
            Assert.False(string.IsNullOrEmpty(tag), $"{url} has no ETag.");
            Assert.Contains("ETag", string.Join(',', first.Headers.GetValues("Access-Control-Expose-Headers")).Split(','), StringComparer.OrdinalIgnoreCase);
            tags[url] = tag!;

            using var again = await SendAsync(api, url, ifNoneMatch: tag);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Equal(tag, again.Headers.ETag?.ToString());
            Assert.Equal(Version(first), Version(again));
            Assert.Equal("*", string.Join(',', again.Headers.GetValues("Access-Control-Allow-Origin")));
            Assert.Empty(await again.Content.ReadAsByteArrayAsync(Ct));

            using var other = await SendAsync(api, url, ifNoneMatch: "\"something-else\"");
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        Assert.Equal(reads.Length, tags.Values.Distinct().Count());
        await AssertWrittenAsync(await api.Client().PutAsync(Uri("/api/v1/sources/" + RequestExamples.SourceId), Body(RequestExamples.Source), Ct));

        foreach (var url in reads)
        {
            using var afterWrite = await SendAsync(api, url, ifNoneMatch: tags[url]);
            Assert.Equal(HttpStatusCode.OK, afterWrite.StatusCode);
            Assert.NotEqual(tags[url], afterWrite.Headers.ETag?.ToString());
            Assert.NotEmpty(await afterWrite.Content.ReadAsByteArrayAsync(Ct));
        }
    }

    [Fact]
    public async Task A_record_keeps_its_own_ETag_for_If_None_Match_and_If_Match_when_answered_from_memory()
    {
        var api = await StartAsync();
        using var first = await SendAsync(api, "/api/v1/actors/iom");
        using var hit = await SendAsync(api, "/api/v1/actors/iom");
        var tag = first.Headers.ETag!.ToString();
        Assert.Equal(tag, hit.Headers.ETag!.ToString());
        Assert.DoesNotContain(Version(first), tag, StringComparison.Ordinal);

        var calls = api.Calls.Count;
        using var notModified = await SendAsync(api, "/api/v1/actors/iom", ifNoneMatch: tag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(tag, notModified.Headers.ETag!.ToString());
        Assert.Equal(calls, api.Calls.Count);

        // A source's ETag from memory guards a write as the handler's does.
        await AssertWrittenAsync(await api.Client().PutAsync(Uri("/api/v1/sources/" + RequestExamples.SourceId), Body(RequestExamples.Source), Ct));
        using var source = await SendAsync(api, "/api/v1/sources/" + RequestExamples.SourceId);
        using var sourceHit = await SendAsync(api, "/api/v1/sources/" + RequestExamples.SourceId);
        Assert.Equal(source.Headers.ETag!.ToString(), sourceHit.Headers.ETag!.ToString());
        using var stale = new HttpRequestMessage(HttpMethod.Put, Uri("/api/v1/sources/" + RequestExamples.SourceId)) { Content = Body(RequestExamples.Source) };
        stale.Headers.IfMatch.Add(EntityTagHeaderValue.Parse("\"not-the-version\""));
        using var refused = await api.Client().SendAsync(stale, Ct);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        using var current = new HttpRequestMessage(HttpMethod.Put, Uri("/api/v1/sources/" + RequestExamples.SourceId)) { Content = Body(RequestExamples.Source) };
        current.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(sourceHit.Headers.ETag!.ToString()));
        using var replaced = await api.Client().SendAsync(current, Ct);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
    }

    [Fact]
    public async Task The_document_gives_304_and_the_ETag_on_every_read_under_api_v1()
    {
        var api = await StartAsync();
        var document = JsonNode.Parse(await api.Client().GetStringAsync(Uri("/swagger/v1/swagger.json"), Ct))!;

        Assert.Equal("string", (string?)document["components"]!["headers"]!["ETag"]!["schema"]!["type"]);
        var reads = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/v1/", StringComparison.Ordinal) || item!["get"] is not { } get)
            {
                continue;
            }

            foreach (var status in new[] { "200", "304" })
            {
                var response = get["responses"]![status];
                Assert.True(response is not null, $"GET {path} does not document {status}.");
                Assert.Equal("#/components/headers/ETag", (string?)response!["headers"]?["ETag"]?["$ref"]);
                Assert.Equal($"#/components/headers/{GraphVersion.HeaderName}", (string?)response["headers"]?[GraphVersion.HeaderName]?["$ref"]);
            }

            Assert.Null(get["responses"]!["304"]!["content"]);
            reads++;
        }

        Assert.True(reads > 15, $"Only {reads} reads were checked.");
    }

    private static async Task<HttpResponseMessage> SendAsync(ApiFactory api, string read, HttpMethod? method = null, string? ifNoneMatch = null)
    {
        var (url, accept) = read.Split(' ', 2) is [var u, var a] ? (u, a) : (read, null);
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, Uri(url));
        request.Headers.Add("Origin", Origin);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await api.Client().SendAsync(request, Ct);
    }

    /// <summary>What differs between two answers: status, each header (the response's and the content's), the body.</summary>
    private static async Task<IReadOnlyList<string>> DifferencesAsync(string read, HttpResponseMessage kept, HttpResponseMessage made)
    {
        var differences = new List<string>();
        if (kept.StatusCode != made.StatusCode)
        {
            differences.Add($"{read}: status {(int)kept.StatusCode} from memory, {(int)made.StatusCode} afresh.");
        }

        var keptHeaders = Headers(kept);
        var madeHeaders = Headers(made);
        foreach (var name in keptHeaders.Keys.Union(madeHeaders.Keys).Order(StringComparer.Ordinal))
        {
            var a = keptHeaders.GetValueOrDefault(name);
            var b = madeHeaders.GetValueOrDefault(name);
            if (a != b)
            {
                differences.Add($"{read}: header {name} is '{a}' from memory, '{b}' afresh.");
            }
        }

        var keptBody = await kept.Content.ReadAsByteArrayAsync(Ct);
        var madeBody = await made.Content.ReadAsByteArrayAsync(Ct);
        if (!keptBody.AsSpan().SequenceEqual(madeBody))
        {
            differences.Add($"{read}: the body from memory ({keptBody.Length} bytes) differs from the one made afresh ({madeBody.Length} bytes).");
        }

        return differences;
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(" | ", h.Value), StringComparer.Ordinal);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private static string Version(HttpResponseMessage response) => Assert.Single(response.Headers.GetValues(GraphVersion.HeaderName));

    private static async Task AssertWrittenAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static Uri Uri(string url) => new(url, UriKind.Relative);
}

/// <summary>A folder of one test's own, deleted after it.</summary>
public sealed class ReadCacheFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("iomgraph-read-cache-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>The API with a clock that moves only when told, and a count of the calls its endpoints make to the store.</summary>
public sealed class CachingApi(IDictionary<string, string?> settings, ManualClock clock) : ApiFactory(settings)
{
    public ManualClock Clock => clock;

    public StoreCalls Calls { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            var reader = services.Last(d => d.ServiceType == typeof(IGraphReader));
            services.Remove(reader);
            services.AddSingleton(provider => CountingReader.Wrap(Resolve(reader, provider), Calls));
        });
    }

    private static IGraphReader Resolve(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (IGraphReader)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}

/// <summary>The names of the store's methods called, in order.</summary>
public sealed class StoreCalls
{
    private readonly List<string> _names = [];

    public int Count
    {
        get
        {
            lock (_names)
            {
                return _names.Count;
            }
        }
    }

    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_names)
            {
                return [.. _names];
            }
        }
    }

    public void Add(string name)
    {
        lock (_names)
        {
            _names.Add(name);
        }
    }
}

/// <summary>Passes every call to the store's reader on, and counts it.</summary>
public class CountingReader : DispatchProxy
{
    private IGraphReader? _inner;
    private StoreCalls? _calls;

    public static IGraphReader Wrap(IGraphReader inner, StoreCalls calls)
    {
        var proxy = Create<IGraphReader, CountingReader>();
        var counting = (CountingReader)(object)proxy;
        counting._inner = inner;
        counting._calls = calls;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        _calls!.Add(targetMethod.Name);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}

public sealed class ReadCacheApiTestsOnSqlite : ReadCacheApiTests, IDisposable
{
    private readonly ReadCacheFolder _folder = new();

    protected override Task<CachingApi> StartApiAsync(IDictionary<string, string?> settings, Func<IDictionary<string, string?>, CachingApi> create, bool first)
    {
        settings["Graph:Sqlite:Path"] = Path.Combine(_folder.Path, "graph.db");
        return Task.FromResult(create(settings));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Dispose();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

/// <summary>The same tests on Neo4j: they borrow the shared database, and give it back seeded.</summary>
[Collection(Neo4jApiTestGroup.Name)]
public sealed class ReadCacheApiTestsOnNeo4j(Neo4jApi shared) : ReadCacheApiTests
{
    private readonly BorrowedDatabase _database = shared.Borrow();

    protected override Task<CachingApi> StartApiAsync(IDictionary<string, string?> settings, Func<IDictionary<string, string?>, CachingApi> create, bool first) =>
        _database.StartApiAsync(settings, create, empty: first);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
