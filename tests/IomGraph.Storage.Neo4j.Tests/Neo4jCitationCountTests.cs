using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;
using IomGraph.Storage.Neo4j.Internal;
using Sources = IomGraph.Storage.Contract.ContractGraph.Sources;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>
/// Each source's <c>citedBy</c>, the number of relations citing it, is kept by every write and equals the count taken from
/// the graph afterwards; sources written before it was kept are counted by reads and filled in at start.
/// </summary>
public sealed partial class Neo4jCitationCountTests(SharedNeo4j server) : IClassFixture<SharedNeo4j>, IAsyncDisposable
{
    /// <summary>A source's stored <c>citedBy</c> beside the relations that cite it, counted by the test.</summary>
    private static readonly CypherQuery CitationCounts = new(
        "Test.CitationCounts",
        "MATCH (s:Source) RETURN s.id AS id, s.citedBy AS stored, size([(s)<-[:CITES]-(:Relation) | 1]) AS live ORDER BY id",
        []);

    private static readonly CypherQuery ForgetCitationCounts = new("Test.ForgetCitationCounts", "MATCH (s:Source) REMOVE s.citedBy RETURN count(s) AS n", []);

    private readonly List<TestStore> _stores = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_import_counts_the_relations_citing_each_source_and_not_the_actors()
    {
        var store = await EmptyStoreAsync();

        await store.Store.ImportAsync(ContractGraph.Bundle(), Ct);

        var counts = await StoredCountsAsync(store);
        Assert.Equal(3, counts[Sources.UnNetworkTermsOfReference]);
        Assert.Equal(2, counts[Sources.IomMemberStates]); // Two relations; the actor IOM cites it too.
        Assert.Equal(0, counts[Sources.Uncited]);
        await AssertListedAsync(store, counts);
    }

    [Fact]
    public async Task A_curators_create_update_and_delete_of_relations_recount_the_sources_they_cited_and_cite()
    {
        var store = await EmptyStoreAsync(new() { ["Neo4j:BatchSize"] = "2" });
        await store.Store.SeedAsync(ContractGraph.Bundle(), Ct);
        var cited = ContractGraph.Relation(ContractGraph.Relations.IomMemberOfGmg);

        var created = new Relation("iom-observer-of-gfmd", ContractGraph.Actors.Iom, ContractGraph.Actors.Gfmd, RelationType.ObserverOf, Confidence.Low,
            [new Citation(Sources.Uncited, "IOM observes the forum."), new Citation(Sources.GfmdChairs, "Listed as an observer.")]);
        await WriteAsync(store, CurationWrite.Upsert("alice", new GraphBundle { Relations = [created] }));
        var afterCreate = await StoredCountsAsync(store);
        Assert.Equal(1, afterCreate[Sources.Uncited]);
        Assert.Equal(3, afterCreate[Sources.GfmdChairs]);

        var moved = cited with { Sources = [new Citation(Sources.GcimReport, "The report names the group.")] };
        await WriteAsync(store, CurationWrite.Upsert("alice", new GraphBundle { Relations = [moved] }));
        var afterUpdate = await StoredCountsAsync(store);
        Assert.Equal(1, afterUpdate[Sources.GmgTermsOfReference]);
        Assert.Equal(3, afterUpdate[Sources.GcimReport]);

        await WriteAsync(store, new CurationWrite("alice", GraphBundle.Empty, [RecordRef.RelationOf(created.Id), RecordRef.RelationOf(ContractGraph.Relations.SwitzerlandChairsGfmd)]));
        var afterDelete = await StoredCountsAsync(store);
        Assert.Equal(0, afterDelete[Sources.Uncited]);
        Assert.Equal(1, afterDelete[Sources.GfmdChairs]);
        await AssertListedAsync(store, afterDelete);
    }

