namespace IomGraph.Storage.Sqlite;

/// <summary>Where the embedded SQLite graph store keeps its data. Bound from the <c>Graph:Sqlite</c> configuration section.</summary>
public sealed class SqliteGraphStoreOptions
{
    public const string SectionName = "Graph:Sqlite";

    /// <summary>The path that keeps the whole graph in memory, for tests and demos: it is lost when the store is disposed.</summary>
    public const string InMemory = ":memory:";

    public const string DefaultPath = "data/iomgraph.db";

    /// <summary>
    /// The database file. A relative path is resolved against the process's current directory, and its directory is
    /// created on start. <see cref="InMemory"/> keeps the graph in memory. Environment variable: <c>Graph__Sqlite__Path</c>.
    /// </summary>
    public string Path { get; set; } = DefaultPath;

    internal bool IsInMemory => string.Equals(Path, InMemory, StringComparison.Ordinal);
}
