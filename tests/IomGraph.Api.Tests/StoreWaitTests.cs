using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using IomGraph.Api.Hosting;
using IomGraph.Core.Storage;
using IomGraph.Testing.InMemory;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace IomGraph.Api.Tests;

/// <summary>
/// The API started while its store does not answer: it serves, is live and not ready, answers graph requests with 503,
/// retries on a fake clock (so no test waits for a backoff), and becomes ready, seeded, when the store answers.
/// </summary>
public sealed class StoreWaitTests
{
    [Fact]
    public async Task Started_with_the_store_down_the_api_waits_retries_with_backoff_and_becomes_ready_when_it_answers()
    {
        await using var api = new FlakyStoreApi();
        var client = api.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), ct);
        var ready = await client.GetJsonAsync("/health/ready", HttpStatusCode.ServiceUnavailable);
        using var graph = await client.GetAsync(new Uri("/api/v1/actors/iom", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("store-unreachable", ready.GetProperty("checks").GetProperty("store").GetProperty("state").GetString());
        Assert.Contains("Neo4j is down", ready.GetProperty("checks").GetProperty("store").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, graph.StatusCode);
        Assert.Equal("application/problem+json", graph.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1", graph.Headers.RetryAfter?.ToString());

        // The first retry, after 1 s, fails too: the next waits twice as long, and nothing new is logged.
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually(() => api.Status.Snapshot().NextAttempt == api.Clock.GetUtcNow() + TimeSpan.FromSeconds(2));
        using var stillDown = await client.GetAsync(new Uri("/api/v1/actors/iom", UriKind.Relative), ct);
        Assert.Equal("2", stillDown.Headers.RetryAfter?.ToString());
        Assert.Equal(2, api.Store.Attempts);

        api.Store.Up = true;
        api.Clock.Advance(TimeSpan.FromSeconds(2));
        await api.Seeding.Waiting.WaitAsync(TimeSpan.FromMinutes(1), ct);

        var readyNow = await client.GetJsonAsync("/health/ready");
        var iom = await client.GetJsonAsync("/api/v1/actors/iom");
        Assert.Equal("ready", readyNow.GetProperty("checks").GetProperty("store").GetProperty("state").GetString());
        Assert.Equal("iom", iom.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal(["Unreachable", "Seeding", "Ready"], api.Logs.States());
    }

    [Fact]
    public async Task A_store_lost_after_start_is_reported_not_ready_once_and_ready_again_when_it_answers()
    {
        await using var api = new FlakyStoreApi(up: true);
        var client = api.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        await client.GetJsonAsync("/health/ready");

        api.Store.Up = false;
        var lost = await client.GetJsonAsync("/health/ready", HttpStatusCode.ServiceUnavailable);
        await client.GetJsonAsync("/health/ready", HttpStatusCode.ServiceUnavailable);
        using var graph = await client.GetAsync(new Uri("/api/v1/actors/iom", UriKind.Relative), ct);
        api.Store.Up = true;
        var back = await client.GetJsonAsync("/health/ready");

        Assert.Equal("store-unreachable", lost.GetProperty("checks").GetProperty("store").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, graph.StatusCode);
        Assert.Equal("application/problem+json", graph.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(graph.Headers.RetryAfter);
        Assert.Equal("ready", back.GetProperty("checks").GetProperty("store").GetProperty("state").GetString());
        Assert.Equal(["Seeding", "Ready", "Lost", "Ready"], api.Logs.States());
    }

    [Theory]
    [InlineData(0, 0.0, 1000)]
    [InlineData(1, 0.0, 2000)]
    [InlineData(4, 0.0, 16000)]
    [InlineData(5, 0.0, 30000)]
    [InlineData(40, 0.0, 30000)]
    [InlineData(5, 0.5, 27000)]
    [InlineData(0, 0.999, 800.2)]
    public void The_backoff_doubles_up_to_its_bound_less_its_jitter(int retry, double random, double milliseconds)
    {
        var wait = new StoreWaitOptions { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), Jitter = 0.2 };

        Assert.Equal(milliseconds, wait.Delay(retry, random).TotalMilliseconds, precision: 1);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>The API on an in-memory store behind a switch, with a fake clock; the provider is Neo4j, whose outages are retried.</summary>
    private sealed class FlakyStoreApi(bool up = false) : ApiFactory(new Dictionary<string, string?>
    {
        ["Graph:Provider"] = "Neo4j",
        ["Neo4j:Url"] = "http://127.0.0.1:1",
        ["Graph:StoreWait:Jitter"] = "0",
    })
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        public Switch Store { get; } = new() { Up = up };

        public LogCollector Logs { get; } = new();

        public StoreStatus Status => Services.GetRequiredService<StoreStatus>();

        public SeedHostedService Seeding => Services.GetServices<IHostedService>().OfType<SeedHostedService>().Single();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(Logs));
            builder.ConfigureTestServices(services =>
            {
                var store = new InMemoryGraphStore(Clock);
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
                services.RemoveAll<IGraphReader>();
                services.RemoveAll<IGraphWriter>();
                services.AddSingleton(Switch.Around<IGraphReader>(store, Store));
                services.AddSingleton(Switch.Around<IGraphWriter>(store, Store));
            });
        }
    }

    /// <summary>Every call to the store behind it throws <see cref="StoreUnavailableException"/> while <see cref="Up"/> is false.</summary>
    public sealed class Switch
    {
        private int _attempts;
        private volatile bool _up;

        public bool Up
        {
            get => _up;
            set => _up = value;
        }

        /// <summary>How many times the store was initialised or asked to be: one per attempt to prepare it.</summary>
        public int Attempts => Volatile.Read(ref _attempts);

        public static T Around<T>(T target, Switch @switch)
            where T : class
        {
            var proxy = DispatchProxy.Create<T, SwitchProxy>();
            ((SwitchProxy)(object)proxy).Bind(target, @switch);
            return proxy;
        }

        internal void Count() => Interlocked.Increment(ref _attempts);
    }

    public class SwitchProxy : DispatchProxy
    {
        private object? _target;
        private Switch? _switch;

        internal void Bind(object target, Switch @switch) => (_target, _switch) = (target, @switch);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IGraphWriter.InitialiseAsync))
            {
                _switch!.Count();
            }

            if (!_switch!.Up)
            {
                throw new StoreUnavailableException("Neo4j is down (played by the test).");
            }

            try
            {
                return targetMethod.Invoke(_target, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }

    /// <summary>The store states that <see cref="StoreStatus"/> logged, in order.</summary>
    public sealed class LogCollector : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _states = new();

        public string[] States() => [.. _states];

        public ILogger CreateLogger(string categoryName) => new Collector(categoryName == typeof(StoreStatus).FullName ? _states : null);

        public void Dispose()
        {
        }

        private sealed class Collector(ConcurrentQueue<string>? states) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => states is not null;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (states is not null && state is IReadOnlyList<KeyValuePair<string, object?>> values)
                {
                    states.Enqueue(values.First(v => v.Key == "State").Value!.ToString()!);
                }
            }
        }
    }
}
