using IomGraph.Storage.Neo4j.Internal;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>How a round trip's span is named: after the statements it carries, or the transaction step without any.</summary>
public sealed class Neo4jRoundTripsTests
{
    private static readonly CypherQuery Actor = new("GetActor", "MATCH (a:Actor {id: $id}) RETURN a", ["id"]);
    private static readonly CypherQuery Stats = new("GetStats", "MATCH (a:Actor) RETURN count(a) AS n", []);

    public static TheoryData<string, string, int, string> Requests() => new()
    {
        { "POST", "http://neo4j:7474/db/data/transaction/commit", 1, "GetActor" },
        { "POST", "http://neo4j:7474/db/data/transaction/commit", 3, "BATCH GetActor" },
        { "POST", "http://neo4j:7474/db/data/transaction/commit", -2, "BATCH" },
        { "POST", "http://neo4j:7474/db/data/transaction", 0, "begin" },
        { "POST", "http://neo4j:7474/db/data/transaction/12/commit", 0, "commit" },
        { "DELETE", "http://neo4j:7474/db/data/transaction/12", 0, "rollback" },
        { "GET", "http://neo4j:7474/", 0, "discovery" },
    };

    /// <param name="statements">How many GetActor statements; negative for one GetActor and that many GetStats.</param>
    [Theory]
    [MemberData(nameof(Requests))]
    public void A_round_trip_is_named_after_its_statements_or_the_transaction_step(string method, string url, int statements, string name)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url));
        var carried = statements >= 0
            ? Enumerable.Range(0, statements).Select(i => Actor.With(("id", $"actor-{i}"))).ToList()
            : [Actor.With(("id", "iom")), .. Enumerable.Range(0, -statements).Select(_ => Stats.With())];

        Assert.Equal(name, Neo4jRoundTrips.OperationName(request, carried));
    }
}
