using System.Net;
using System.Text.Json;

namespace IomGraph.Api.Tests;

public abstract class GraphApiTests<TApi>(TApi api)
    where TApi : ApiFactory
{
    private HttpClient Client => api.Client();

    [Fact]
    public async Task A_path_links_the_united_states_to_unhcr()
    {
        var result = await Client.GetJsonAsync("/api/v1/paths?from=usa&to=unhcr");

        var paths = result.GetProperty("paths").EnumerateArray().ToList();
        Assert.NotEmpty(paths);
        var length = paths[0].GetProperty("length").GetInt32();
        Assert.All(paths, path =>
        {
            Assert.Equal(length, path.GetProperty("length").GetInt32());
            var hops = path.GetProperty("hops").EnumerateArray().ToList();
            Assert.Equal(length, hops.Count);
            Assert.Equal("usa", hops[0].GetProperty("from").GetString());
            Assert.Equal("unhcr", hops[^1].GetProperty("to").GetString());
            for (var i = 1; i < hops.Count; i++)
            {
                Assert.Equal(hops[i - 1].GetProperty("to").GetString(), hops[i].GetProperty("from").GetString());
            }

            foreach (var hop in hops)
            {
                var relation = hop.GetProperty("relation");
                var forward = hop.GetProperty("direction").GetString() == "forward";
                Assert.Equal(hop.GetProperty("from").GetString(), relation.GetProperty(forward ? "from" : "to").GetString());
                Assert.False(string.IsNullOrWhiteSpace(relation.GetProperty("sentence").GetString()));
            }

            Assert.Equal(
                ["usa", .. hops.Select(h => h.GetProperty("to").GetString()!)],
                path.GetProperty("actors").Ids());
        });
    }

    [Fact]
    public async Task Paths_are_bounded_by_max_depth()
    {
        var shortest = await Client.GetJsonAsync("/api/v1/paths?from=usa&to=unhcr");
        var length = shortest.GetProperty("paths")[0].GetProperty("length").GetInt32();

        var tooShort = await Client.GetJsonAsync($"/api/v1/paths?from=usa&to=unhcr&maxDepth={length - 1}");

        Assert.Empty(tooShort.GetProperty("paths").EnumerateArray());
    }

    [Fact]
    public async Task Actors_with_no_connection_give_an_empty_list()
    {
        var result = await Client.GetJsonAsync("/api/v1/paths?from=usa&to=unhcr&type=CHAIRS");

        Assert.Empty(result.GetProperty("paths").EnumerateArray());
        Assert.Equal("usa", result.GetProperty("from").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("/api/v1/paths?from=nobody&to=unhcr", "nobody")]
    [InlineData("/api/v1/paths?from=usa&to=nowhere", "nowhere")]
    public async Task A_path_from_or_to_an_unknown_actor_is_a_404(string url, string missing)
    {
        var problem = await Client.GetJsonAsync(url, HttpStatusCode.NotFound);

        Assert.Contains($"'{missing}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relations_filter_by_type_and_end()
    {
        var chairs = await Client.GetJsonAsync("/api/v1/relations?type=CHAIRS&to=global-migration-group&limit=200");

        var items = chairs.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 13);
        Assert.All(items, r =>
        {
            Assert.Equal("CHAIRS", r.GetProperty("type").GetString());
            Assert.Equal("global-migration-group", r.GetProperty("to").GetString());
        });
        var starts = items.Select(r => r.GetProperty("start").GetString()!).ToList();
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
    }

    [Fact]
    public async Task Relations_filter_by_minimum_confidence()
    {
        var all = await Client.GetJsonAsync("/api/v1/relations?limit=1");
        var high = await Client.GetJsonAsync("/api/v1/relations?minConfidence=high&limit=200");
        var medium = await Client.GetJsonAsync("/api/v1/relations?minConfidence=medium&limit=1");

        Assert.All(high.GetProperty("items").EnumerateArray(), r => Assert.Equal("high", r.GetProperty("confidence").GetString()));
        Assert.True(high.GetProperty("total").GetInt64() < medium.GetProperty("total").GetInt64());
        Assert.True(medium.GetProperty("total").GetInt64() < all.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Relation_listing_pages_cover_every_relation_once()
    {
        var seen = new List<string>();
        string? cursor = null;
        long total;
        do
        {
            var page = await Client.GetJsonAsync("/api/v1/relations?type=MEMBER_OF&limit=200" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            total = page.GetProperty("total").GetInt64();
            seen.AddRange(page.GetProperty("items").Ids());
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_relation_can_be_fetched_by_id()
    {
        var page = await Client.GetJsonAsync("/api/v1/relations?from=iom&to=un&type=RELATED_ORGANISATION_OF");
        var id = page.GetProperty("items")[0].GetProperty("id").GetString();

        var relation = await Client.GetJsonAsync($"/api/v1/relations/{id}");

        Assert.Equal("2016-09-19", relation.GetProperty("start").GetString());
        Assert.Equal("un", relation.GetProperty("toActor").GetProperty("id").GetString());
        Assert.NotEmpty(relation.GetProperty("sources").EnumerateArray());
        await Client.GetJsonAsync("/api/v1/relations/no.such.relation", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_vocabularies_are_listed()
    {
        var types = await Client.GetJsonAsync("/api/v1/relation-types");
        var kinds = await Client.GetJsonAsync("/api/v1/actor-kinds");

        var names = types.EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Superset(
            new HashSet<string?> { "MEMBER_OF", "LEADS", "ACCOUNTABLE_TO", "EMPHASISES", "CHAIRS", "COORDINATES", "SUCCEEDED_BY", "PREFERS" },
            names.ToHashSet());
        var emphasises = types.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "EMPHASISES");
        Assert.Equal(["value"], emphasises.GetProperty("toKinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains("value", kinds.EnumerateArray().Select(k => k.GetProperty("name").GetString()));
        Assert.Contains("state", kinds.EnumerateArray().Select(k => k.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_source_document_is_a_perspective_cited_by_its_claims()
    {
        var sources = await Client.GetJsonAsync("/api/v1/sources");
        var noborder = sources.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "noborder-iom-wiki");
        Assert.Equal("perspective", noborder.GetProperty("kind").GetString());

        var details = await Client.GetJsonAsync("/api/v1/sources/noborder-iom-wiki?limit=200");

        var types = details.GetProperty("citedBy").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("type").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "EMPHASISES", "ACCOUNTABLE_TO", "PARTICIPATES_IN", "PREFERS", "MANDATES" }, types);
        Assert.Equal(noborder.GetProperty("citedBy").GetInt32(), details.GetProperty("citedBy").GetProperty("total").GetInt32());
        await Client.GetJsonAsync("/api/v1/sources/no-such-source", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Stats_count_by_kind_and_type_and_rank_the_most_connected()
    {
        var stats = await Client.GetJsonAsync("/api/v1/stats?top=5");

        Assert.True(stats.GetProperty("actors").GetInt64() >= 180);
        Assert.Equal(stats.GetProperty("actors").GetInt64(), stats.GetProperty("actorsByKind").EnumerateObject().Sum(p => p.Value.GetInt64()));
        Assert.Equal(stats.GetProperty("relations").GetInt64(), stats.GetProperty("relationsByType").EnumerateObject().Sum(p => p.Value.GetInt64()));
        var top = stats.GetProperty("mostConnected").EnumerateArray().ToList();
        Assert.Equal(5, top.Count);
        Assert.Equal("iom", top[0].GetProperty("id").GetString());
        var degrees = top.Select(t => t.GetProperty("degree").GetInt32()).ToList();
        Assert.Equal(degrees.OrderDescending(), degrees);
    }
}

public sealed class GraphApiTestsOnSqlite(SqliteApi api) : GraphApiTests<SqliteApi>(api), IClassFixture<SqliteApi>;

[Collection(Neo4jApiTestGroup.Name)]
public sealed class GraphApiTestsOnNeo4j(Neo4jApi api) : GraphApiTests<Neo4jApi>(api);
