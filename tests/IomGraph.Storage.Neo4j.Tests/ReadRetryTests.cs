using System.Net;
using IomGraph.Core.Storage;
using IomGraph.Storage.Neo4j.Internal;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>
/// A read that Neo4j answers with a Neo.TransientError inside a 200 (which the HTTP retries cannot see) is tried again
/// by <see cref="CypherRetry"/>; nothing else is.
/// </summary>
public sealed class ReadRetryTests
{
    private const string Commit = "/db/data/transaction/commit";
    private const string Transient = """{"results":[],"errors":[{"code":"Neo.TransientError.General.DatabaseUnavailable","message":"Starting."}]}""";
    private const string Refused = """{"results":[],"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"Invalid input."}]}""";
    private const string NoSeed = """{"results":[{"columns":["fingerprint","appliedAt"],"data":[]}],"errors":[]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_transient_error_in_a_read_answer_is_tried_again()
    {
        var answers = 0;
        var server = FakeNeo4j.Neo4j31Server().On(HttpMethod.Post, Commit, _ => FakeNeo4j.Json(HttpStatusCode.OK, ++answers <= 2 ? Transient : NoSeed));
        await using var store = TestStore.Create("http://localhost:7474", new() { ["Neo4j:MaxRetries"] = "2" }, server);

        Assert.Null(await store.Store.GetSeedStateAsync(Ct));
        Assert.Equal(3, server.To(Commit).Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task A_read_that_stays_transient_is_unavailable_after_MaxRetries_more_attempts(int maxRetries)
    {
        var server = FakeNeo4j.Neo4j31Server().On(HttpMethod.Post, Commit, HttpStatusCode.OK, Transient);
        await using var store = TestStore.Create("http://localhost:7474", new() { ["Neo4j:MaxRetries"] = $"{maxRetries}" }, server);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Store.GetSeedStateAsync(Ct));
        Assert.Equal(maxRetries + 1, server.To(Commit).Count());
    }

    [Fact]
    public async Task A_refused_read_is_not_tried_again()
    {
        var server = FakeNeo4j.Neo4j31Server().On(HttpMethod.Post, Commit, HttpStatusCode.OK, Refused);
        await using var store = TestStore.Create("http://localhost:7474", new() { ["Neo4j:MaxRetries"] = "2" }, server);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Store.GetSeedStateAsync(Ct));
        Assert.Single(server.To(Commit));
    }

    [Fact]
    public async Task The_pauses_start_at_RetryDelay_and_double_on_the_given_clock()
    {
        var clock = new RecordingClock();
        var pipeline = CypherRetry.Create(new Neo4jOptions { MaxRetries = 3, RetryDelay = TimeSpan.FromMilliseconds(200) }, clock, CypherRetry.IsTransientRead);
        var attempts = 0;

        var error = await Assert.ThrowsAsync<CypherException>(async () => await pipeline.ExecuteAsync<int>(_ =>
        {
            attempts++;
            throw new CypherException("Neo.TransientError.Transaction.DeadlockDetected", "Deadlock.", null);
        }, Ct));

        Assert.True(error.IsTransient);
        Assert.Equal(4, attempts);
        Assert.Equal([200, 400, 800], clock.Delays.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public async Task A_read_is_not_retried_for_an_unreachable_server_which_the_http_client_retries()
    {
        var clock = new RecordingClock();
        var pipeline = CypherRetry.Create(new Neo4jOptions { MaxRetries = 3 }, clock, CypherRetry.IsTransientRead);
        var attempts = 0;

        await Assert.ThrowsAsync<Neo4jUnavailableException>(async () => await pipeline.ExecuteAsync<int>(_ =>
        {
            attempts++;
            throw new Neo4jUnavailableException("Connection refused.");
        }, Ct));

        Assert.Equal(1, attempts);
        Assert.Empty(clock.Delays);
    }

    /// <summary>Records each pause it is asked for and ends it at once.</summary>
    private sealed class RecordingClock : TimeProvider
    {
        public List<TimeSpan> Delays { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (Delays)
            {
                Delays.Add(dueTime);
            }

            return System.CreateTimer(callback, state, TimeSpan.Zero, period);
        }
    }
}
