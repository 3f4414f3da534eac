using System.Net;
using System.Text.Json;
using IomGraph.Storage.Neo4j.Internal;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>Reading the discovery document and choosing the transport from it.</summary>
public sealed class DiscoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_3x_root_points_at_the_data_document_which_holds_the_version()
    {
        Assert.False(Discovery.TryParseRoot(Parse(Recorded.Read("discovery-root.json")), out _, out var dataPath));
        var server = Discovery.ParseData(Parse(Recorded.Read("discovery-data.json")));

        Assert.Equal("db/data/", dataPath);
        Assert.Equal(("3.1.1", 3, 1, false, false), (server.Version, server.Major, server.Minor, server.HasQueryApi, server.HasDatabases));
        Assert.Equal(SchemaDialect.Legacy, server.SchemaDialect);
        Assert.False(server.HasFullTextDdl);
        Assert.Equal("db/data/transaction", Discovery.PathOf(server, Discovery.Select(server, Neo4jTransport.Auto), "neo4j"));
    }

    [Fact]
    public void A_44_root_has_the_transactional_endpoint_and_modern_schema()
    {
        Assert.True(Discovery.TryParseRoot(Parse(FakeNeo4j.Discovery44), out var server, out _));

        Assert.Equal((4, 4, "enterprise", false), (server.Major, server.Minor, server.Edition, server.HasQueryApi));
        Assert.Equal(SchemaDialect.Modern, server.SchemaDialect);
        Assert.Equal(Neo4jTransport.Transactional, Discovery.Select(server, Neo4jTransport.Auto));
        Assert.Equal("db/graph/tx", Discovery.PathOf(server, Neo4jTransport.Transactional, "graph"));
    }

    [Theory]
    [InlineData("4.3.9", false)]
    [InlineData("4.4.0", true)]
    [InlineData("5.26.0-aura", true)]
    [InlineData("2025.01.0", true)]
    public void The_schema_dialect_follows_the_version(string version, bool modern) =>
        Assert.Equal(modern ? SchemaDialect.Modern : SchemaDialect.Legacy, Discovery.Create(version, null, hasQueryApi: false, hasDatabases: true).SchemaDialect);

    [Theory]
    [InlineData("3.1.1", "SizeOfPattern")]
    [InlineData("3.5.35", "SizeOfPattern")]
    [InlineData("4.4.30", "SizeOfPattern")]
    [InlineData("5.0.0", "Comprehension")]
    [InlineData("5.2.0", "Comprehension")]
    [InlineData("5.3.0", "CountSubquery")]
    [InlineData("5.26.0-aura", "CountSubquery")]
    [InlineData("2025.01.0", "CountSubquery")]
    public void The_degree_syntax_follows_the_version(string version, string syntax) =>
        Assert.Equal(Enum.Parse<DegreeSyntax>(syntax), Discovery.Create(version, null, hasQueryApi: false, hasDatabases: true).DegreeSyntax);

    [Fact]
    public void A_5x_root_without_query_uses_the_transactional_endpoint()
    {
        Assert.True(Discovery.TryParseRoot(Parse(FakeNeo4j.Discovery5), out var server, out _));

        Assert.False(server.HasQueryApi);
        Assert.True(server.HasFullTextDdl);
        Assert.Equal(Neo4jTransport.Transactional, Discovery.Select(server, Neo4jTransport.Auto));
        Assert.Equal(Neo4jTransport.QueryApi, Discovery.Select(server, Neo4jTransport.QueryApi));
    }

    [Fact]
    public void A_5x_root_with_query_selects_the_query_api_unless_told_otherwise()
    {
        Assert.True(Discovery.TryParseRoot(Parse(FakeNeo4j.Discovery5WithQuery), out var server, out _));

        Assert.True(server.HasQueryApi);
        Assert.Equal(Neo4jTransport.QueryApi, Discovery.Select(server, Neo4jTransport.Auto));
        Assert.Equal(Neo4jTransport.Transactional, Discovery.Select(server, Neo4jTransport.Transactional));
        Assert.Equal("db/my%20db/query/v2", Discovery.PathOf(server, Neo4jTransport.QueryApi, "my db"));
    }

    [Fact]
    public void A_document_that_is_not_neo4j_is_refused() =>
        Assert.Throws<Neo4jUnavailableException>(() => Discovery.TryParseRoot(Parse("""{"hello": "world"}"""), out _, out _));

    [Fact]
    public async Task Discovering_a_3x_server_reads_the_root_then_the_data_document()
    {
        var server = FakeNeo4j.Neo4j31Server();
        await using var store = TestStore.Create("http://localhost:7474", null, server);
        using var transports = new TransportProvider(store.Http());

        var connection = await transports.GetAsync(Ct);

        Assert.IsType<TransactionalTransport>(connection.Transport);
        Assert.Equal("db/data/transaction", ((TransactionalTransport)connection.Transport).TransactionPath);
        Assert.Equal(["/", "/db/data/"], server.Requests.Select(r => r.Path));
    }

    [Theory]
    [InlineData("Auto", typeof(QueryApiTransport))]
    [InlineData("QueryApi", typeof(QueryApiTransport))]
    [InlineData("Transactional", typeof(TransactionalTransport))]
    public async Task The_configured_transport_is_used_on_a_5x_server(string transport, Type expected)
    {
        var server = FakeNeo4j.QueryApiServer();
        await using var store = TestStore.Create("http://localhost:7474", new() { ["Neo4j:Transport"] = transport, ["Neo4j:Database"] = "graph" }, server);
        using var transports = new TransportProvider(store.Http());

        var connection = await transports.GetAsync(Ct);

        Assert.IsType(expected, connection.Transport);
        Assert.Contains("5.19.0", connection.Transport.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_discovery_is_not_remembered()
    {
        var server = FakeNeo4j.QueryApiServer();
        server.Outage = _ => FakeNeo4j.Json(HttpStatusCode.ServiceUnavailable, "{}");
        await using var store = TestStore.Create("http://localhost:7474", new() { ["Neo4j:MaxRetries"] = "0" }, server);
        using var transports = new TransportProvider(store.Http());

        await Assert.ThrowsAsync<Neo4jUnavailableException>(() => transports.GetAsync(Ct));
        server.Outage = null;
        var connection = await transports.GetAsync(Ct);

        Assert.IsType<QueryApiTransport>(connection.Transport);
    }

    private static JsonElement Parse(string json) => JsonSerializer.Deserialize<JsonElement>(json);
}
