using System.Net;

namespace IomGraph.Api.Tests;

public abstract class ValidationApiTests<TApi>(TApi api)
    where TApi : ApiFactory
{
    private HttpClient Client => api.Client();

    [Theory]
    [InlineData("/api/v1/actors?kind=planet", "kind")]
    [InlineData("/api/v1/actors?kind=state,planet", "kind")]
    [InlineData("/api/v1/actors?limit=0", "limit")]
    [InlineData("/api/v1/actors?limit=101", "limit")]
    [InlineData("/api/v1/actors?limit=abc", "limit")]
    [InlineData("/api/v1/actors?cursor=garbage", "cursor")]
    [InlineData("/api/v1/actors?cursor=eyJrIjoicmVsYXRpb25zIiwiZCI6MCwiaSI6IngifQ", "cursor")]
    [InlineData("/api/v1/actors/iom/relations?type=KNOWS", "type")]
    [InlineData("/api/v1/actors/iom/relations?type=MEMBER_OF&type=LIKES", "type")]
    [InlineData("/api/v1/actors/iom/relations?asOf=2020-13-45", "asOf")]
    [InlineData("/api/v1/actors/iom/relations?asOf=2019-02-29", "asOf")]
    [InlineData("/api/v1/actors/iom/relations?asOf=yesterday", "asOf")]
    [InlineData("/api/v1/actors/iom/relations?direction=sideways", "direction")]
    [InlineData("/api/v1/actors/iom/relations?limit=201", "limit")]
    [InlineData("/api/v1/actors/iom/relations?cursor=%%%", "cursor")]
    [InlineData("/api/v1/actors/iom/neighbourhood?depth=0", "depth")]
    [InlineData("/api/v1/actors/iom/neighbourhood?depth=4", "depth")]
    [InlineData("/api/v1/actors/iom/neighbourhood?depth=two", "depth")]
    [InlineData("/api/v1/actors/iom/neighbourhood?type=FRIEND_OF", "type")]
    [InlineData("/api/v1/actors/iom/neighbourhood?asOf=2020-13", "asOf")]
    [InlineData("/api/v1/actors/iom/neighbourhood?maxNodes=0", "maxNodes")]
    [InlineData("/api/v1/paths?to=unhcr", "from")]
    [InlineData("/api/v1/paths?from=usa", "to")]
    [InlineData("/api/v1/paths?from=USA!&to=unhcr", "from")]
    [InlineData("/api/v1/paths?from=usa&to=unhcr&maxDepth=7", "maxDepth")]
    [InlineData("/api/v1/paths?from=usa&to=unhcr&maxDepth=0", "maxDepth")]
    [InlineData("/api/v1/paths?from=usa&to=unhcr&type=NOPE", "type")]
    [InlineData("/api/v1/paths?from=usa&to=unhcr&asOf=20100", "asOf")]
    [InlineData("/api/v1/relations?type=unknown", "type")]
    [InlineData("/api/v1/relations?minConfidence=certain", "minConfidence")]
    [InlineData("/api/v1/relations?asOf=2020-13-45", "asOf")]
    [InlineData("/api/v1/relations?limit=-1", "limit")]
    [InlineData("/api/v1/relations?cursor=eyJ4IjoxfQ", "cursor")]
    [InlineData("/api/v1/relations?from=Not%20An%20Id", "from")]
    [InlineData("/api/v1/sources?limit=0", "limit")]
    [InlineData("/api/v1/sources?cursor=zzz", "cursor")]
    [InlineData("/api/v1/sources/noborder-iom-wiki?limit=1000", "limit")]
    [InlineData("/api/v1/stats?top=0", "top")]
    [InlineData("/api/v1/stats?top=many", "top")]
    public async Task Bad_parameters_are_a_400_problem_naming_the_parameter(string url, string parameter)
    {
        await Client.GetValidationProblemAsync(url, parameter);
    }

    [Theory]
    [InlineData("/api/v1/actors/iom/relations?includeUndated=true")]
    [InlineData("/api/v1/actors/iom/relations?includeUndated=false")]
    [InlineData("/api/v1/actors/iom/neighbourhood?includeUndated=true")]
    [InlineData("/api/v1/relations?type=LEADS&includeUndated=true")]
    [InlineData("/api/v1/paths?from=usa&to=unhcr&includeUndated=true")]
    [InlineData("/api/v1/export?includeUndated=true")]
    [InlineData("/api/v1/export?centre=iom&includeUndated=true")]
    public async Task Include_undated_without_as_of_is_a_400_problem_naming_it(string url)
    {
        var problem = await Client.GetValidationProblemAsync(url, "includeUndated");

        Assert.Equal("'includeUndated' only matters with 'asOf'.", problem.GetProperty("errors").GetProperty("includeUndated")[0].GetString());
    }

    [Theory]
    [InlineData("/api/v1/actors/iom/relations?asOf=2024&includeUndated=maybe")]
    [InlineData("/api/v1/relations?asOf=2024&includeUndated=1")]
    public async Task Include_undated_that_is_not_true_or_false_is_a_400_problem_naming_it(string url)
    {
        await Client.GetValidationProblemAsync(url, "includeUndated");
    }

    [Fact]
    public async Task An_overlong_query_is_refused()
    {
        await Client.GetValidationProblemAsync("/api/v1/actors?q=" + new string('x', 201), "q");
    }

    [Fact]
    public async Task An_unknown_type_names_the_offender_and_the_known_types()
    {
        var problem = await Client.GetValidationProblemAsync("/api/v1/relations?type=MEMBER_OF,BEFRIENDS", "type");

        var message = problem.GetProperty("errors").GetProperty("type")[0].GetString();
        Assert.Contains("BEFRIENDS", message, StringComparison.Ordinal);
        Assert.Contains("MEMBER_OF", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/actors?q=%27%3B%20DROP%20TABLE%20actors%3B--")]
    [InlineData("/api/v1/actors?q=%25")]
    [InlineData("/api/v1/actors?q=_")]
    [InlineData("/api/v1/actors?q=%00")]
    [InlineData("/api/v1/actors?q=%F0%9F%98%80")]
    [InlineData("/api/v1/actors?q=%E2%80%AE")]
    [InlineData("/api/v1/actors?q=")]
    [InlineData("/api/v1/actors?q=%20%20")]
    [InlineData("/api/v1/actors?limit=99999999999999999999")]
    [InlineData("/api/v1/actors?cursor=" + "eyJrIjoiYWN0b3JzIiwiciI6OTksInMiOiIiLCJpIjoieCJ9")]
    [InlineData("/api/v1/actors/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("/api/v1/actors/iom'%20OR%20'1'='1")]
    [InlineData("/api/v1/actors/iom/relations?type=&asOf=&direction=")]
    [InlineData("/api/v1/actors/iom/relations?type=,,,")]
    [InlineData("/api/v1/paths?from=usa&to=usa")]
    [InlineData("/api/v1/paths?from=&to=")]
    [InlineData("/api/v1/relations?from=x&to=y&asOf=0001-01-01")]
    [InlineData("/api/v1/relations?asOf=9999-12-31")]
    [InlineData("/api/v1/relations/%3Cscript%3E")]
    [InlineData("/api/v1/sources/%E2%80%AE")]
    public async Task Hostile_input_never_yields_a_server_error(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode < 500, $"GET {url} gave {(int)response.StatusCode}");
        if (!response.IsSuccessStatusCode)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_long_id_is_simply_not_found()
    {
        using var response = await Client.GetAsync(new Uri("/api/v1/actors/" + new string('a', 5000), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class ValidationApiTestsOnSqlite(SqliteApi api) : ValidationApiTests<SqliteApi>(api), IClassFixture<SqliteApi>;

[Collection(Neo4jApiTestGroup.Name)]
public sealed class ValidationApiTestsOnNeo4j(Neo4jApi api) : ValidationApiTests<Neo4jApi>(api);
