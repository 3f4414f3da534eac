namespace IomGraph.Api.Hosting;

/// <summary>The store to use.</summary>
public enum GraphProvider
{
    Sqlite,
    Neo4j,
}

/// <summary>Settings under <c>Graph</c>: which store, and where the seed data lives.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public GraphProvider Provider { get; set; } = GraphProvider.Sqlite;

    public SeedOptions Seed { get; set; } = new();
}

/// <summary>Settings under <c>Graph:Seed</c>.</summary>
public sealed class SeedOptions
{
    /// <summary>Load the seed on start. Turn off to serve a store curated elsewhere.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The seed directory; defaults to the copy of <c>seed-data/</c> that the build puts beside the binaries.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "seed-data");
}
