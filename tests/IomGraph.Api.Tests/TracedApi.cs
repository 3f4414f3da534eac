using System.Collections;
using System.Diagnostics;
using IomGraph.Api.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace IomGraph.Api.Tests;

/// <summary>
/// The API with its telemetry pipeline on (<see cref="TelemetryComposition.AddGraphTelemetryPipeline"/>, as an OTLP
/// endpoint turns it on) and OpenTelemetry's in-memory exporter instead of OTLP, and every log entry captured at Trace level.
/// </summary>
public sealed class TracedApi(IDictionary<string, string?> settings) : ApiFactory(settings)
{
    public SharedCollection<Activity> Spans { get; } = new();

    public SharedCollection<MetricSnapshot> Metrics { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Waits for the spans of a trace until <paramref name="done"/> holds: a server span ends just after its answer is sent.</summary>
    public async Task<IReadOnlyList<Activity>> TraceAsync(ActivityTraceId trace, Func<IReadOnlyList<Activity>, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var spans = Spans.Snapshot().Where(s => s.TraceId == trace).ToList();
            if (done(spans) || attempt == 200)
            {
                return spans;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// The points of <paramref name="name"/> exported now, from each meter's last snapshot (measurements are cumulative;
    /// both adapters' meters have an <c>iomgraph.store.call.duration</c>).
    /// </summary>
    public IReadOnlyList<MetricPoint> Points(string name)
    {
        Services.GetRequiredService<MeterProvider>().ForceFlush();
        return [.. Metrics.Snapshot().Where(m => m.Name == name).GroupBy(m => m.MeterName).SelectMany(g => g.Last().MetricPoints)];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        builder.ConfigureServices(services => services.AddGraphTelemetryPipeline()
            .WithTracing(tracing => tracing.AddInMemoryExporter(Spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(Metrics)));
    }

    /// <summary>A traceparent header value of a new trace, and its id, so that a test finds its own request's spans.</summary>
    public static (ActivityTraceId Trace, string Header) NewTrace()
    {
        var trace = ActivityTraceId.CreateRandom();
        return (trace, $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
    }
}

/// <summary>A list that the exporters add to from the threads that end spans, while a test reads it.</summary>
public sealed class SharedCollection<T> : ICollection<T>
{
    private readonly List<T> _items = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public IReadOnlyList<T> Snapshot()
    {
        lock (_lock)
        {
            return [.. _items];
        }
    }

    public void Add(T item)
    {
        lock (_lock)
        {
            _items.Add(item);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _items.Clear();
        }
    }

    public bool Contains(T item) => Snapshot().Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => Snapshot().ToList().CopyTo(array, arrayIndex);

    public bool Remove(T item)
    {
        lock (_lock)
        {
            return _items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Every log entry as text: its message, each of its values, its exception and every scope around it.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly SharedCollection<string> _texts = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Texts => _texts.Snapshot();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            provider._texts.Add(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (_, value) in values)
                {
                    provider._texts.Add(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }
            }

            if (exception is not null)
            {
                provider._texts.Add(exception.ToString());
            }

            provider._scopes.ForEachScope(
                static (scope, texts) =>
                {
                    texts.Add(Convert.ToString(scope, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                    if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                    {
                        foreach (var (_, value) in values)
                        {
                            texts.Add(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                        }
                    }
                },
                provider._texts);
        }
    }
}
