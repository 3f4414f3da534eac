using System.Collections.Concurrent;
using System.Net;
using IomGraph.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IomGraph.Storage.Neo4j.Tests;

public sealed class Neo4jOptionsTests
{
    private const string Password = "correct-horse-battery-staple";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_store_is_one_singleton_configured_from_the_Neo4j_section()
    {
        using var host = Build(new() { ["Neo4j:Url"] = "http://localhost:7474", ["Neo4j:Database"] = "graph", ["Neo4j:Transport"] = "Transactional" });
        await host.StartAsync(Ct);

        var store = host.Services.GetRequiredService<IGraphReader>();
        var options = host.Services.GetRequiredService<IOptions<Neo4jOptions>>().Value;

        // The port is the store seen through its instrumentation, which passes every call on.
        Assert.Same(Assert.IsType<InstrumentedGraphStore<Neo4jGraphStore>>(store).Store, host.Services.GetRequiredService<Neo4jGraphStore>());
        Assert.Same(store, host.Services.GetRequiredService<IGraphWriter>());
        Assert.Equal(("graph", Neo4jTransport.Transactional, TimeSpan.FromSeconds(30)), (options.Database, options.Transport, options.RequestTimeout));
        await host.StopAsync(Ct);
    }

    [Theory]
    [InlineData(null, "Neo4j:Url is required")]
    [InlineData("", "Neo4j:Url is required")]
    [InlineData("localhost:7474", "Neo4j:Url must be an absolute http or https URL")]
    [InlineData("/db/neo4j", "Neo4j:Url must be an absolute http or https URL")]
    [InlineData("bolt://localhost:7687", "Neo4j:Url must be an absolute http or https URL")]
    [InlineData("http://neo4j:secret@localhost:7474", "must not carry credentials")]
    public async Task A_missing_or_invalid_url_fails_on_start(string? url, string message)
    {
        using var host = Build(new() { ["Neo4j:Url"] = url });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Neo4j:Database", "no/slash", "Neo4j:Database")]
    [InlineData("Neo4j:RequestTimeout", "00:00:00", "Neo4j:RequestTimeout")]
    [InlineData("Neo4j:MaxRetries", "11", "Neo4j:MaxRetries")]
    [InlineData("Neo4j:BatchSize", "0", "Neo4j:BatchSize")]
    [InlineData("Neo4j:Password", "orphan", "Neo4j:Password is set but Neo4j:User is not")]
    public async Task Other_invalid_settings_fail_on_start_naming_the_setting(string key, string value, string message)
    {
        using var host = Build(new() { ["Neo4j:Url"] = "http://localhost:7474", [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("orphan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_describe_themselves_without_the_password()
    {
        var options = new Neo4jOptions { Url = "https://graph.example.org:7473", User = "reader", Password = Password };

        var text = options.ToString();

        Assert.Contains("https://graph.example.org:7473", text, StringComparison.Ordinal);
        Assert.Contains("user 'reader'", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_the_store_logs_or_throws_holds_the_password()
    {
        var logs = new CapturingLogs();
        var server = FakeNeo4j.QueryApiServer().On(HttpMethod.Post, "/db/neo4j/query/v2", HttpStatusCode.Unauthorized, "{}");
        await using var store = TestStore.Create("http://localhost:7474", new() { ["Neo4j:User"] = "neo4j", ["Neo4j:Password"] = Password }, server, logs);

        var initialising = await Assert.ThrowsAsync<Neo4jAuthenticationException>(() => store.Store.InitialiseAsync(Ct));
        var reading = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Store.GetStatsAsync(3, Ct));

        Assert.NotEmpty(logs.Messages);
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("neo4j:" + Password));
        Assert.All(logs.Messages, m => Assert.DoesNotContain(Password, m, StringComparison.Ordinal));
        Assert.All(logs.Messages, m => Assert.DoesNotContain(basic, m, StringComparison.Ordinal));
        Assert.DoesNotContain(Password, initialising.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, reading.ToString(), StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddNeo4jGraphStore();
        return builder.Build();
    }

    /// <summary>Keeps every message logged at any level, with its exception.</summary>
    private sealed class CapturingLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Messages.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
