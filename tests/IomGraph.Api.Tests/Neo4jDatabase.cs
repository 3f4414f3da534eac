using System.Net.Http.Json;
using System.Text.Json;
using IomGraph.Storage.Contract;

namespace IomGraph.Api.Tests;

/// <summary>The shared Neo4j test server as the API tests use it: its URL, and emptying it between fixtures.</summary>
internal static class Neo4jDatabase
{
    public static string? Url => Environment.GetEnvironmentVariable(Neo4jTestServer.UrlVariable) is { Length: > 0 } url ? url : null;

    /// <summary>Deletes every node and relationship, through whichever transactional endpoint the server has.</summary>
    public static async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url ?? throw new InvalidOperationException("NEO4J_URL is not set.")) };
        var discovery = await http.GetFromJsonAsync<JsonElement>("/", cancellationToken);
        var commit = discovery.TryGetProperty("transaction", out var transaction)
            ? transaction.GetString()!.Replace("{databaseName}", "neo4j", StringComparison.Ordinal) + "/commit"
            : "/db/data/transaction/commit";
        using var response = await http.PostAsJsonAsync(
            new Uri(commit, UriKind.RelativeOrAbsolute),
            new { statements = new[] { new { statement = "MATCH (n) DETACH DELETE n" } } },
            cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (body.GetProperty("errors").GetArrayLength() > 0)
        {
            throw new InvalidOperationException("Neo4j refused to clear the test database: " + body.GetProperty("errors"));
        }
    }
}