    [Fact]
    public async Task An_actor_citing_a_source_does_not_count_beside_a_relation_written_with_it()
    {
        var store = await EmptyStoreAsync();
        await store.Store.SeedAsync(ContractGraph.Bundle(), Ct);
        var actor = ContractGraph.Actor(ContractGraph.Actors.Gfmd) with { Sources = [new Citation(Sources.Uncited, "The forum's own words.")] };
        var relation = ContractGraph.Relation(ContractGraph.Relations.GcimPrecursorOfGfmd) with
        {
            Sources = [.. ContractGraph.Relation(ContractGraph.Relations.GcimPrecursorOfGfmd).Sources!, new Citation(Sources.Uncited, "A comment on it.")],
        };

        await WriteAsync(store, CurationWrite.Upsert("alice", new GraphBundle { Actors = [actor], Relations = [relation] }));
        await WriteAsync(store, CurationWrite.Upsert("alice", new GraphBundle { Actors = [ContractGraph.Actor(ContractGraph.Actors.Iom) with { Sources = [new Citation(Sources.Uncited, "Also.")] }] }));

        var counts = await StoredCountsAsync(store);
        Assert.Equal(1, counts[Sources.Uncited]);
    }

    [Fact]
    public async Task A_seed_that_drops_relations_recounts_the_sources_only_they_cited()
    {
        var store = await EmptyStoreAsync();
        await store.Store.SeedAsync(ContractGraph.Bundle(), Ct);

        var dropped = await store.Store.SeedAsync(
            ContractGraph.Bundle().Without(relations: [ContractGraph.Relations.IomCoordinatesUnNetwork, ContractGraph.Relations.IomSecretariatOfUnNetwork, ContractGraph.Relations.SwitzerlandFundsGcim]),
            Ct);

        Assert.Equal(3, dropped.Relations.Deleted);
        var counts = await StoredCountsAsync(store);
        Assert.Equal(1, counts[Sources.UnNetworkTermsOfReference]);
        Assert.Equal(1, counts[Sources.GcimReport]);
        await AssertListedAsync(store, counts);
    }

    [Fact]
    public async Task A_write_refused_after_its_statements_ran_leaves_the_counts_as_they_were()
    {
        var tamper = new ShortCountHandler();
        var store = await EmptyStoreAsync(handler: tamper);
        await store.Store.SeedAsync(ContractGraph.Bundle(), Ct);
        var before = await StoredCountsAsync(store);
        var moved = ContractGraph.Relation(ContractGraph.Relations.IomMemberOfGmg) with { Sources = [new Citation(Sources.Uncited, "Moved.")] };

        tamper.Armed = true;
        var result = await store.Store.WriteAsync(
            new CurationWrite("alice", new GraphBundle { Relations = [moved] }, [RecordRef.RelationOf(ContractGraph.Relations.SwitzerlandChairsGfmd)]), Ct);

        Assert.True(tamper.Tampered);
        Assert.False(result.Applied);
        Assert.Equal(before, await StoredCountsAsync(store));
    }

    [Fact]
    public async Task Sources_written_before_the_counts_were_kept_list_their_counts_and_get_them_at_start()
    {
        var store = await EmptyStoreAsync(new() { ["Neo4j:BatchSize"] = "2" });
        await store.Store.SeedAsync(ContractGraph.Bundle(), Ct);
        var expected = await StoredCountsAsync(store);
        await TestDatabase.RunAsync(store, ForgetCitationCounts.With(), Ct);
        Assert.All((await CountsAsync(store)).Values, c => Assert.Null(c.Stored));

        await AssertListedAsync(store, expected);
        var page = await store.Store.GetSourceAsync(new SourceQuery(Sources.UnNetworkTermsOfReference, 1, null), Ct);
        Assert.Equal(3, page!.CitedBy.Total);

        await store.Store.InitialiseAsync(Ct);

        Assert.Equal(expected, await StoredCountsAsync(store));
    }

