using System.Net;
using System.Text.Json;
using IomGraph.Storage.Neo4j.Internal;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>The transactional endpoint against responses recorded from the Neo4j 3.1.1 test server (Responses/Neo4j31).</summary>
public sealed class TransactionalTransportTests
{
    private const string Commit = "/db/data/transaction/commit";

    private static readonly CypherQuery Rows = new("Test.Rows", "UNWIND [1, 2] AS n RETURN n AS number", []);
    private static readonly CypherQuery Text = new("Test.Text", "RETURN $text AS text", ["text"]);
    private static readonly CypherQuery Nope = new("Test.Nope", "RETURN nope", []);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_of_several_statements_come_back_per_statement_and_meta_is_ignored()
    {
        var server = new FakeNeo4j().On(HttpMethod.Post, Commit, HttpStatusCode.OK, Recorded.Read("commit-rows.json"));

        var results = await ExecuteAsync(server, [Rows.With(), Text.With(("text", "Côte d’Ivoire"))]);

        Assert.Equal(["number", "actor", "names"], results[0].Columns);
        Assert.Equal([1L, 2L], results[0].Rows.Select(r => r[0].GetInt64()));
        Assert.Equal("IOM", results[0].Rows[0][1].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, results[0].Rows[0][1].GetProperty("label").ValueKind);
        Assert.Equal(["Côte d’Ivoire", "99991231", "0.5"], results[1].Rows[0].Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()));
    }

    [Fact]
    public async Task The_request_carries_every_statement_with_its_parameters_and_asks_for_rows()
    {
        var server = new FakeNeo4j().On(HttpMethod.Post, Commit, HttpStatusCode.OK, Recorded.Read("commit-rows.json"));

        await ExecuteAsync(server, [Rows.With(), Text.With(("text", "Côte d’Ivoire"))]);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("application/json", "application/json"), (request.ContentType, request.Accept));
        using var body = JsonDocument.Parse(request.Body!);
        var statements = body.RootElement.GetProperty("statements");
        Assert.Equal(2, statements.GetArrayLength());
        Assert.Equal("Côte d’Ivoire", statements[1].GetProperty("parameters").GetProperty("text").GetString());
        Assert.Equal("""["row"]""", statements[1].GetProperty("resultDataContents").GetRawText());
    }

    [Fact]
    public async Task An_error_in_a_200_names_the_statement_that_failed()
    {
        var server = new FakeNeo4j().On(HttpMethod.Post, Commit, HttpStatusCode.OK, Recorded.Read("commit-error.json"));

        var error = await Assert.ThrowsAsync<CypherException>(() => ExecuteAsync(server, [Rows.With(), Nope.With()]));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Equal("Test.Nope", error.Statement);
    }

    [Fact]
    public async Task An_open_transaction_lives_at_the_address_the_server_gives()
    {
        var server = new FakeNeo4j()
            .On(HttpMethod.Post, "/db/data/transaction", HttpStatusCode.Created, Recorded.Read("begin.json"), ("Location", "http://127.0.0.1:7474/db/data/transaction/3866"))
            .On(HttpMethod.Post, "/db/data/transaction/3866", HttpStatusCode.OK, Recorded.Read("in-transaction.json"))
            .On(HttpMethod.Post, "/db/data/transaction/3866/commit", HttpStatusCode.OK, Recorded.Read("commit-empty.json"));
        await using var store = TestStore.Create("http://localhost:7474", null, server);
        var transport = new TransactionalTransport(store.Http(), "db/data/transaction", "test");

        await using (var transaction = await transport.BeginAsync(Ct))
        {
            var result = Assert.Single(await transaction.ExecuteAsync([new CypherQuery("Test.Answer", "RETURN 41 + 1 AS answer", []).With()], Ct));
            Assert.Equal(42, result.Rows[0][0].GetInt32());
            await transaction.CommitAsync(Ct);
        }

        Assert.Equal(["/db/data/transaction", "/db/data/transaction/3866", "/db/data/transaction/3866/commit"], server.Requests.Select(r => r.Path));
        Assert.Equal("""{"statements":[]}""", server.Requests[0].Body);
    }

    [Fact]
    public async Task A_transaction_that_is_not_committed_is_rolled_back()
    {
        var server = new FakeNeo4j()
            .On(HttpMethod.Post, "/db/data/transaction", HttpStatusCode.Created, Recorded.Read("begin.json"))
            .On(HttpMethod.Delete, "/db/data/transaction/3866", HttpStatusCode.OK, Recorded.Read("commit-empty.json"));
        await using var store = TestStore.Create("http://localhost:7474", null, server);
        var transport = new TransactionalTransport(store.Http(), "db/data/transaction", "test");

        await using (await transport.BeginAsync(Ct))
        {
        }

        Assert.Equal(HttpMethod.Delete, server.Requests[^1].Method);
    }

    [Fact]
    public async Task A_transaction_the_server_forgot_is_unavailable_not_a_bug()
    {
        var server = new FakeNeo4j()
            .On(HttpMethod.Post, "/db/data/transaction", HttpStatusCode.Created, Recorded.Read("begin.json"))
            .On(HttpMethod.Post, "/db/data/transaction/3866/commit", HttpStatusCode.NotFound, Recorded.Read("unknown-transaction.json"));
        await using var store = TestStore.Create("http://localhost:7474", null, server);
        var transport = new TransactionalTransport(store.Http(), "db/data/transaction", "test");
        await using var transaction = await transport.BeginAsync(Ct);

        var error = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => transaction.CommitAsync(Ct));

        Assert.False(error.CommitOutcomeUnknown);
    }

    [Fact]
    public async Task A_lost_commit_has_an_unknown_outcome_and_is_not_sent_twice()
    {
        var server = new FakeNeo4j()
            .On(HttpMethod.Post, "/db/data/transaction", HttpStatusCode.Created, Recorded.Read("begin.json"))
            .On(HttpMethod.Post, "/db/data/transaction/3866/commit", _ => throw new HttpRequestException("Connection reset by peer"));
        await using var store = TestStore.Create("http://localhost:7474", null, server);
        var transport = new TransactionalTransport(store.Http(), "db/data/transaction", "test");
        await using var transaction = await transport.BeginAsync(Ct);

        var error = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => transaction.CommitAsync(Ct));

        Assert.True(error.CommitOutcomeUnknown);
        Assert.Single(server.To("/db/data/transaction/3866/commit"));
    }

    [Fact]
    public async Task A_read_is_retried_after_a_transient_failure_but_a_write_is_not()
    {
        var calls = 0;
        var server = new FakeNeo4j().On(HttpMethod.Post, Commit, _ => ++calls % 2 == 1
            ? FakeNeo4j.Json(HttpStatusCode.ServiceUnavailable, "{}")
            : FakeNeo4j.Json(HttpStatusCode.OK, Recorded.Read("commit-empty.json").Replace("\"results\":[]", "\"results\":[{\"columns\":[],\"data\":[]}]", StringComparison.Ordinal)));
        await using var store = TestStore.Create("http://localhost:7474", null, server);
        var transport = new TransactionalTransport(store.Http(), "db/data/transaction", "test");

        await transport.ExecuteAsync([Rows.With()], idempotent: true, Ct);
        var readRequests = server.Requests.Count;
        await Assert.ThrowsAsync<Neo4jUnavailableException>(() => transport.ExecuteAsync([Rows.With()], idempotent: false, Ct));

        Assert.Equal(2, readRequests);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7474/db/data/transaction/3866/commit", "3866")]
    [InlineData("http://127.0.0.1:7474/db/data/transaction/3866", "3866")]
    [InlineData("http://localhost:7474/db/neo4j/tx/12/commit", "12")]
    [InlineData(null, null)]
    public void The_transaction_id_is_read_from_the_commit_url_or_location(string? url, string? id) =>
        Assert.Equal(id, TransactionalTransport.TransactionId(url));

    [Fact]
    public void Large_batches_are_split_into_requests_of_bounded_size()
    {
        var big = new string('x', 3 * 1024 * 1024);
        var statements = Enumerable.Range(0, 5).Select(_ => Text.With(("text", big))).ToList();

        var groups = TransactionalTransport.Groups(statements).Select(g => g.Statements.Count).ToList();

        Assert.Equal([2, 2, 1], groups);
    }

    private static async Task<IReadOnlyList<CypherResult>> ExecuteAsync(FakeNeo4j server, CypherStatement[] statements)
    {
        await using var store = TestStore.Create("http://localhost:7474", null, server);
        var transport = new TransactionalTransport(store.Http(), "db/data/transaction", "test");
        return await transport.ExecuteAsync(statements, idempotent: true, Ct);
    }
}
