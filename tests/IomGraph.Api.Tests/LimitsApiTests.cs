using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using IomGraph.Api.Http;
using IomGraph.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IomGraph.Api.Tests;

/// <summary>
/// Rate limits and request timeouts, on small configured budgets and windows of an hour, so that no window ends during
/// a test and every count is deterministic. A client is told apart by the address that <see cref="ClientAddresses"/>
/// gives the connection from a test header, or by its API key.
/// </summary>
public sealed class LimitsApiTests
{
    private const string AliceKey = "alice-key-0123456789";
    private const string BobKey = "bob-key-0123456789ab";

    [Fact]
    public async Task A_client_over_its_budget_gets_429_with_Retry_After_while_another_client_is_served()
    {
        await using var api = new LimitedApi(new() { ["RateLimits:General:PermitLimit"] = "3" });
        var first = api.ClientFrom("10.0.0.1");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(new Uri($"/api/v1/actors?q=i{i}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        }

        using var refused = await first.GetAsync(new Uri("/api/v1/actors/iom", UriKind.Relative), TestContext.Current.CancellationToken);
        await AssertTooManyAsync(refused, "general");

        using var other = await api.ClientFrom("10.0.0.2").GetAsync(new Uri("/api/v1/actors/iom", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_client_with_a_key_has_a_budget_of_its_own_whatever_its_address()
    {
        await using var api = new LimitedApi(new()
        {
            ["RateLimits:General:PermitLimit"] = "2",
            ["Auth:ApiKeys:alice"] = AliceKey,
            ["Auth:ApiKeys:bob"] = BobKey,
        });
        var alice = api.ClientFrom("10.0.0.1", AliceKey);
        var bob = api.ClientFrom("10.0.0.1", BobKey);

        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync(new Uri("/api/v1/actors/iom", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync(new Uri("/api/v1/actors/unhcr", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        using var refused = await alice.GetAsync(new Uri("/api/v1/actors/ilo", UriKind.Relative), TestContext.Current.CancellationToken);
        await AssertTooManyAsync(refused, "general", "the key 'alice'");

        using var served = await bob.GetAsync(new Uri("/api/v1/actors/iom", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        using var anonymous = await api.ClientFrom("10.0.0.1").GetAsync(new Uri("/api/v1/actors/iom", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task Answers_from_memory_and_304s_count_against_the_general_budget()
    {
        await using var api = new LimitedApi(new() { ["RateLimits:General:PermitLimit"] = "3" });
        var client = api.ClientFrom("10.0.0.1");
        using var first = await client.GetAsync(new Uri("/api/v1/actors/iom", UriKind.Relative), TestContext.Current.CancellationToken);
        using var fromMemory = await client.GetAsync(new Uri("/api/v1/actors/iom", UriKind.Relative), TestContext.Current.CancellationToken);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/actors/iom", UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var refused = await client.GetAsync(new Uri("/api/v1/actors/iom", UriKind.Relative), TestContext.Current.CancellationToken);
        await AssertTooManyAsync(refused, "general");
    }

    [Fact]
    public async Task Expensive_operations_have_a_tighter_budget_that_answers_from_memory_and_depth_1_do_not_spend()
    {
        await using var api = new LimitedApi(new() { ["RateLimits:Expensive:PermitLimit"] = "2" });
        var client = api.ClientFrom("10.0.0.1");

        // The explorer's graph: depth 1, as often as one likes.
        foreach (var id in new[] { "iom", "unhcr", "ilo", "global-migration-group", "usa" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/api/v1/actors/{id}/neighbourhood?depth=1", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        }

        // One expensive question, asked again while nothing changed, is answered from memory and costs nothing more.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/paths?from=usa&to=unhcr", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/actors/iom/neighbourhood?depth=2", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        using var refused = await client.GetAsync(new Uri("/api/v1/export?format=graphml", UriKind.Relative), TestContext.Current.CancellationToken);
        await AssertTooManyAsync(refused, "expensive");

        // The general budget is untouched: cheap reads go on.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/actors/iom/neighbourhood", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientFrom("10.0.0.2").GetAsync(new Uri("/api/v1/export?format=graphml", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_person_clicking_through_the_explorer_is_never_limited_by_the_default_budgets()
    {
        await using var api = new LimitedApi([]);
        var person = api.ClientFrom("10.0.0.1");
        var actors = (await person.GetJsonAsync("/api/v1/actors?kind=state&limit=100")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("actor").GetProperty("id").GetString()!).ToList();
        Assert.True(actors.Count >= 40, "the seed has enough actors for a long visit");
        var statuses = new List<HttpStatusCode>();

        async Task Get(string url)
        {
            using var response = await person.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        // The explorer's vocabularies, fetched once a visit.
        await Get("/api/v1/relation-types");
        await Get("/api/v1/actor-kinds");

        // 40 actors, each opened from the search box, read as a profile and drawn as a graph: what the explorer fetches
        // for each (search as one types, the actor, its profile, the ends of its relations, its sources, its graph),
        // and a path between two of them for every fourth.
        for (var i = 0; i < 40; i++)
        {
            var id = actors[i];
            foreach (var typed in new[] { id[..1], id[..Math.Min(2, id.Length)], id[..Math.Min(3, id.Length)] })
            {
                await Get($"/api/v1/actors?q={typed}&limit=8");
            }

            await Get($"/api/v1/actors/{id}");
            await Get($"/api/v1/actors/{id}/profile");
            await Get($"/api/v1/actors/{id}/relations?limit=200");
            foreach (var source in new[] { "iom-constitution", "gmg-terms-of-reference", "unnm-terms-of-reference" })
            {
                await Get($"/api/v1/sources/{source}?limit=1");
            }

            await Get($"/api/v1/actors/{id}");
            await Get($"/api/v1/actors/{id}/neighbourhood?depth=1");
            await Get($"/api/v1/actors/{id}/neighbourhood?depth=1&asOf=2010");
            if (i % 4 == 3)
            {
                await Get($"/api/v1/paths?from={actors[i - 1]}&to={id}");
            }
        }

        Assert.Equal(2 + (40 * 12) + 10, statuses.Count);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task With_limits_off_every_request_is_served()
    {
        await using var api = new LimitedApi(new()
        {
            ["RateLimits:Enabled"] = "false",
            ["RateLimits:General:PermitLimit"] = "1",
            ["RateLimits:Expensive:PermitLimit"] = "1",
        });
        var client = api.ClientFrom("10.0.0.1");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/api/v1/actors/iom/neighbourhood?depth=2&maxNodes={10 + i}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    [Fact]
    public async Task Health_Swagger_UI_and_the_explorer_are_not_limited()
    {
        await using var api = new LimitedApi(new() { ["RateLimits:General:PermitLimit"] = "1" });
        var client = api.ClientFrom("10.0.0.1");
        foreach (var url in new[] { "/health/live", "/health/ready", "/swagger/index.html", "/swagger/v1/swagger.json", "/", "/explore" })
        {
            for (var i = 0; i < 3; i++)
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
                Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task Behind_a_configured_proxy_the_forwarded_address_is_the_client_and_otherwise_it_is_ignored()
    {
        await using (var trusting = new LimitedApi(new() { ["RateLimits:General:PermitLimit"] = "1", ["ForwardedHeaders:Enabled"] = "true" }))
        {
            var proxy = trusting.ClientFrom("127.0.0.1");
            Assert.Equal(HttpStatusCode.OK, (await proxy.SendAsync(Forwarded("203.0.113.1"), TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await proxy.SendAsync(Forwarded("203.0.113.2"), TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await proxy.SendAsync(Forwarded("203.0.113.1"), TestContext.Current.CancellationToken)).StatusCode);
        }

        await using var ignoring = new LimitedApi(new() { ["RateLimits:General:PermitLimit"] = "1" });
        var client = ignoring.ClientFrom("127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Forwarded("203.0.113.1"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(Forwarded("203.0.113.2"), TestContext.Current.CancellationToken)).StatusCode);

        static HttpRequestMessage Forwarded(string address)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/actors/iom", UriKind.Relative));
            request.Headers.Add("X-Forwarded-For", address);
            return request;
        }
    }

    [Theory]
    [InlineData("/api/v1/paths?from=usa&to=unhcr")]
    [InlineData("/api/v1/actors/iom/neighbourhood?depth=3")]
    [InlineData("/api/v1/export?format=gexf&centre=iom&depth=2")]
    public async Task A_request_past_its_timeout_is_cancelled_in_the_store_and_answered_504(string url)
    {
        // Long enough that the request reaches the store's walk before it runs out, even on a loaded machine (at 0.2 s it
        // sometimes ran out sooner, in the validation before the walk); the walk then waits until it is cancelled.
        var store = new StoreWaits();
        await using var api = new LimitedApi(new() { ["RequestTimeouts:Expensive"] = "00:00:02" }, store);
        var client = api.ClientFrom("10.0.0.1");
        store.Block = true;

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal(504, problem.GetProperty("status").GetInt32());
        Assert.Equal("Request took too long", problem.GetProperty("title").GetString());
        Assert.True(store.Cancelled.Task.IsCompletedSuccessfully, "the store's wait was cancelled");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response, string budget, string client = "this address")
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var seconds = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 3600);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.GetProperty("type").GetString());
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.Contains($"Requests from {client} have used the {budget} budget", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Graph-Version"));
    }
}

/// <summary>The API with windows of an hour, whose clients say their address in a test header (see <see cref="ClientAddresses"/>).</summary>
public sealed class LimitedApi(Dictionary<string, string?> settings, StoreWaits? waits = null) : ApiFactory(WithHourWindows(settings))
{
    public HttpClient ClientFrom(string address, string? key = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddresses.Header, address);
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddresses>();
            if (waits is not null)
            {
                var reader = services.Last(d => d.ServiceType == typeof(IGraphReader));
                services.Remove(reader);
                services.AddSingleton(provider => WaitingReader.Wrap(
                    (IGraphReader)(reader.ImplementationInstance ?? reader.ImplementationFactory?.Invoke(provider) ?? ActivatorUtilities.CreateInstance(provider, reader.ImplementationType!)),
                    waits));
            }
        });
    }

    private static Dictionary<string, string?> WithHourWindows(Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:General:Window"] = "01:00:00",
            ["RateLimits:Expensive:Window"] = "01:00:00",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }
}

/// <summary>Gives each test request's connection the remote address its <see cref="Header"/> names, before anything else runs.</summary>
public sealed class ClientAddresses : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (http.Request.Headers[Header] is { Count: 1 } address)
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            return nextMiddleware(http);
        });
        next(app);
    };
}

/// <summary>While <see cref="Block"/> is set, the store's graph walks wait until their token is cancelled, and say so.</summary>
public sealed class StoreWaits
{
    public bool Block { get; set; }

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A reader that passes every call on, except the graph walks, which wait for cancellation while told to.</summary>
public class WaitingReader : DispatchProxy
{
    private static readonly string[] Walks = [nameof(IGraphReader.FindShortestPathsAsync), nameof(IGraphReader.GetNeighbourhoodAsync)];

    private IGraphReader? _inner;
    private StoreWaits? _waits;

    public static IGraphReader Wrap(IGraphReader inner, StoreWaits waits)
    {
        var proxy = Create<IGraphReader, WaitingReader>();
        var waiting = (WaitingReader)(object)proxy;
        waiting._inner = inner;
        waiting._waits = waits;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (_waits!.Block && Walks.Contains(targetMethod.Name))
        {
            var token = args!.OfType<CancellationToken>().Single();
            var result = targetMethod.ReturnType.GetGenericArguments()[0];
            return typeof(WaitingReader).GetMethod(nameof(WaitAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(result).Invoke(null, [_waits, token]);
        }

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

    private static async Task<T> WaitAsync<T>(StoreWaits waits, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            waits.Cancelled.TrySetResult();
            throw;
        }

        throw new InvalidOperationException("An infinite wait ended.");
    }
}