    [Fact]
    public async Task Listing_sources_with_their_counts_reads_none_of_their_citations()
    {
        var store = await EmptyStoreAsync();
        var register = new Source("register", "Register", SourceKind.Dataset);
        var relations = Enumerable.Range(0, 300)
            .Select(i => new Relation(string.Create(CultureInfo.InvariantCulture, $"member-{i:d3}"), ContractGraph.Actors.Iom, ContractGraph.Actors.Gmg, RelationType.MemberOf, Confidence.High,
                [new Citation(register.Id, "Listed.")]))
            .ToList();
        await store.Store.ImportAsync(
            new GraphBundle { Sources = [register], Actors = [ContractGraph.Actor(ContractGraph.Actors.Iom) with { Sources = null }, ContractGraph.Actor(ContractGraph.Actors.Gmg)], Relations = relations }, Ct);

        var hits = DbHits(await TestDatabase.PlanAsync(store, "PROFILE", CypherCatalogue.ListSources.Text, new Dictionary<string, object?> { ["afterId"] = string.Empty, ["take"] = 21 }, Ct));

        // Walking the 300 citations costs at least one db hit each; the counts stored on the node cost a handful.
        Assert.InRange(hits, 1, 100);
        Assert.Equal(300, (await store.Store.ListSourcesAsync(new SourceListQuery(20, null), Ct)).Items.Single().CitedBy);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    private async Task<TestStore> EmptyStoreAsync(Dictionary<string, string?>? settings = null, HttpMessageHandler? handler = null)
    {
        var store = await TestStore.CreateEmptyAsync(server, settings, handler);
        _stores.Add(store);
        return store;
    }

    private static async Task WriteAsync(TestStore store, CurationWrite write)
    {
        var result = await store.Store.WriteAsync(write, Ct);
        Assert.True(result.Applied, result.Message);
    }

    private static async Task<Dictionary<string, (long? Stored, long Live)>> CountsAsync(TestStore store)
    {
        var result = await TestDatabase.RunAsync(store, CitationCounts.With(), Ct);
        var (id, stored, live) = (result.Column("id"), result.Column("stored"), result.Column("live"));
        return result.Rows.ToDictionary(
            row => Rows.RequiredText(row[id]),
            row => (Rows.IsNull(row[stored]) ? (long?)null : Rows.Long(row[stored]), Rows.Long(row[live])),
            StringComparer.Ordinal);
    }

    /// <summary>Every source's stored count, once each is checked against the relations that cite it.</summary>
    private static async Task<Dictionary<string, long>> StoredCountsAsync(TestStore store)
    {
        var counts = await CountsAsync(store);
        Assert.NotEmpty(counts);
        Assert.All(counts, c => Assert.True(c.Value.Stored == c.Value.Live, $"Source '{c.Key}': citedBy {c.Value.Stored?.ToString() ?? "missing"}, cited by {c.Value.Live} relations."));
        return counts.ToDictionary(c => c.Key, c => c.Value.Live, StringComparer.Ordinal);
    }

    /// <summary>The store lists each source with <paramref name="expected"/>'s count.</summary>
    private static async Task AssertListedAsync(TestStore store, Dictionary<string, long> expected)
    {
        var listed = await store.Store.ListSourcesAsync(new SourceListQuery(100, null), Ct);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), listed.Items.Select(s => KeyValuePair.Create(s.Source.Id, (long)s.CitedBy)));
    }

    /// <summary>The db hits of a statement's profile on Neo4j 3.x's transactional endpoint, summed over its operators.</summary>
    /// <summary>The db hits of a profiled plan, every operator's.</summary>
    private static long DbHits(JsonElement operation) =>
        operation.GetProperty("DbHits").GetInt64()
        + (operation.TryGetProperty("children", out var children) ? children.EnumerateArray().Sum(DbHits) : 0);

    /// <summary>
    /// Once armed, answers the request that carries a write's statements (the one with the recount) with its first checked
    /// count ("written") raised, as if a reference had vanished: the store refuses the write and rolls back a transaction whose statements ran.
    /// </summary>
    private sealed partial class ShortCountHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public bool Armed { get; set; }

        public bool Tampered { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            if (!Armed || Tampered || !body.Contains("SET s.citedBy", StringComparison.Ordinal))
            {
                return response;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var raised = FirstWritten().Replace(text, "${count}1000000", 1);
            Assert.NotEqual(text, raised);
            Tampered = true;
            var tampered = new HttpResponseMessage(response.StatusCode) { Content = new StringContent(raised, Encoding.UTF8, "application/json"), RequestMessage = request };
            response.Dispose();
            return tampered;
        }

        [GeneratedRegex("(?<count>\"columns\":\\[\"written\"\\],\"data\":\\[\\{\"row\":\\[)[0-9]+")]
        private static partial Regex FirstWritten();
    }
}
