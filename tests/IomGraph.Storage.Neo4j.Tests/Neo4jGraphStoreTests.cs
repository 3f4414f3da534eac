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

    /// <summary>
    /// On thousands of actors (on a handful the planner rightly scans) 3.x answers the search's CONTAINS from the schema
    /// index, and the index finds exactly what a scan of every folded name finds, with the same ranks and order, for
    /// short queries and for the characters Lucene's wildcard queries treat specially. The plan is read from the 3.x
    /// transactional endpoint, which the test suite's server (3.1.1) has; 4.4 and later use the text index, not run here.
    /// </summary>
    [Fact]
    public async Task Search_reads_the_substring_index_and_finds_what_a_scan_of_every_name_finds()
    {
        var store = await EmptyStoreAsync();
        Actor[] odd =
        [
            Named("star-office", "Star * Office"), Named("question-council", "Question? Council"), Named("backslash-body", @"Back\Slash Body"),
            Named("paren-group", "Paren (Group)"), Named("obrien-initiative", "O’Brien Initiative"), Named("jean-luc-forum", "Jean-Luc Forum"),
            Named("iom-zh", "国际移民组织"), Named("uber-network", "Über Network"), Named("tilde-body", "Tilde ~ Body: \"quoted\" [x] {y}"),
        ];
        var bodies = Enumerable.Range(0, 3000).Select(i => Named($"body-{i:0000}", $"Body {i:0000} on Topic {i % 97}"));
        Actor[] actors = [.. ContractGraph.AllActors, .. odd, .. bodies];
        await store.SeedAsync(ContractGraph.Bundle() with { Actors = actors }, Ct);
        foreach (var index in new[] { ":Actor(searchText)", ":Actor(searchLong)" })
        {
            await RunAsync($"CALL db.awaitIndex('{index}')");
        }

        var search = CypherCatalogue.SearchActors.With(
            ("kinds", new List<string>()), ("q", "migra"), ("afterRank", -1), ("afterSortKey", string.Empty), ("afterId", string.Empty), ("take", 3));
        var operators = Operators(await TestDatabase.PlanAsync(_stores[^1], "EXPLAIN", search.Query.Text, search.Parameters, Ct)).ToList();

        Assert.True(operators.Contains(("NodeIndexContainsScan", ":Actor(searchText)")), "The plan: " + string.Join(", ", operators));
        Assert.Contains(("NodeIndexSeek", ":Actor(searchLong)"), operators);
        Assert.DoesNotContain(operators, o => o.Operator is "NodeByLabelScan" or "AllNodesScan");
        // Under three characters the store scans (ScanActors); from three it reads the index.
        string[] queries =
        [
            "a", "e", "bo", "*", @"\", "o'", "migra", "o'b", "r * o", "n? c", @"k\s", "(gr", "p)", "~ b", "\"quoted\"", "[x]", "{y}", "e: \"",
            "移民组", "über", "body 00", "topic 5", "zzqx",
        ];
        foreach (var query in queries)
        {
            var folded = new ActorSearch(query, [], 50, null).FoldedQuery;
            var expected = actors
                .Select(a => (a.Id, Rank: TextFolding.Rank(TextFolding.SearchNames(a), folded), SortKey: TextFolding.SortKey(a)))
                .Where(h => h.Rank is not null)
                .OrderBy(h => h.Rank).ThenBy(h => h.SortKey, StringComparer.Ordinal).ThenBy(h => h.Id, StringComparer.Ordinal)
                .Select(h => (h.Id, h.Rank!.Value))
                .ToList();

            var found = new List<(string, MatchRank)>();
            ActorCursor? after = null;
            do
            {
                var page = await store.SearchActorsAsync(new ActorSearch(query, [], 500, after), Ct);
                Assert.Equal(expected.Count, page.Total);
                found.AddRange(page.Items.Select(h => (h.Actor.Id, h.Rank)));
                after = Cursors.TryDecode<ActorCursor>(page.NextCursor, out var next) ? next : null;
            }
            while (after is not null);

            Assert.True(expected.SequenceEqual(found), $"'{query}': {found.Count} found, {expected.Count} expected; first difference at {expected.Zip(found).TakeWhile(p => p.First == p.Second).Count()}");
        }
    }

    [Fact]
    public async Task An_actors_search_text_follows_its_names_through_updates_and_across_the_index_key_limit()
    {
        var store = await EmptyStoreAsync();
        var alpha = Named("renamed-body", "Alpha Office");
        await store.SeedAsync(ContractGraph.Bundle().With(alpha), Ct);

        await store.SeedAsync(ContractGraph.Bundle().With(alpha with { Name = "Beta Office" }), Ct);
        var beta = await SearchTextOfAsync("renamed-body");
        var foundByOld = await store.SearchActorsAsync(new ActorSearch("alpha", [], 10, null), Ct);
        var foundByNew = await store.SearchActorsAsync(new ActorSearch("beta", [], 10, null), Ct);

        var manyNames = alpha with { Name = "Beta Office", Aliases = TooLongForTheIndex("Gamma Office") };
        await store.SeedAsync(ContractGraph.Bundle().With(manyNames), Ct);
        var tooLong = await SearchTextOfAsync("renamed-body");
        var foundLong = await store.SearchActorsAsync(new ActorSearch("gamma office", [], 10, null), Ct);

        await store.SeedAsync(ContractGraph.Bundle().With(alpha with { Name = "Delta Office" }), Ct);
        var shortAgain = await SearchTextOfAsync("renamed-body");
        var foundShort = await store.SearchActorsAsync(new ActorSearch("delta", [], 10, null), Ct);

        Assert.Equal(("renamed-body\nbeta office", (bool?)null), beta);
        Assert.Equal(0, foundByOld.Total);
        Assert.Equal(["renamed-body"], foundByNew.Items.Select(h => h.Actor.Id));
        Assert.Equal((null, true), tooLong);
        Assert.Equal([("renamed-body", MatchRank.Exact)], foundLong.Items.Select(h => (h.Actor.Id, h.Rank)));
        Assert.Equal(("renamed-body\ndelta office", (bool?)null), shortAgain);
        Assert.Equal(["renamed-body"], foundShort.Items.Select(h => h.Actor.Id));
    }

    [Fact]
    public async Task Actors_an_earlier_version_wrote_or_changed_are_found_by_their_names_once_the_store_starts()
    {
        var store = await EmptyStoreAsync(new() { ["Neo4j:BatchSize"] = "3" });
        var longNamed = Named("long-named", "Long Named Body") with { Aliases = TooLongForTheIndex("Zebra Migration Office") };
        await store.SeedAsync(ContractGraph.Bundle().With(longNamed), Ct);
        var before = await store.SearchActorsAsync(new ActorSearch("migration", [], 50, null), Ct);
        // Written before the index: no search text at all. Changed by an earlier version: new names and hash, old text.
        await RunAsync("MATCH (a:Actor) WHERE a.id <> 'iom' REMOVE a.searchText, a.searchLong, a.searchOf");
        await RunAsync("MATCH (a:Actor {id: 'iom'}) SET a.searchNames = a.searchNames + ['yak migration bureau'], a.hash = 'changed-by-an-earlier-version'");
        var hidden = await store.SearchActorsAsync(new ActorSearch("migration", [], 50, null), Ct);
        var yakBefore = await store.SearchActorsAsync(new ActorSearch("yak", [], 50, null), Ct);

        await store.InitialiseAsync(Ct);

        var after = await store.SearchActorsAsync(new ActorSearch("migration", [], 50, null), Ct);
        var yakAfter = await store.SearchActorsAsync(new ActorSearch("yak", [], 50, null), Ct);
        Assert.Equal(["iom"], hidden.Items.Select(h => h.Actor.Id));
        Assert.Equal(0, yakBefore.Total);
        Assert.Equal(6, before.Total);
        Assert.Equal(before.Items.Select(h => (h.Actor.Id, h.Rank)), after.Items.Select(h => (h.Actor.Id, h.Rank)));
        Assert.Equal(["iom"], yakAfter.Items.Select(h => h.Actor.Id));
        Assert.Equal((null, true), await SearchTextOfAsync("long-named"));
        var stale = await RunAsync("MATCH (a:Actor) WHERE a.searchOf IS NULL OR a.searchOf <> a.hash RETURN count(a) AS n");
        Assert.Equal(0, stale.Rows[0][0].GetInt64());
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

    private static Actor Named(string id, string name) => new(id, name, ActorKind.IntergovernmentalOrganisation);

    /// <summary>Twenty former names of 299 characters, then <paramref name="last"/>: together past SearchText.MaxBytes.</summary>
    private static List<string> TooLongForTheIndex(string last) =>
        [.. Enumerable.Range(1, 20).Select(i => $"Former name {i:00} ".PadRight(299, 'x')), last];

    /// <summary>An actor node's searchText and searchLong.</summary>
    private async Task<(string? Text, bool? Long)> SearchTextOfAsync(string id)
    {
        var result = await TestDatabase.RunAsync(
            _stores[^1], new CypherQuery("Test.SearchText", "MATCH (a:Actor {id: $id}) RETURN a.searchText AS text, a.searchLong AS long", ["id"]).With(("id", id)), Ct);
        var row = result.Rows.Single();
        return (Rows.Text(row[0]), Rows.IsNull(row[1]) ? null : Rows.Bool(row[1]));
    }

    private Task<CypherResult> RunAsync(string cypher) =>
        TestDatabase.RunAsync(_stores[^1], new CypherQuery("Test.Run", cypher, []).With(), Ct);

    /// <summary>Every operator of a plan with the index it reads (empty when none), depth first.</summary>
    private static IEnumerable<(string Operator, string Index)> Operators(System.Text.Json.JsonElement node)
    {
        yield return (node.GetProperty("operatorType").GetString()!, node.TryGetProperty("Index", out var index) ? index.GetString()! : string.Empty);
        if (node.TryGetProperty("children", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Operators))
            {
                yield return child;
            }
        }
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
