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
        var length = result.GetProperty("length").GetInt32();
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
                var relations = hop.GetProperty("relations").EnumerateArray().ToList();
                Assert.NotEmpty(relations);
                Assert.All(relations, r =>
                {
                    var relation = r.GetProperty("relation");
                    var forward = r.GetProperty("direction").GetString() == "forward";
                    Assert.Equal(hop.GetProperty("from").GetString(), relation.GetProperty(forward ? "from" : "to").GetString());
                    Assert.Equal(hop.GetProperty("to").GetString(), relation.GetProperty(forward ? "to" : "from").GetString());
                    Assert.False(string.IsNullOrWhiteSpace(relation.GetProperty("sentence").GetString()));
                });
            }

            Assert.Equal(
                ["usa", .. hops.Select(h => h.GetProperty("to").GetString()!)],
                path.GetProperty("actors").Ids());
        });
    }

    [Fact]
    public async Task Paths_are_distinct_chains_of_actors_strongest_first_with_parallel_relations_in_one_hop()
    {
        var result = await Client.GetJsonAsync("/api/v1/paths?from=usa&to=unhcr");

        var paths = result.GetProperty("paths").EnumerateArray().ToList();
        var chains = paths.Select(p => string.Join('>', p.GetProperty("actors").Ids())).ToList();
        Assert.Equal(chains.Count, chains.Distinct(StringComparer.Ordinal).Count());
        var strengths = paths.Select(p => Rank(p.GetProperty("strength").GetString())).ToList();
        Assert.Equal(strengths.OrderDescending(), strengths);
        Assert.Contains(paths, p => p.GetProperty("hops").EnumerateArray().Any(h => h.GetProperty("relations").GetArrayLength() > 1));
        Assert.All(paths, p => Assert.Equal(
            p.GetProperty("relationCount").GetInt32(),
            p.GetProperty("hops").EnumerateArray().Sum(h => h.GetProperty("relations").GetArrayLength())));

        static int Rank(string? confidence) => confidence switch { "high" => 3, "medium" => 2, _ => 1 };
    }

    [Fact]
    public async Task A_capped_answer_says_it_is_truncated()
    {
        var all = await Client.GetJsonAsync("/api/v1/paths?from=usa&to=unhcr");
        var capped = await Client.GetJsonAsync("/api/v1/paths?from=usa&to=unhcr&maxPaths=1");

        Assert.True(all.GetProperty("paths").GetArrayLength() > 1);
        Assert.False(all.GetProperty("truncated").GetBoolean());
        Assert.Equal(1, capped.GetProperty("paths").GetArrayLength());
        Assert.True(capped.GetProperty("truncated").GetBoolean());
        Assert.Equal(all.GetProperty("paths")[0].GetProperty("actors").GetRawText(), capped.GetProperty("paths")[0].GetProperty("actors").GetRawText());
    }

    [Fact]
    public async Task A_neighbourhood_is_ready_to_draw_with_short_labels_degrees_and_readable_edge_labels()
    {
        var graph = await Client.GetJsonAsync("/api/v1/actors/iom/neighbourhood?depth=1&type=COORDINATES,SECRETARIAT_OF,MEMBER_OF&excludeKind=state");

        var nodes = graph.GetProperty("nodes").EnumerateArray().ToList();
        var iom = nodes.Single(n => n.GetProperty("id").GetString() == "iom");
        var gmg = nodes.Single(n => n.GetProperty("id").GetString() == "global-migration-group");
        Assert.Equal(0, iom.GetProperty("depth").GetInt32());
        Assert.Equal("IOM", iom.GetProperty("label").GetString());
        Assert.Equal("Global Migration Group", gmg.GetProperty("label").GetString());
        Assert.True(iom.GetProperty("degree").GetInt32() > 150, "IOM's degree counts its member states even when they are not drawn.");
        Assert.DoesNotContain(nodes, n => n.GetProperty("kind").GetString() == "state");
        var edge = graph.GetProperty("edges").EnumerateArray().First(e => e.GetProperty("type").GetString() == "MEMBER_OF");
        Assert.Equal("member of", edge.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Grouping_the_states_turns_the_iom_hub_into_one_counted_node_and_one_edge()
    {
        var plain = await Client.GetJsonAsync("/api/v1/actors/iom/neighbourhood?type=MEMBER_OF&maxNodes=2000");
        var grouped = await Client.GetJsonAsync("/api/v1/actors/iom/neighbourhood?type=MEMBER_OF&group=state&maxNodes=2000");

        var stateIds = plain.GetProperty("nodes").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "state").Select(n => n.GetProperty("id").GetString()!).ToHashSet();
        var states = stateIds.Count;
        var memberships = plain.GetProperty("edges").EnumerateArray()
            .Count(e => stateIds.Contains(e.GetProperty("source").GetString()!) && e.GetProperty("target").GetString() == "iom");
        var group = grouped.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "state");
        Assert.True(states > 150);
        Assert.Equal("group:state", group.GetProperty("id").GetString());
        Assert.Equal($"{states} states", group.GetProperty("label").GetString());
        Assert.Equal(states, group.GetProperty("group").GetProperty("memberIds").GetArrayLength());
        var edge = grouped.GetProperty("edges").EnumerateArray().Single(e => e.GetProperty("source").GetString() == "group:state");
        Assert.Equal("iom", edge.GetProperty("target").GetString());
        Assert.Equal(memberships, edge.GetProperty("group").GetProperty("count").GetInt32());
        Assert.Equal($"{memberships} “member of” relations from {states} states to IOM.", edge.GetProperty("sentence").GetString());
    }

    [Fact]
    public async Task The_cytoscape_export_of_a_neighbourhood_keeps_each_depth_and_marks_the_centre()
    {
        var export = await Client.GetJsonAsync("/api/v1/actors/iom/neighbourhood?format=cytoscape&type=COORDINATES,SECRETARIAT_OF");

        var nodes = export.GetProperty("elements").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data")).ToList();
        Assert.True(nodes.Single(n => n.GetProperty("centre").GetBoolean()).GetProperty("id").GetString() == "iom");
        Assert.All(nodes, n => Assert.Equal(n.GetProperty("id").GetString() == "iom" ? 0 : 1, n.GetProperty("depth").GetInt32()));
        Assert.All(nodes, n => Assert.True(n.GetProperty("degree").GetInt32() > 0));
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
