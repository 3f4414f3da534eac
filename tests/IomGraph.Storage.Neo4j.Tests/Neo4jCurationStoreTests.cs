using System.Globalization;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>What the curation side of the Neo4j store does beyond the contract, against the real server at NEO4J_URL.</summary>
public sealed class Neo4jCurationStoreTests(SharedNeo4j server) : IClassFixture<SharedNeo4j>, IAsyncDisposable
{
    private readonly List<TestStore> _stores = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Racing_writes_from_two_stores_with_the_same_precondition_apply_exactly_once()
    {
        var first = await EmptyStoreAsync();
        var second = AnotherStore();
        await first.SeedAsync(ContractGraph.Bundle(), Ct);
        var gmg = ContractGraph.Actor(ContractGraph.Actors.Gmg);
        var version = RecordVersion.Of(gmg);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).WriteAsync(
            new CurationWrite(
                $"curator-{i}",
                new GraphBundle { Actors = [gmg with { Description = $"Version {i}" }] },
                [],
                Preconditions: new Dictionary<RecordRef, string?> { [RecordRef.ActorOf(gmg.Id)] = version }),
            Ct)));

        Assert.Single(results, r => r.Status == WriteStatus.Applied);
        Assert.Equal(7, results.Count(r => r.Status == WriteStatus.PreconditionFailed));
        var history = await first.GetChangesAsync(new ChangeQuery(null, RecordRef.ActorOf(gmg.Id), 10, null), Ct);
        Assert.Equal([ChangeOperation.Create, ChangeOperation.Update], history.Items.Select(e => e.Operation));
    }

    [Fact]
    public async Task Concurrent_writers_never_share_a_sequence_number()
    {
        var first = await EmptyStoreAsync();
        var second = AnotherStore();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? first : second).WriteAsync(
            CurationWrite.Upsert($"curator-{i}", new GraphBundle { Sources = [new Source($"source-{i}", $"Source {i}", SourceKind.News), new Source($"other-{i}", $"Other {i}", SourceKind.News)] }),
            Ct)));

        var log = await first.GetChangesAsync(new ChangeQuery(null, null, 100, null), Ct);
        Assert.Equal(20, log.Total);
        Assert.Equal(20, log.Items.Select(e => e.Sequence).Distinct().Count());
        Assert.True(log.Items.Zip(log.Items.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence && p.First.At <= p.Second.At), "The log is ordered by sequence and by time.");
    }

    [Fact]
    public async Task An_export_larger_than_a_page_streams_every_record_once_in_id_order()
    {
        var store = await EmptyStoreAsync();
        var count = Neo4jGraphStore.ExportPageSize + 7;
        var source = new Source("register", "Register", SourceKind.PrimaryDocument);
        var actors = Enumerable.Range(0, count)
            .Select(i => new Actor(string.Create(CultureInfo.InvariantCulture, $"actor-{i:x5}"), $"Actor {i}", ActorKind.State, Sources: [new Citation(source.Id, "Listed.")]))
            .ToList();
        await store.ImportAsync(new GraphBundle { Sources = [source], Actors = actors }, Ct);

        var all = new List<ExportItem>();
        await foreach (var item in store.ExportAsync(new ExportFilter([], [], null), Ct))
        {
            all.Add(item);
        }

        var byKind = new List<ExportItem>();
        await foreach (var item in store.ExportAsync(new ExportFilter([ActorKind.State], [], null), Ct))
        {
            byKind.Add(item);
        }

        var expected = actors.Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([.. expected, source.Id], all.Select(i => i.Id));
        Assert.Equal([.. expected, source.Id], byKind.Select(i => i.Id));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    private async Task<Neo4jGraphStore> EmptyStoreAsync()
    {
        var store = await TestStore.CreateEmptyAsync(server);
        _stores.Add(store);
        return store.Store;
    }

    /// <summary>A second store on the same database, as another process would have: its own client and write gate.</summary>
    private Neo4jGraphStore AnotherStore()
    {
        var store = TestStore.Create(_stores[0].Options.Url!);
        _stores.Add(store);
        return store.Store;
    }
}
