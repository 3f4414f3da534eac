using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IomGraph.Core.Storage;

/// <summary>
/// An adapter's traces and metrics of its port calls: the adapter's own <see cref="ActivitySource"/> and
/// <see cref="Meter"/> (both named after its assembly, "IomGraph.Storage.Sqlite"), and the database it talks to
/// (<c>db.system.name</c>: "sqlite", "neo4j"). <see cref="InstrumentedGraphStore{TStore}"/> uses them for a span and a
/// measurement per call. Without a listener a call costs one <see cref="ActivitySource.HasListeners"/> check and one
/// <see cref="Instrument.Enabled"/> check.
/// </summary>
public sealed class StoreInstruments
{
    /// <summary>The histogram of port calls, in seconds, by <c>db.system.name</c>, <c>db.operation.name</c> and <c>error.type</c>.</summary>
    public const string CallDuration = "iomgraph.store.call.duration";

    public StoreInstruments(ActivitySource source, Meter meter, string databaseSystem, ActivityKind callKind)
    {
        ArgumentNullException.ThrowIfNull(meter);
        Source = source;
        DatabaseSystem = databaseSystem;
        CallKind = callKind;
        Calls = meter.CreateHistogram<double>(
            CallDuration,
            unit: "s",
            description: "Duration of the graph store's port calls (reads and writes).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    /// <summary>The buckets of OpenTelemetry's HTTP and database duration conventions, in seconds.</summary>
    public static IReadOnlyList<double> DurationBuckets { get; } = [0.001, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    public ActivitySource Source { get; }

    public string DatabaseSystem { get; }

    /// <summary>Client for an embedded store, whose call is the database operation; Internal when the calls' round trips have spans of their own.</summary>
    public ActivityKind CallKind { get; }

    public Histogram<double> Calls { get; }

    /// <summary>The write's outcome and totals over sources, actors and relations.</summary>
    public static void TagWrite(Activity activity, WriteResult result)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(result);
        var counts = result.Counts;
        RecordCounts[] kinds = [counts.Sources, counts.Actors, counts.Relations];
        activity.SetTag("iomgraph.write.status", result.Status.ToString());
        activity.SetTag("iomgraph.records.created", kinds.Sum(c => c.Created));
        activity.SetTag("iomgraph.records.updated", kinds.Sum(c => c.Updated));
        activity.SetTag("iomgraph.records.unchanged", kinds.Sum(c => c.Unchanged));
        activity.SetTag("iomgraph.records.deleted", kinds.Sum(c => c.Deleted));
    }
}
