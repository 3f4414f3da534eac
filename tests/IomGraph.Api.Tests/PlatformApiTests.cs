using System.Net;
using System.Text.Json;

namespace IomGraph.Api.Tests;

public abstract class PlatformApiTests<TApi>(TApi api)
    where TApi : ApiFactory
{
    private HttpClient Client => api.ClientWithoutRedirects();

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        using var response = await Client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_when_seeded()
    {
        var live = await Client.GetJsonAsync("/health/live");
        var ready = await Client.GetJsonAsync("/health/ready");

        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_operation_has_a_summary_a_description_and_described_parameters()
    {
        var document = await Client.GetJsonAsync("/swagger/v1/swagger.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Verb: o.Name, Operation: o.Value)))
            .ToList();
        Assert.True(operations.Count >= 14);
        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("summary").GetString()), $"{o.Verb} {o.Path} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("description").GetString()), $"{o.Verb} {o.Path} has no description");
            if (o.Operation.TryGetProperty("parameters", out var parameters))
            {
                Assert.All(parameters.EnumerateArray(), p => Assert.False(
                    string.IsNullOrWhiteSpace(p.TryGetProperty("description", out var d) ? d.GetString() : null),
                    $"{o.Verb} {o.Path}: parameter {p.GetProperty("name")} has no description"));
            }
        });
    }

    [Theory]
    [InlineData("/api/v1/actors/{id}", "200", "404")]
    [InlineData("/api/v1/actors/{id}/relations", "200", "400", "404")]
    [InlineData("/api/v1/actors/{id}/neighbourhood", "200", "400", "404")]
    [InlineData("/api/v1/paths", "200", "400", "404")]
    [InlineData("/api/v1/relations/{id}", "200", "404")]
    [InlineData("/api/v1/actors", "200", "400")]
    public async Task Operations_document_their_answers(string path, params string[] statuses)
    {
        var document = await Client.GetJsonAsync("/swagger/v1/swagger.json");

        var responses = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses");
        foreach (var status in statuses)
        {
            Assert.True(responses.TryGetProperty(status, out var response), $"{path} does not document {status}");
            Assert.True(response.TryGetProperty("content", out _), $"{path} documents {status} without a schema");
        }
    }

    [Fact]
    public async Task Examples_use_real_ids()
    {
        var document = await Client.GetJsonAsync("/swagger/v1/swagger.json");

        var id = document.GetProperty("paths").GetProperty("/api/v1/actors/{id}").GetProperty("get").GetProperty("parameters")[0];
        Assert.Equal("iom", id.GetProperty("example").GetString());
        var paths = document.GetProperty("paths").GetProperty("/api/v1/paths").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        Assert.Equal("usa", paths["from"].GetProperty("example").GetString());
        Assert.Equal("unhcr", paths["to"].GetProperty("example").GetString());
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_too()
    {
        using var response = await Client.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Json_is_camel_case_with_enums_as_strings()
    {
        var relation = await Client.GetJsonAsync("/api/v1/actors/iom/relations?limit=1");

        var item = relation.GetProperty("items")[0];
        Assert.Equal(JsonValueKind.String, item.GetProperty("type").ValueKind);
        Assert.Equal(JsonValueKind.String, item.GetProperty("confidence").ValueKind);
        Assert.True(item.TryGetProperty("fromActor", out _));
    }
}

public sealed class PlatformApiTestsOnSqlite(SqliteApi api) : PlatformApiTests<SqliteApi>(api), IClassFixture<SqliteApi>;

[Collection(Neo4jApiTestGroup.Name)]
public sealed class PlatformApiTestsOnNeo4j(Neo4jApi api) : PlatformApiTests<Neo4jApi>(api);
