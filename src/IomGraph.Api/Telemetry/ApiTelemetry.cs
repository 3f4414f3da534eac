using System.Diagnostics;
using System.Diagnostics.Metrics;
using IomGraph.Core.Storage;

namespace IomGraph.Api.Telemetry;

/// <summary>
/// The API's own traces and metrics, both named <see cref="Name"/>: a span per write (a curator's, an import's, the
/// seed's) with its record counts, and the counters and histograms of writes, imports, the seed and the read cache.
/// Requests are traced and measured by ASP.NET Core itself; store calls by each adapter (SqliteTelemetry, Neo4jTelemetry).
/// </summary>
public static class ApiTelemetry
{
    public const string Name = "IomGraph.Api";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    private static readonly Counter<long> Writes = Meter.CreateCounter<long>(
        "iomgraph.writes", unit: "{write}", description: "Writes handed to the store, by kind (curation, import, seed) and status.");

    private static readonly Counter<long> RecordsWritten = Meter.CreateCounter<long>(
        "iomgraph.records.written", unit: "{record}", description: "Records that writes created, updated or deleted, by write kind, record kind and change.");

    private static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>(
        "iomgraph.import.duration", unit: "s", description: "Duration of imports, validation included, by outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StoreInstruments.DurationBuckets });

    private static readonly Histogram<double> SeedDuration = Meter.CreateHistogram<double>(
        "iomgraph.seed.duration", unit: "s", description: "Duration of preparing the store at start: schema, seed check and seed write, by outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StoreInstruments.DurationBuckets });

    private static readonly Counter<long> ReadCacheRequests = Meter.CreateCounter<long>(
        "iomgraph.read_cache.requests", unit: "{request}", description: "Reads under /api/v1 that the read cache saw, by result (hit, miss, not_modified).");

    /// <summary>Starts the span of a write of <paramref name="kind"/>: "curation", "import" or "seed".</summary>
    public static Activity? StartWrite(string kind)
    {
        var activity = Source.StartActivity("iomgraph." + kind);
        activity?.SetTag("iomgraph.write.kind", kind);
        return activity;
    }

    /// <summary>What a write of <paramref name="kind"/> did, on its span and in the counters.</summary>
    public static void Written(string kind, Activity? activity, WriteResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (activity is { IsAllDataRequested: true })
        {
            StoreInstruments.TagWrite(activity, result);
        }

        if (activity is not null && !result.Applied)
        {
            activity.SetStatus(ActivityStatusCode.Error, result.Status.ToString());
        }

        var status = result.Status.ToString();
        Writes.Add(1, new TagList { { "iomgraph.write.kind", kind }, { "iomgraph.write.status", status } });
        if (!RecordsWritten.Enabled || !result.Applied)
        {
            return;
        }

        Count(kind, "source", result.Counts.Sources);
        Count(kind, "actor", result.Counts.Actors);
        Count(kind, "relation", result.Counts.Relations);
    }

    /// <summary>An import's duration since <paramref name="started"/> (<see cref="Stopwatch.GetTimestamp"/>), by outcome.</summary>
    public static void Imported(long started, string outcome, Activity? activity)
    {
        activity?.SetTag("iomgraph.import.outcome", outcome);
        ImportDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("iomgraph.import.outcome", outcome));
    }

    /// <summary>The store's preparation at start, since <paramref name="started"/>, by outcome ("applied", "current", "disabled").</summary>
    public static void Seeded(long started, string outcome, Activity? activity)
    {
        activity?.SetTag("iomgraph.seed.outcome", outcome);
        SeedDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("iomgraph.seed.outcome", outcome));
    }

    /// <summary>A read the cache answered ("hit"), passed on ("miss") or answered 304 ("not_modified").</summary>
    public static void ReadCache(string result)
    {
        Activity.Current?.SetTag("iomgraph.read_cache.result", result);
        ReadCacheRequests.Add(1, new KeyValuePair<string, object?>("iomgraph.read_cache.result", result));
    }

    private static void Count(string kind, string recordKind, RecordCounts counts)
    {
        Add(kind, recordKind, "created", counts.Created);
        Add(kind, recordKind, "updated", counts.Updated);
        Add(kind, recordKind, "deleted", counts.Deleted);
    }

    private static void Add(string kind, string recordKind, string change, int count)
    {
        if (count > 0)
        {
            RecordsWritten.Add(count, new TagList { { "iomgraph.write.kind", kind }, { "iomgraph.record.kind", recordKind }, { "iomgraph.record.change", change } });
        }
    }
}
