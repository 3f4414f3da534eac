using IomGraph.Core.Seed;
using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;
using IomGraph.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IomGraph.Api.Tests;

/// <summary>
/// The API over one store, seeded from the repository's seed-data (which the build copies beside the test binaries).
/// The same tests run on every provider: each test class is written once against <see cref="ApiFactory"/> and
/// subclassed once per provider fixture.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private HttpClient? _client;

    public ApiFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    public ApiFactory(IDictionary<string, string?> settings)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Graph:Provider"] = "Sqlite",
            ["Graph:Sqlite:Path"] = ":memory:",

            // A test class sends hundreds of requests from one client, as fast as the machine goes: with limits on, how
            // many fit in a minute would decide whether it passes. LimitsApiTests turns them on, on windows of an hour.
            ["RateLimits:Enabled"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    /// <summary>A client of the running API; skips (or, in CI, fails) the calling test when the store's server is missing.</summary>
    public HttpClient Client()
    {
        EnsureAvailable();
        return _client ??= CreateClient();
    }

    public HttpClient ClientWithoutRedirects()
    {
        EnsureAvailable();
        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    /// <summary>Throws xunit's skip (or a failure in CI) when the provider's server is not there.</summary>
    protected virtual void EnsureAvailable()
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program registers its services, which is
        // when Graph:Provider decides the store.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>The API on an in-memory SQLite store.</summary>
public sealed class SqliteApi : ApiFactory;

/// <summary>
/// The API on the Neo4j test server named by NEO4J_URL, which every Neo4j test class of this assembly shares
/// (see <see cref="Neo4jApiTestGroup"/>). It holds the cross-process lock on that server while it lives, and starts
/// from an empty database, which it then seeds.
/// </summary>
public sealed class Neo4jApi() : ApiFactory(Neo4jSettings()), IAsyncLifetime
{
    private IAsyncDisposable? _lock;

    public static IDictionary<string, string?> Neo4jSettings(string? url = null) => new Dictionary<string, string?>
    {
        ["Graph:Provider"] = "Neo4j",
        ["Neo4j:Url"] = url ?? Neo4jTestServer.Url ?? "http://127.0.0.1:1",
    };

    public async ValueTask InitializeAsync()
    {
        if (Neo4jTestServer.Url is not { } url)
        {
            return;
        }

        _lock = await Neo4jTestServer.AcquireAsync();
        await Neo4jTestServer.ClearDatabaseAsync(url);
    }

    protected override void EnsureAvailable() => Neo4jTestServer.RequireUrl();

    /// <summary>
    /// Empties the shared database for a test that writes, and returns a function that puts the seeded graph back
    /// afterwards, so that the read-only classes of the collection always see the seed.
    /// </summary>
    public async Task<Func<Task>> LendDatabaseAsync()
    {
        var url = Neo4jTestServer.RequireUrl();
        _ = Client();
        await Neo4jTestServer.ClearDatabaseAsync(url);
        return async () =>
        {
            await Neo4jTestServer.ClearDatabaseAsync(url);
            var seed = await SeedReader.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "seed-data"));
            await Services.GetRequiredService<IGraphWriter>().SeedAsync(seed.Bundle);
        };
    }

    /// <summary>
    /// For a test class whose tests write: each call starts an API of its own on the borrowed database, emptied, with
    /// these settings, which its store then seeds; disposing the loan puts the seeded graph back.
    /// </summary>
    public BorrowedDatabase Borrow() => new(this);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_lock is not null)
        {
            await _lock.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The shared Neo4j database lent to one test class (<see cref="Neo4jApi.Borrow"/>).</summary>
public sealed class BorrowedDatabase(Neo4jApi shared) : IAsyncDisposable
{
    private Func<Task>? _giveBack;

    public Task<ApiFactory> StartApiAsync(IDictionary<string, string?> settings) => StartApiAsync(settings, all => new ApiFactory(all));

    /// <summary>
    /// As <see cref="StartApiAsync(IDictionary{string, string?})"/>, the API made by <paramref name="create"/> from the
    /// settings; with <paramref name="empty"/> false, on the database as it is, for a second instance on one store.
    /// </summary>
    public async Task<T> StartApiAsync<T>(IDictionary<string, string?> settings, Func<IDictionary<string, string?>, T> create, bool empty = true)
        where T : ApiFactory
    {
        ArgumentNullException.ThrowIfNull(create);
        _giveBack ??= await shared.LendDatabaseAsync();
        if (empty)
        {
            await Neo4jTestServer.ClearDatabaseAsync(Neo4jTestServer.RequireUrl());
        }

        var all = Neo4jApi.Neo4jSettings();
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return create(all);
    }

    public async ValueTask DisposeAsync()
    {
        if (_giveBack is not null)
        {
            await _giveBack();
        }
    }
}

/// <summary>All API tests on Neo4j share one server, so they run one class at a time, on one seeded API.</summary>
[CollectionDefinition(Name)]
public sealed class Neo4jApiTestGroup : ICollectionFixture<Neo4jApi>
{
    public const string Name = "API on Neo4j";
}
