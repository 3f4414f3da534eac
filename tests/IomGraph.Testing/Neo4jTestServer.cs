using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace IomGraph.Testing;

/// <summary>
/// The one Neo4j that tests share (started by tests/neo4j/start.sh locally, by .ci/run in CI). Tests that need it call
/// <see cref="RequireUrl"/>, which skips them on a machine without it and fails them in CI, and hold
/// <see cref="AcquireAsync"/> while they use the database, so that test assemblies running side by side (the store
/// tests, the API tests) never clear or fill it under each other.
/// </summary>
public static class Neo4jTestServer
{
    public const string UrlVariable = "NEO4J_URL";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(15);

    /// <summary>The lock file every process that uses the shared server opens exclusively.</summary>
    public static string LockPath { get; } = Path.Combine(Path.GetTempPath(), "iomgraph-neo4j-tests.lock");

    /// <summary>The server's URL from <c>NEO4J_URL</c>, or null when it is not set: for setup that only decides what to configure. A test that needs the server calls <see cref="RequireUrl"/>.</summary>
    public static string? Url => Environment.GetEnvironmentVariable(UrlVariable) is { } url && !string.IsNullOrWhiteSpace(url) ? url : null;

    /// <summary>The server's URL from <c>NEO4J_URL</c>. Without it the test is skipped, or fails when <c>CI=true</c>.</summary>
    public static string RequireUrl()
    {
        if (Url is { } url)
        {
            return url;
        }

        TestEnvironment.Missing($"{UrlVariable} is not set: start Neo4j with `export {UrlVariable}=$(tests/neo4j/start.sh)` to run the tests that need it (in CI, .ci/run starts it).");
        throw new UnreachableException();
    }

    /// <summary>
    /// Takes the cross-process lock on the shared database, waiting (at most 15 minutes) while another process holds
    /// it. Dispose the result to release it. The lock is an exclusive open of <see cref="LockPath"/>, which the OS
    /// releases if the process dies.
    /// </summary>
    public static async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return new Lease(new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"Another process has held the Neo4j test lock {LockPath} for {LockTimeout.TotalMinutes} minutes.", e);
            }
        }
    }

    /// <summary>
    /// Deletes every node and relationship of the server's default database, in batches, through the transactional
    /// endpoint that the discovery document names (<c>/db/data/transaction</c> on 3.x, <c>/db/neo4j/tx</c> on 4.x and
    /// 5.x). Constraints and indexes stay. Hold <see cref="AcquireAsync"/> while calling it.
    /// </summary>
    public static async Task ClearDatabaseAsync(string url, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
        using var root = JsonDocument.Parse(await client.GetStringAsync(string.Empty, cancellationToken));
        var commit = root.RootElement.TryGetProperty("transaction", out var transaction)
            ? new Uri(transaction.GetString()!.Replace("{databaseName}", "neo4j", StringComparison.Ordinal)).AbsolutePath.TrimStart('/') + "/commit"
            : "db/data/transaction/commit";
        var request = new { statements = new[] { new { statement = "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted" } } };
        while (true)
        {
            using var response = await client.PostAsJsonAsync(commit, request, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (body.RootElement.GetProperty("errors").GetArrayLength() > 0)
            {
                throw new InvalidOperationException($"Neo4j at {url} refused to clear the database: {body.RootElement.GetProperty("errors")}");
            }

            if (body.RootElement.GetProperty("results")[0].GetProperty("data")[0].GetProperty("row")[0].GetInt64() == 0)
            {
                return;
            }
        }
    }

    private sealed class Lease(FileStream file) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => file.DisposeAsync();
    }
}
