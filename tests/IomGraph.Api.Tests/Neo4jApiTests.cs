using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IomGraph.Core.Seed;
using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;
using IomGraph.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IomGraph.Api.Tests;

/// <summary>What only the Neo4j provider can show: the same answers as SQLite, restarts, and outages.</summary>
[Collection(Neo4jApiTestGroup.Name)]
public sealed class Neo4jApiTests(Neo4jApi neo4j) : IAsyncLifetime
{
    private readonly SqliteApi _sqlite = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _sqlite.DisposeAsync();

    /// <summary>Representative requests of every endpoint, including errors and a second page.</summary>
    public static TheoryData<string> Requests() =>
    [
        "/api/v1/actors?q=UNHCR",
        "/api/v1/actors?q=cote%20d'ivoire",
        "/api/v1/actors?q=migration&limit=7",
        "/api/v1/actors?kind=state&limit=25",
        "/api/v1/actors?kind=value,inter-agency-group",
        "/api/v1/actors?limit=100",
        "/api/v1/actors/iom",
        "/api/v1/actors/usa",
        "/api/v1/actors/nobody",
        "/api/v1/actors/iom/relations?limit=30",
        "/api/v1/actors/iom/relations?type=COORDINATES&direction=out",
        "/api/v1/actors/iom/relations?direction=in&type=MEMBER_OF&asOf=1990&limit=200",
        "/api/v1/actors/global-migration-group/relations?type=MEMBER_OF&direction=in&asOf=2010",
        "/api/v1/actors/global-migration-group/relations?type=MEMBER_OF&direction=in&asOf=2020",
        "/api/v1/actors/geneva-migration-group/relations?asOf=2003-05",
        "/api/v1/actors/iom/relations?type=LEADS&direction=in&asOf=1990&includeUndated=true",
        "/api/v1/actors/iom/neighbourhood?depth=1",
        "/api/v1/actors/unhcr/neighbourhood?depth=2&type=MEMBER_OF&asOf=2010",
        "/api/v1/actors/iom/neighbourhood?depth=2&asOf=2010&includeUndated=true&maxNodes=60",
        "/api/v1/actors/iom/neighbourhood?depth=2&maxNodes=40",
        "/api/v1/actors/unhcr/neighbourhood?depth=3&type=CHAIRS,MEMBER_OF,SUCCEEDED_BY",
        "/api/v1/paths?from=usa&to=unhcr",
        "/api/v1/paths?from=usa&to=unhcr&asOf=2010",
        "/api/v1/paths?from=usa&to=unhcr&asOf=2010&includeUndated=true",
        "/api/v1/paths?from=che&to=un-network-on-migration&maxDepth=5",
        "/api/v1/paths?from=usa&to=unhcr&type=CHAIRS",
        "/api/v1/paths?from=iom&to=iom",
        "/api/v1/paths?from=nobody&to=unhcr",
        "/api/v1/relations?type=CHAIRS&to=global-migration-group",
        "/api/v1/relations?minConfidence=high&limit=100",
        "/api/v1/relations?from=usa",
        "/api/v1/relations?asOf=2004-06&limit=200",
        "/api/v1/relations?asOf=2004-06&includeUndated=true&limit=50",
        "/api/v1/relations/iom.coordinates.un-network-on-migration",
        "/api/v1/relations/no.such.relation",
        "/api/v1/sources",
        "/api/v1/sources?limit=10",
        "/api/v1/sources/noborder-iom-wiki",
        "/api/v1/sources/cow-igo-v3?limit=20",
        "/api/v1/stats",
        "/api/v1/relation-types",
        "/api/v1/actor-kinds",
        "/api/v1/relations?type=KNOWS",
        "/api/v1/actors/iom/relations?asOf=2020-13-45",
    ];

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Neo4j_answers_exactly_as_sqlite_does(string url)
    {
        var onNeo4j = await AnswerAsync(neo4j.Client(), url);
        var onSqlite = await AnswerAsync(_sqlite.Client(), url);

        Assert.Equal(onSqlite.Status, onNeo4j.Status);
        Assert.Equal(onSqlite.ContentType, onNeo4j.ContentType);
        Assert.Equal(onSqlite.Body, onNeo4j.Body);

        if (onSqlite.Next is { } next)
        {
            var secondNeo4j = await AnswerAsync(neo4j.Client(), next);
            var secondSqlite = await AnswerAsync(_sqlite.Client(), next);
            Assert.Equal(secondSqlite.Body, secondNeo4j.Body);
        }
    }

