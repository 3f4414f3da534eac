using System.Diagnostics;
using System.Diagnostics.Metrics;
using IomGraph.Core.Storage;

namespace IomGraph.Storage.Neo4j;

/// <summary>
/// The Neo4j store's traces and metrics, both named <see cref="Name"/>: an internal span and an
/// <c>iomgraph.store.call.duration</c> measurement per port call (<see cref="InstrumentedGraphStore{TStore}"/>), and
/// below it a client span and a <c>db.client.operation.duration</c> measurement per HTTP request to the server
/// (Internal.Neo4jRoundTrips), retries included, with the Cypher catalogue's statement names and their count.
/// </summary>
public static class Neo4jTelemetry
{
    public const string Name = "IomGraph.Storage.Neo4j";

    /// <summary>The histogram of HTTP round trips to Neo4j, in seconds, by <c>db.operation.name</c>, <c>server.address</c> and <c>error.type</c>.</summary>
    public const string RoundTripDuration = "db.client.operation.duration";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    internal static StoreInstruments Instruments { get; } = new(Source, Meter, "neo4j", ActivityKind.Internal);

    internal static Histogram<double> RoundTrips { get; } = Meter.CreateHistogram<double>(
        RoundTripDuration,
        unit: "s",
        description: "Duration of HTTP requests to Neo4j, one per round trip.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StoreInstruments.DurationBuckets });
}
