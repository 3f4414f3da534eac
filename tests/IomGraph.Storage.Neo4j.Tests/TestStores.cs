using System.Net.Http.Json;
using System.Text.Json;
using IomGraph.Storage.Neo4j.Internal;
using IomGraph.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>A store built the way a host builds it: configuration, AddNeo4jGraphStore, optionally a fake HTTP handler.</summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestStore(ServiceProvider services)
    {
        _services = services;
        Store = services.GetRequiredService<Neo4jGraphStore>();
    }

    public Neo4jGraphStore Store { get; }

    public IServiceProvider Services => _services;

    public Neo4jOptions Options => _services.GetRequiredService<IOptions<Neo4jOptions>>().Value;

    /// <summary>A store on the shared server, with the lock held, its database emptied and its schema created.</summary>
    public static async Task<TestStore> CreateEmptyAsync(
        SharedNeo4j server,
        Dictionary<string, string?>? settings = null,
        HttpMessageHandler? handler = null,
        TimeProvider? clock = null)
    {
        var store = Create(await server.AcquireAsync(), settings, handler, clock: clock);
        try
        {
            await TestDatabase.ClearAsync(store, TestContext.Current.CancellationToken);
            await store.Store.InitialiseAsync(TestContext.Current.CancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public static TestStore Create(
        string url,
        Dictionary<string, string?>? settings = null,
        HttpMessageHandler? handler = null,
        ILoggerProvider? logs = null,
        TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Neo4j:Url"] = url,
                ["Neo4j:RetryDelay"] = "00:00:00.010",
                ["Neo4j:MaxRetries"] = "2",
            })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddNeo4jGraphStore();
        if (handler is not null)
        {
            services.AddHttpClient(Neo4jGraphStore.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => handler)
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        }

        return new TestStore(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    /// <summary>The HTTP layer the store uses, for tests of the transports themselves.</summary>
    public Neo4jHttp Http() => new(_services.GetRequiredService<IHttpClientFactory>(), Options);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>Clears the shared test database, and runs test-only Cypher through the adapter's own transports.</summary>
internal static class TestDatabase
{
    public static Task ClearAsync(TestStore store, CancellationToken cancellationToken) =>
        Neo4jTestServer.ClearDatabaseAsync(store.Options.Url!, cancellationToken);

    public static async Task<CypherResult> RunAsync(TestStore store, CypherStatement statement, CancellationToken cancellationToken)
    {
        using var transports = new TransportProvider(store.Http());
        var connection = await transports.GetAsync(cancellationToken);
        return (await connection.Transport.ExecuteAsync([statement], idempotent: true, cancellationToken))[0];
    }

    /// <summary>
    /// The root of a statement's plan, run with <paramref name="keyword"/> (<c>EXPLAIN</c> or <c>PROFILE</c>) on 3.x's
    /// transactional endpoint, which the test server (3.1.1) has: the adapter's transports do not read plans.
    /// </summary>
    public static async Task<JsonElement> PlanAsync(TestStore store, string keyword, string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri(store.Options.Url!.TrimEnd('/') + "/") };
        var request = new { statements = new[] { new { statement = keyword + " " + statement, parameters } } };
        using var response = await client.PostAsJsonAsync("db/data/transaction/commit", request, cancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        Assert.True(response.IsSuccessStatusCode && body.RootElement.GetProperty("errors").GetArrayLength() == 0, body.RootElement.ToString());
        return body.RootElement.GetProperty("results")[0].GetProperty("plan").GetProperty("root").Clone();
    }
}

/// <summary>
/// Holds the cross-process lock on the shared server for the life of a test class, taken on first use (so that a
/// class whose tests are all skipped never waits for it).
/// </summary>
public sealed class SharedNeo4j : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IAsyncDisposable? _lease;

    /// <summary>The server's URL, with the lock held; skips (or, in CI, fails) without a server.</summary>
    public async Task<string> AcquireAsync()
    {
        var url = Neo4jTestServer.RequireUrl();
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            _lease ??= await Neo4jTestServer.AcquireAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        return url;
    }

    public async ValueTask DisposeAsync()
    {
        if (_lease is not null)
        {
            await _lease.DisposeAsync();
        }

        _gate.Dispose();
    }
}