    [Fact]
    public async Task A_restart_against_the_same_neo4j_duplicates_nothing()
    {
        var before = await neo4j.Client().GetJsonAsync("/api/v1/stats?top=5");

        await using var restarted = new ApiFactory(Neo4jApi.Neo4jSettings());
        var after = await restarted.CreateClient().GetJsonAsync("/api/v1/stats?top=5");
        var seed = await SeedReader.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "seed-data"), TestContext.Current.CancellationToken);
        var reapplied = await restarted.Services.GetRequiredService<IGraphWriter>().SeedAsync(seed.Bundle, TestContext.Current.CancellationToken);

        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.False(reapplied.Changed);
        Assert.Equal(seed.Bundle.Relations.Count, reapplied.Relations.Unchanged);
    }

    [Fact]
    public async Task An_outage_gives_503s_and_an_unready_health_check_and_recovery_needs_no_restart()
    {
        await using var proxy = new TcpProxy(new Uri(Neo4jTestServer.RequireUrl()));
        proxy.Start();
        await using var api = new ApiFactory(Neo4jApi.Neo4jSettings(proxy.Url.ToString()));
        var client = api.CreateClient();
        await client.GetJsonAsync("/api/v1/actors/iom");

        await proxy.StopAsync();

        // An actor not read before: IOM's page, read a moment ago, may still be answered from memory (the read cache
        // keeps answers of the graph's version, which is asked again after GraphVersion.Lifetime).
        using var down = await client.GetAsync(new Uri("/api/v1/actors/unhcr", UriKind.Relative), TestContext.Current.CancellationToken);
        using var downReady = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        using var downLive = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, downReady.StatusCode);
        Assert.Equal(HttpStatusCode.OK, downLive.StatusCode);

        proxy.Start();
        var recovered = await client.GetJsonAsync("/api/v1/actors/iom");
        await client.GetJsonAsync("/health/ready");

        Assert.Equal("iom", recovered.GetProperty("actor").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Started_while_neo4j_is_down_the_api_is_live_not_ready_and_becomes_ready_when_neo4j_comes_up()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var proxy = new TcpProxy(new Uri(Neo4jTestServer.RequireUrl()));
        await using var borrowed = neo4j.Borrow();
        await using var api = await borrowed.StartApiAsync(new Dictionary<string, string?>
        {
            ["Neo4j:Url"] = proxy.Url.ToString(),
            ["Graph:StoreWait:InitialDelay"] = "00:00:00.100",
            ["Graph:StoreWait:MaxDelay"] = "00:00:00.500",
        });
        var client = api.CreateClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), ct);
        var ready = await client.GetJsonAsync("/health/ready", HttpStatusCode.ServiceUnavailable);
        using var graph = await client.GetAsync(new Uri("/api/v1/actors/iom", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("store-unreachable", ready.GetProperty("checks").GetProperty("store").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, graph.StatusCode);
        Assert.Equal("application/problem+json", graph.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(graph.Headers.RetryAfter);

        proxy.Start();
        var seeding = api.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<IomGraph.Api.Hosting.SeedHostedService>().Single();
        await seeding.Waiting.WaitAsync(TimeSpan.FromMinutes(2), ct);
        var readyNow = await client.GetJsonAsync("/health/ready");
        var iom = await client.GetJsonAsync("/api/v1/actors/iom");

        Assert.Equal("ready", readyNow.GetProperty("checks").GetProperty("store").GetProperty("state").GetString());
        Assert.Equal("iom", iom.GetProperty("actor").GetProperty("id").GetString());
    }

    private sealed record Answer(HttpStatusCode Status, string? ContentType, string Body, string? Next);

    private static async Task<Answer> AnswerAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var node = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        if (node is JsonObject problem)
        {
            problem.Remove("traceId");
        }

        var next = node is JsonObject page && page["nextCursor"] is JsonValue cursor
            ? url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "cursor=" + Uri.EscapeDataString(cursor.GetValue<string>())
            : null;
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), next);
    }
}
