using System.Net;
using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>How the store fails, and recovers, when Neo4j is missing, refuses the credentials or breaks.</summary>
public sealed class FailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_port_with_nothing_listening_makes_the_store_unavailable()
    {
        await using var store = TestStore.Create("http://127.0.0.1:1", new() { ["Neo4j:MaxRetries"] = "1" });

        var starting = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Store.InitialiseAsync(Ct));
        var reading = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Store.GetStatsAsync(5, Ct));

        Assert.Contains("127.0.0.1:1", starting.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", reading.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_credentials_stop_initialisation_with_a_clear_error()
    {
        var server = FakeNeo4j.QueryApiServer().On(HttpMethod.Post, "/db/neo4j/query/v2", HttpStatusCode.Unauthorized, """
            {"errors": [{"code": "Neo.ClientError.Security.Unauthorized", "message": "The client is unauthorized due to authentication failure."}]}
            """);
        await using var store = TestStore.Create("http://localhost:7474", new() { ["Neo4j:User"] = "neo4j", ["Neo4j:Password"] = "wrong-password-123" }, server);

        var error = await Assert.ThrowsAsync<Neo4jAuthenticationException>(() => store.Store.InitialiseAsync(Ct));
        var later = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Store.GetSeedStateAsync(Ct));

        Assert.Contains("rejected the credentials of user 'neo4j'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-123", error.ToString(), StringComparison.Ordinal);
        Assert.IsType<Neo4jAuthenticationException>(later.InnerException);
    }

    [Fact]
    public async Task Forbidden_without_credentials_says_they_are_missing()
    {
        var server = FakeNeo4j.QueryApiServer().On(HttpMethod.Post, "/db/neo4j/query/v2", HttpStatusCode.Forbidden, "{}");
        await using var store = TestStore.Create("http://localhost:7474", null, server);

        var error = await Assert.ThrowsAsync<Neo4jAuthenticationException>(() => store.Store.InitialiseAsync(Ct));

        Assert.Contains("Neo4j:User and Neo4j:Password are not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_503_is_retried_a_bounded_number_of_times_then_unavailable()
    {
        var server = FakeNeo4j.QueryApiServer();
        server.Outage = _ => FakeNeo4j.Json(HttpStatusCode.ServiceUnavailable, """{"errors": [{"code": "Neo.TransientError.General.DatabaseUnavailable", "message": "Starting."}]}""");
        await using var store = TestStore.Create("http://localhost:7474", new() { ["Neo4j:MaxRetries"] = "2" }, server);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Store.GetActorAsync("iom", Ct));

        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_unavailable()
    {
        var server = FakeNeo4j.QueryApiServer();
        server.Delay = TimeSpan.FromSeconds(5);
        await using var store = TestStore.Create("http://localhost:7474", new() { ["Neo4j:RequestTimeout"] = "00:00:00.300", ["Neo4j:MaxRetries"] = "0" }, server);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Store.GetSeedStateAsync(Ct));

        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_store_recovers_after_an_outage_without_a_restart()
    {
        var server = FakeNeo4j.QueryApiServer().On(HttpMethod.Post, "/db/neo4j/query/v2", HttpStatusCode.Accepted, """
            {"data": {"fields": ["fingerprint", "appliedAt"], "values": []}, "bookmarks": []}
            """);
        await using var store = TestStore.Create("http://localhost:7474", new() { ["Neo4j:MaxRetries"] = "0" }, server);
        Assert.Null(await store.Store.GetSeedStateAsync(Ct));

        server.Outage = _ => throw new HttpRequestException("Connection refused (localhost:7474)");
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Store.GetSeedStateAsync(Ct));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Store.GetSeedStateAsync(Ct));
        server.Outage = null;
        server.Requests.Clear();

        Assert.Null(await store.Store.GetSeedStateAsync(Ct));
        Assert.Equal(["/", "/db/neo4j/query/v2"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_commit_that_fails_is_not_repeated()
    {
        var server = FakeNeo4j.Neo4j31Server()
            .On(HttpMethod.Post, "/db/data/transaction", HttpStatusCode.Created, Recorded.Read("begin.json"))
            .On(HttpMethod.Post, "/db/data/transaction/3866", FakeNeo4j.EmptyStoreResults)
            .On(HttpMethod.Post, "/db/data/transaction/3866/commit", HttpStatusCode.ServiceUnavailable, "{}");
        await using var store = TestStore.Create("http://localhost:7474", new() { ["Neo4j:MaxRetries"] = "3" }, server);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Store.ImportAsync(new Core.Model.GraphBundle { Sources = [new Core.Model.Source("s", "A source", Core.Model.SourceKind.News)] }, Ct));

        Assert.Single(server.To("/db/data/transaction/3866/commit"));
    }

    [Fact]
    public async Task A_write_that_fails_before_its_commit_is_run_again_from_the_start()
    {
        var statements = 0;
        var server = FakeNeo4j.Neo4j31Server()
            .On(HttpMethod.Post, "/db/data/transaction", HttpStatusCode.Created, Recorded.Read("begin.json"))
            .On(HttpMethod.Delete, "/db/data/transaction/3866", HttpStatusCode.OK, """{"results":[],"errors":[]}""")
            .On(HttpMethod.Post, "/db/data/transaction/3866", request => ++statements == 1
                ? FakeNeo4j.Json(HttpStatusCode.OK, """{"results":[],"errors":[{"code":"Neo.TransientError.Transaction.DeadlockDetected","message":"Deadlock."}]}""")
                : FakeNeo4j.EmptyStoreResults(request))
            .On(HttpMethod.Post, "/db/data/transaction/3866/commit", HttpStatusCode.OK, """{"results":[],"errors":[]}""");
        await using var store = TestStore.Create("http://localhost:7474", new() { ["Neo4j:MaxRetries"] = "2" }, server);

        var result = await store.Store.ImportAsync(new Core.Model.GraphBundle { Sources = [new Core.Model.Source("s", "A source", Core.Model.SourceKind.News)] }, Ct);

        Assert.Equal(new RecordCounts(1, 0, 0, 0), result.Sources);
        Assert.Equal(2, server.To("/db/data/transaction").Count());
        Assert.Single(server.To("/db/data/transaction/3866/commit"));
    }
}
