using System.Globalization;

namespace IomGraph.Benchmarks;

/// <summary>What a load case runs against.</summary>
public enum LoadGraph
{
    /// <summary>The API on the curated seed (seed-data/), on SQLite and, when given, on Neo4j.</summary>
    Seed,

    /// <summary>The API on SQLite with the synthetic graph of the chosen scale.</summary>
    Synthetic,

    /// <summary>The Neo4j server itself, over its HTTP transactional endpoint, beside the API on Neo4j.</summary>
    Neo4jServer,
}

/// <summary>How a target is measured: each is one of the issue's "ratio in one run" or time budgets.</summary>
public enum TargetKind
{
    /// <summary>Requests/s at least this share of /health/live of the same process (SQLite, seed).</summary>
    LiveRatio,

    /// <summary>Requests/s on Neo4j at least this share of the same request on SQLite, in the same run.</summary>
    Neo4jOverSqlite,

    /// <summary>Mean latency with one connection (one request at a time) below this many milliseconds (large scale).</summary>
    AloneMean,

    /// <summary>99th-percentile latency with one connection below this many milliseconds (large scale).</summary>
    AloneP99,
}

/// <summary>A target of issue 12 and how far a measured figure is from it.</summary>
public sealed record LoadTarget(TargetKind Kind, double Value)
{
    /// <summary>The scale the time budgets are set for: 100k actors, 1M relations.</summary>
    public const string BudgetScale = "large";

    public bool IsAlone => Kind is TargetKind.AloneMean or TargetKind.AloneP99;

    public string Describe() => Kind switch
    {
        TargetKind.LiveRatio => Invariant($"≥ {Value} × /health/live"),
        TargetKind.Neo4jOverSqlite => Invariant($"≥ {Value} × SQLite"),
        TargetKind.AloneMean => Invariant($"alone < {Value} ms"),
        _ => Invariant($"alone p99 < {Value} ms"),
    };

    /// <summary>"met" or "short …": ratios must reach the value, times must stay under it.</summary>
    public string Judge(double measured)
    {
        if (double.IsNaN(measured) || measured <= 0)
        {
            return "short (nothing measured)";
        }

        if (Kind is TargetKind.LiveRatio or TargetKind.Neo4jOverSqlite)
        {
            return measured >= Value
                ? "met"
                : Invariant($"short by {Value - measured:0.###} ({Value / measured:0.#}× to go)");
        }

        return measured < Value
            ? "met"
            : Invariant($"short by {LoadFormat.Milliseconds(measured - Value)} ({measured / Value:0.#}× to go)");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// One request to drive with wrk, on which graph, and the issue's targets for it. <see cref="Request"/> may name the
/// synthetic graph's landmarks as {hub}, {leaf}, {otherLeaf} and {substring}; for <see cref="LoadGraph.Neo4jServer"/>
/// it is the Cypher statement, run with the parameter <c>id</c> = <c>iom</c>.
/// </summary>
public sealed record LoadCase(LoadGraph Graph, string Name, string Request, params LoadTarget[] Targets)
{
    /// <summary>The text with the synthetic graph's landmarks in place of their names.</summary>
    public static string Fill(string text, Landmarks? landmarks) => landmarks is null
        ? text
        : text
            .Replace("{hub}", landmarks.Hub, StringComparison.Ordinal)
            .Replace("{otherLeaf}", landmarks.OtherLeaf, StringComparison.Ordinal)
            .Replace("{leaf}", landmarks.Leaf, StringComparison.Ordinal)
            .Replace("{substring}", Landmarks.Substring, StringComparison.Ordinal);
}

/// <summary>The load benchmark's endpoints and issue 12's targets, in one table.</summary>
public static class LoadCases
{
    private static LoadTarget Live(double ratio) => new(TargetKind.LiveRatio, ratio);

    private static LoadTarget HalfOfSqlite { get; } = new(TargetKind.Neo4jOverSqlite, 0.5);

    private static LoadTarget MeanUnder(double milliseconds) => new(TargetKind.AloneMean, milliseconds);

    private static LoadTarget P99Under(double milliseconds) => new(TargetKind.AloneP99, milliseconds);

    public static IReadOnlyList<LoadCase> All { get; } =
    [
        // The seed (ids from seed-data/actors.json), on SQLite and on Neo4j.
        new(LoadGraph.Seed, "IOM's actor page", "/api/v1/actors/iom", Live(0.5), HalfOfSqlite),
        new(LoadGraph.Seed, "IOM's relations, page of 20", "/api/v1/actors/iom/relations?limit=20", Live(0.3), HalfOfSqlite),
        new(LoadGraph.Seed, "search 'migration'", "/api/v1/actors?q=migration", Live(0.3)),
        new(LoadGraph.Seed, "IOM's neighbourhood, depth 2", "/api/v1/actors/iom/neighbourhood?depth=2", Live(0.1)),
        new(LoadGraph.Seed, "paths USA → UNHCR", "/api/v1/paths?from=usa&to=unhcr", Live(0.2)),
        new(LoadGraph.Seed, "the Global Migration Group's page", "/api/v1/actors/global-migration-group"),
        new(LoadGraph.Seed, "the UN Network on Migration's page", "/api/v1/actors/un-network-on-migration"),

        // The Neo4j server's own answer to the simplest question the actor page asks.
        new(LoadGraph.Neo4jServer, "Neo4j's own id lookup of IOM", "MATCH (a:Actor {id: $id}) RETURN a"),

        // The synthetic graph on SQLite (landmarks from BenchmarkGraphs); the time budgets are for the large scale.
        new(LoadGraph.Synthetic, "the hub's actor page", "/api/v1/actors/{hub}"),
        new(LoadGraph.Synthetic, "a leaf's actor page", "/api/v1/actors/{leaf}"),
        new(LoadGraph.Synthetic, "search '{substring}'", "/api/v1/actors?q={substring}", MeanUnder(20)),
        new(LoadGraph.Synthetic, "statistics", "/api/v1/stats", MeanUnder(50)),
        new(LoadGraph.Synthetic, "sources", "/api/v1/sources"),
        new(LoadGraph.Synthetic, "the hub's relations, page of 20", "/api/v1/actors/{hub}/relations?limit=20", MeanUnder(5)),
        new(LoadGraph.Synthetic, "paths leaf → leaf (4 hops)", "/api/v1/paths?from={leaf}&to={otherLeaf}", P99Under(50)),
    ];
}

/// <summary>How figures are written in the load report.</summary>
public static class LoadFormat
{
    public static string Milliseconds(double ms) => ms switch
    {
        < 1 => ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        < 100 => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        < 10_000 => ms.ToString("#,0", CultureInfo.InvariantCulture) + " ms",
        _ => (ms / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s",
    };

    public static string Throughput(double perSecond) =>
        perSecond.ToString(perSecond < 100 ? "0.0" : "#,0", CultureInfo.InvariantCulture);

    /// <summary>Two decimals, or two significant digits below 0.1 (0.013, 0.00042).</summary>
    public static string Ratio(double ratio) => ratio is > 0 and < 0.1
        ? Math.Round(ratio, Math.Min(15, 1 - (int)Math.Floor(Math.Log10(ratio)))).ToString("0.#########", CultureInfo.InvariantCulture)
        : ratio.ToString("0.00", CultureInfo.InvariantCulture);
}
