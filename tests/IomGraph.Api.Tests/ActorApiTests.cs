using System.Net;
using System.Text.Json;

namespace IomGraph.Api.Tests;

public abstract class ActorApiTests<TApi>(TApi api)
    where TApi : ApiFactory
{
    private HttpClient Client => api.Client();

    [Fact]
    public async Task An_exact_acronym_comes_first()
    {
        var page = await Client.GetJsonAsync("/api/v1/actors?q=UNHCR");

        var first = page.GetProperty("items")[0];
        Assert.Equal("unhcr", first.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("exact", first.GetProperty("match").GetString());
    }

    [Theory]
    [InlineData("cote d'ivoire", "civ")]
    [InlineData("CÔTE D’IVOIRE", "civ")]
    [InlineData("côte", "civ")]
    [InlineData("ICEM", "iom")]
    [InlineData("PICMME", "iom")]
    [InlineData("oim", "iom")]
    [InlineData("international labour", "ilo")]
    [InlineData("Geneva Migration", "geneva-migration-group")]
    public async Task Search_ignores_case_and_accents_and_knows_aliases(string q, string expected)
    {
        var page = await Client.GetJsonAsync($"/api/v1/actors?q={Uri.EscapeDataString(q)}");

        Assert.Contains(expected, page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("actor").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Exact_matches_rank_before_prefix_and_contains_matches()
    {
        var page = await Client.GetJsonAsync("/api/v1/actors?q=migration&limit=100");

        var ranks = page.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("match").GetString() switch { "exact" => 0, "prefix" => 1, _ => 2 }).ToList();
        Assert.NotEmpty(ranks);
        Assert.Equal(ranks.Order(), ranks);
    }

    [Fact]
    public async Task Search_filters_by_kind()
    {
        var page = await Client.GetJsonAsync("/api/v1/actors?kind=state&limit=100");

        Assert.True(page.GetProperty("total").GetInt64() >= 155);
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal("state", i.GetProperty("actor").GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Several_kinds_may_be_asked_for_at_once()
    {
        var repeated = await Client.GetJsonAsync("/api/v1/actors?kind=value&kind=inter-agency-group&limit=100");
        var commas = await Client.GetJsonAsync("/api/v1/actors?kind=value,inter-agency-group&limit=100");

        var kinds = repeated.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("actor").GetProperty("kind").GetString()).Distinct().Order();
        Assert.Equal(["inter-agency-group", "value"], kinds);
        Assert.Equal(repeated.GetProperty("total").GetInt64(), commas.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Cursor_paging_visits_every_actor_exactly_once()
    {
        var seen = new List<string>();
        string? cursor = null;
        long total;
        var pages = 0;
        do
        {
            var page = await Client.GetJsonAsync("/api/v1/actors?limit=37" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            total = page.GetProperty("total").GetInt64();
            var items = page.GetProperty("items");
            Assert.True(items.GetArrayLength() <= 37);
            seen.AddRange(items.EnumerateArray().Select(i => i.GetProperty("actor").GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 100);

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(pages > 1);
    }

    [Fact]
    public async Task Search_paging_keeps_the_ranking_across_pages()
    {
        var first = await Client.GetJsonAsync("/api/v1/actors?q=un&limit=3");
        var second = await Client.GetJsonAsync("/api/v1/actors?q=un&limit=3&cursor=" + Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!));
        var all = await Client.GetJsonAsync("/api/v1/actors?q=un&limit=6");

        var paged = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal(all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("actor").GetProperty("id").GetString()), paged);
    }

    [Fact]
    public async Task The_iom_is_described_with_its_former_names_and_sources()
    {
        var details = await Client.GetJsonAsync("/api/v1/actors/iom");

        var actor = details.GetProperty("actor");
        Assert.Equal("intergovernmental-organisation", actor.GetProperty("kind").GetString());
        var aliases = actor.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "PICMME", "ICEM", "ICM", "OIM" }, aliases.ToHashSet());
        Assert.Contains("175", actor.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(actor.GetProperty("sources").EnumerateArray());
        Assert.Matches("^1951", actor.GetProperty("founded").GetString());
    }

    [Fact]
    public async Task An_actor_comes_with_its_relation_counts_by_type()
    {
        var details = await Client.GetJsonAsync("/api/v1/actors/iom");

        var counts = details.GetProperty("relationCounts").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!);
        Assert.True(counts["MEMBER_OF"].GetProperty("incoming").GetInt32() >= 155);
        Assert.True(counts["COORDINATES"].GetProperty("outgoing").GetInt32() >= 1);
        Assert.Equal(
            details.GetProperty("totalRelations").GetInt32(),
            counts.Values.Sum(c => c.GetProperty("incoming").GetInt32() + c.GetProperty("outgoing").GetInt32()));
    }

    [Fact]
    public async Task A_state_is_found_by_its_iso3_id()
    {
        var details = await Client.GetJsonAsync("/api/v1/actors/usa");

        Assert.Equal("USA", details.GetProperty("actor").GetProperty("iso3").GetString());
        Assert.Equal("state", details.GetProperty("actor").GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("/api/v1/actors/nobody")]
    [InlineData("/api/v1/actors/nobody/relations")]
    [InlineData("/api/v1/actors/nobody/neighbourhood")]
    [InlineData("/api/v1/actors/NOT%20AN%20ID")]
    public async Task An_unknown_actor_is_a_404_problem(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("no actor with id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_iom_coordinates_the_un_network_on_migration()
    {
        var page = await Client.GetJsonAsync("/api/v1/actors/iom/relations?type=COORDINATES&direction=out");

        var relation = Assert.Single(page.GetProperty("items").EnumerateArray(), r => r.GetProperty("to").GetString() == "un-network-on-migration");
        Assert.Equal("out", relation.GetProperty("direction").GetString());
        Assert.Equal("un-network-on-migration", relation.GetProperty("counterpart").GetProperty("id").GetString());
        Assert.StartsWith("IOM has coordinated", relation.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.All(relation.GetProperty("sources").EnumerateArray(), s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("quote").GetString())));
        Assert.Contains(relation.GetProperty("confidence").GetString(), new[] { "high", "medium", "low" });
    }

    [Fact]
    public async Task Direction_keeps_outgoing_or_incoming_relations()
    {
        var outgoing = await Client.GetJsonAsync("/api/v1/actors/iom/relations?direction=out&limit=200");
        var incoming = await Client.GetJsonAsync("/api/v1/actors/iom/relations?direction=in&limit=200");
        var both = await Client.GetJsonAsync("/api/v1/actors/iom/relations?limit=1");

        Assert.All(outgoing.GetProperty("items").EnumerateArray(), r => Assert.Equal("iom", r.GetProperty("from").GetString()));
        Assert.All(incoming.GetProperty("items").EnumerateArray(), r => Assert.Equal("iom", r.GetProperty("to").GetString()));
        Assert.Equal(outgoing.GetProperty("total").GetInt64() + incoming.GetProperty("total").GetInt64(), both.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task As_of_keeps_the_global_migration_groups_members_in_2010_and_none_in_2020()
    {
        var in2010 = await Client.GetJsonAsync("/api/v1/actors/global-migration-group/relations?type=MEMBER_OF&direction=in&asOf=2010");
        var in2020 = await Client.GetJsonAsync("/api/v1/actors/global-migration-group/relations?type=MEMBER_OF&direction=in&asOf=2020");

        Assert.Contains("iom", in2010.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("from").GetString()));
        Assert.True(in2010.GetProperty("total").GetInt64() >= 10);
        Assert.Equal(0, in2020.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("2024", "amy-pope.leads.iom")]
    [InlineData("1990", "james-n-purcell.leads.iom")]
    public async Task As_of_leaves_out_the_early_directors_whose_terms_are_not_recorded(string asOf, string head)
    {
        var page = await Client.GetJsonAsync($"/api/v1/actors/iom/relations?type=LEADS&direction=in&asOf={asOf}");

        Assert.Equal([head], page.GetProperty("items").Ids());
        Assert.Equal(1, page.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("2024", "amy-pope.leads.iom")]
    [InlineData("1990", "james-n-purcell.leads.iom")]
    public async Task Include_undated_adds_the_three_directors_whose_terms_are_not_recorded(string asOf, string head)
    {
        var page = await Client.GetJsonAsync($"/api/v1/actors/iom/relations?type=LEADS&direction=in&asOf={asOf}&includeUndated=true");

        // Undated relations have the lowest start key, so they come first, in id order.
        string[] undated =
        [
            "hugh-gibson.leads.iom", "james-l-carlin.leads.iom", "john-f-thomas.leads.iom",
        ];
        Assert.Equal([.. undated, head], page.GetProperty("items").Ids());
        Assert.Equal(4, page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task As_of_takes_a_month_or_a_day_too()
    {
        var month = await Client.GetJsonAsync("/api/v1/actors/geneva-migration-group/relations?type=MEMBER_OF&direction=in&asOf=2003-05");
        var dayBefore = await Client.GetJsonAsync("/api/v1/actors/geneva-migration-group/relations?type=MEMBER_OF&direction=in&asOf=2003-03-31");

        Assert.Equal(6, month.GetProperty("total").GetInt64());
        Assert.Equal(0, dayBefore.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_depth_one_neighbourhood_links_node_ids_not_positions()
    {
        var graph = await Client.GetJsonAsync("/api/v1/actors/iom/neighbourhood?depth=1");

        var nodes = graph.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("depth").GetInt32());
        Assert.Equal(0, nodes["iom"]);
        Assert.Equal(1, nodes["un-network-on-migration"]);
        Assert.All(nodes.Where(n => n.Key != "iom"), n => Assert.Equal(1, n.Value));
        var edges = graph.GetProperty("edges").EnumerateArray().ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e =>
        {
            Assert.Equal(JsonValueKind.String, e.GetProperty("source").ValueKind);
            Assert.Contains(e.GetProperty("source").GetString()!, nodes.Keys);
            Assert.Contains(e.GetProperty("target").GetString()!, nodes.Keys);
        });
        Assert.False(graph.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task A_deeper_neighbourhood_reaches_further_and_filters_apply()
    {
        var depth1 = await Client.GetJsonAsync("/api/v1/actors/unhcr/neighbourhood?depth=1&type=MEMBER_OF");
        var depth2 = await Client.GetJsonAsync("/api/v1/actors/unhcr/neighbourhood?depth=2&type=MEMBER_OF&asOf=2010");

        Assert.All(depth1.GetProperty("edges").EnumerateArray(), e => Assert.Equal("MEMBER_OF", e.GetProperty("type").GetString()));
        var ids2 = depth2.GetProperty("nodes").Ids().ToList();
        Assert.Contains("global-migration-group", ids2);
        Assert.Contains("ilo", ids2);
        Assert.DoesNotContain("un-women", ids2);
    }

    [Fact]
    public async Task A_node_cap_truncates_and_says_so()
    {
        var graph = await Client.GetJsonAsync("/api/v1/actors/iom/neighbourhood?depth=1&maxNodes=5");

        Assert.Equal(5, graph.GetProperty("nodes").GetArrayLength());
        Assert.True(graph.GetProperty("truncated").GetBoolean());
    }
}

public sealed class ActorApiTestsOnSqlite(SqliteApi api) : ActorApiTests<SqliteApi>(api), IClassFixture<SqliteApi>;

[Collection(Neo4jApiTestGroup.Name)]
public sealed class ActorApiTestsOnNeo4j(Neo4jApi api) : ActorApiTests<Neo4jApi>(api);
