using System.Diagnostics;
using System.Diagnostics.Metrics;
using IomGraph.Core.Storage;

namespace IomGraph.Storage.Sqlite;

/// <summary>
/// The SQLite store's traces and metrics, both named <see cref="Name"/>: a client span and an
/// <c>iomgraph.store.call.duration</c> measurement per port call (<see cref="InstrumentedGraphStore{TStore}"/>). The
/// database is in the process, so a call is the round trip.
/// </summary>
public static class SqliteTelemetry
{
    public const string Name = "IomGraph.Storage.Sqlite";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    internal static StoreInstruments Instruments { get; } = new(Source, Meter, "sqlite", ActivityKind.Client);
}
