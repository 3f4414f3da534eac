using System.Net;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;
using IomGraph.Storage.Neo4j.Internal;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>What the contract does not say but the Neo4j store must do, against the real server at NEO4J_URL.</summary>
public sealed class Neo4jGraphStoreTests(SharedNeo4j server) : IClassFixture<SharedNeo4j>, IAsyncDisposable
{
    private readonly List<TestStore> _stores = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bundles_larger_than_a_batch_are_written_in_chunks_within_one_transaction()
    {
        var store = await EmptyStoreAsync(new() { ["Neo4j:BatchSize"] = "2" });

        var created = await store.SeedAsync(ContractGraph.Bundle(), Ct);
        var again = await store.SeedAsync(ContractGraph.Bundle(), Ct);
        var dropped = await store.SeedAsync(ContractGraph.Bundle().Without(relations: [.. ContractGraph.AllRelations.Take(5).Select(r => r.Id)]), Ct);

        Assert.Equal(ContractGraph.AllRelations.Count, created.Relations.Created);
        Assert.False(again.Changed);
        Assert.Equal(5, dropped.Relations.Deleted);
        var stats = await store.GetStatsAsync(0, Ct);
        Assert.Equal(ContractGraph.AllRelations.Count - 5, stats.Relations);
    }

    [Fact]
    public async Task Changing_a_relations_type_and_ends_moves_its_relationship()
    {
        var store = await EmptyStoreAsync();
        await store.SeedAsync(ContractGraph.Bundle(), Ct);
        var moved = ContractGraph.Relation(ContractGraph.Relations.IomMemberOfGmg) with { Type = RelationType.ObserverOf, To = ContractGraph.Actors.Gfmd };

        var result = await store.SeedAsync(ContractGraph.Bundle().With(moved), Ct);

        Assert.Equal(1, result.Relations.Updated);
        var iom = await store.GetActorAsync(ContractGraph.Actors.Iom, Ct);
        Assert.Contains(new RelationCount(RelationType.ObserverOf, 1, 0), iom!.RelationCounts);
        Assert.Contains(new RelationCount(RelationType.MemberOf, 0, 2), iom.RelationCounts);
        var gmg = await store.GetActorRelationsAsync(new ActorRelationsQuery(ContractGraph.Actors.Gmg, [], Direction.In, null, 10, null), Ct);
        Assert.Equal([ContractGraph.Relations.UnhcrMemberOfGmg], gmg!.Items.Select(v => v.Relation.Id));
        Assert.Equal(ContractGraph.Actors.Gfmd, (await store.GetRelationAsync(moved.Id, Ct))!.To.Id);
        var typed = await TestDatabase.RunAsync(
            _stores[^1],
            new CypherQuery("Test.TypedEdges", "MATCH ()-[r]->() WHERE r.id = $id RETURN type(r) AS type", ["id"]).With(("id", moved.Id)),
            Ct);
        Assert.Equal(["OBSERVER_OF"], typed.Rows.Select(r => r[0].GetString()));
    }

    [Fact]
    public async Task Seeding_the_contract_graph_takes_a_handful_of_requests()
    {
        var counter = new CountingHandler();
        var store = await EmptyStoreAsync(handler: counter);
        counter.Count = 0;

        await store.SeedAsync(ContractGraph.Bundle(), Ct);

        // Begin, the lookups, the writes, the commit.
        Assert.InRange(counter.Count, 3, 5);
    }

    [Fact]
    public async Task The_transactional_transport_can_be_forced()
    {
        var store = await EmptyStoreAsync(new() { ["Neo4j:Transport"] = "Transactional" });
        await store.SeedAsync(ContractGraph.Bundle(), Ct);

        Assert.NotNull(await store.GetActorAsync(ContractGraph.Actors.Iom, Ct));
    }

    [Fact]
    public async Task Forcing_the_query_api_on_a_server_without_it_is_unavailable_with_a_reason()
    {
        var url = await server.AcquireAsync();
        var test = TestStore.Create(url, new() { ["Neo4j:Transport"] = "QueryApi", ["Neo4j:MaxRetries"] = "0" });
        _stores.Add(test);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => test.Store.GetSeedStateAsync(Ct));

        Assert.Contains("no endpoint", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    private async Task<Neo4jGraphStore> EmptyStoreAsync(Dictionary<string, string?>? settings = null, HttpMessageHandler? handler = null)
    {
        var store = await TestStore.CreateEmptyAsync(server, settings, handler);
        _stores.Add(store);
        return store.Store;
    }

    /// <summary>Passes requests to the real server and counts them.</summary>
    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public int Count { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Count++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
