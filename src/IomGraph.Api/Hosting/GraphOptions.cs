using Microsoft.Extensions.Options;

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

    public StoreWaitOptions StoreWait { get; set; } = new();
}

/// <summary>
/// Settings under <c>Graph:StoreWait</c>: how the API retries a store that does not answer at start. The n-th wait is
/// <see cref="InitialDelay"/> doubled n times, at most <see cref="MaxDelay"/>, less a random part of up to
/// <see cref="Jitter"/> of it, so that instances started together do not retry together.
/// </summary>
public sealed class StoreWaitOptions
{
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The fraction of each wait, between 0 and 1, that is drawn at random.</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>The wait before attempt <paramref name="retry"/> + 1 (0 is the first retry), with <paramref name="random"/> in [0, 1).</summary>
    public TimeSpan Delay(int retry, double random)
    {
        var doubled = InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        var capped = Math.Min(doubled, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 - (Jitter * random)));
    }
}

/// <summary>Settings under <c>Graph:Seed</c>.</summary>
public sealed class SeedOptions
{
    /// <summary>Load the seed on start. Turn off to serve a store curated elsewhere.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The seed directory; defaults to the copy of <c>seed-data/</c> that the build puts beside the binaries.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "seed-data");
}

/// <summary>
/// The checks of <see cref="GraphOptions"/> and of the SQLite store's path that name the value they refuse, run before
/// the host starts (so that they are a sentence, not a host's stack trace).
/// </summary>
public sealed class StoreLocationValidator(IConfiguration configuration) : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Seed.Enabled && !string.IsNullOrWhiteSpace(options.Seed.Path) && !Directory.Exists(options.Seed.Path))
        {
            problems.Add($"{GraphOptions.Section}:Seed:Path is '{options.Seed.Path}', which is not a directory: name the seed directory, or set Graph:Seed:Enabled=false.");
        }

        const string sqliteKey = "Graph:Sqlite:Path";
        var sqlite = configuration[sqliteKey];
        if (options.Provider == GraphProvider.Sqlite && !string.IsNullOrWhiteSpace(sqlite) && sqlite != ":memory:")
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(sqlite))!;
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{sqliteKey} is '{sqlite}', whose directory {directory} cannot be created: {e.Message}");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
