using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IomGraph.Api.Tests.OpenApi;

namespace IomGraph.Api.Tests;

/// <summary>
/// What clients other than a .NET test rely on: HEAD on every GET, cross-origin rules for browser pages, content
/// negotiation for graphs, and 400s that name each bad field of a body.
/// </summary>
public sealed class HttpConventionsTests : IAsyncLifetime
{
    private const string Key = "a-long-random-key-for-alice";
    private const string WriterOrigin = "https://curators.example.org";

    private readonly ApiFactory _api = new(new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:alice"] = Key,
        ["Cors:WriteOrigins:0"] = WriterOrigin,
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => _api.Client();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Every_get_in_the_document_also_answers_head_with_the_same_status_and_headers_and_no_body()
    {
        // Over a real socket: it is Kestrel that leaves the body out of a HEAD answer, which the in-memory server does not.
        await using var server = new KestrelApi(new Dictionary<string, string?>());
        using var client = new HttpClient { BaseAddress = server.Start() };
        var document = new OpenApiContract(JsonNode.Parse(await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative), Ct))!);
        var reads = document.Operations().Where(o => o.Method == "get").ToList();
        Assert.NotEmpty(reads);

        foreach (var (_, template, operation) in reads)
        {
            var url = Example(template, operation);
            using var get = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)), Ct);

            Assert.True(get.StatusCode == head.StatusCode, $"HEAD {url} gave {(int)head.StatusCode}, GET gave {(int)get.StatusCode}.");
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
        }
    }

    [Fact]
    public async Task A_page_on_any_origin_may_read_and_read_the_etag()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/actors/iom", UriKind.Relative));
        request.Headers.Add("Origin", "https://a-newsroom.example");

        using var response = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("ETag", Header(response, "Access-Control-Expose-Headers")!.Split(','));
    }

    [Theory]
    [InlineData("GET", "if-none-match")]
    [InlineData("HEAD", "if-none-match")]
    public async Task A_read_preflight_from_any_origin_is_allowed_with_conditional_headers(string method, string headers)
    {
        using var response = await PreflightAsync("/api/v1/actors/iom", "https://a-newsroom.example", method, headers);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains(method, Header(response, "Access-Control-Allow-Methods")!.Split(','));
        Assert.Contains("If-None-Match", Header(response, "Access-Control-Allow-Headers")!.Split(','), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("PUT", "/api/v1/actors/example-working-group")]
    [InlineData("DELETE", "/api/v1/relations/iom.chairs.example-working-group")]
    [InlineData("POST", "/api/v1/import")]
    public async Task A_write_preflight_is_allowed_only_from_a_configured_origin(string method, string path)
    {
        using var allowed = await PreflightAsync(path, WriterOrigin, method, "x-api-key,content-type,if-match");
        using var refused = await PreflightAsync(path, "https://a-newsroom.example", method, "x-api-key,content-type");

        Assert.Equal(WriterOrigin, Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Contains(method, Header(allowed, "Access-Control-Allow-Methods")!.Split(','));
        var allowedHeaders = Header(allowed, "Access-Control-Allow-Headers")!.Split(',');
        Assert.All(["X-Api-Key", "Content-Type", "If-Match"], h => Assert.Contains(h, allowedHeaders, StringComparer.OrdinalIgnoreCase));

        // Without Access-Control-Allow-Origin the browser refuses to send the write.
        Assert.Null(Header(refused, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_write_from_a_configured_origin_is_answered_with_cors_headers_and_its_etag_readable()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/v1/sources/cors-source", UriKind.Relative))
        {
            Content = JsonContent.Create(new { id = "cors-source", title = "A source written from a browser", kind = "secondary" }),
        };
        request.Headers.Add("Origin", WriterOrigin);
        request.Headers.Add("X-Api-Key", Key);

        using var response = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(WriterOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("ETag", Header(response, "Access-Control-Expose-Headers")!.Split(','));
    }

    [Theory]
    [InlineData("/api/v1/actors/iom/neighbourhood", "application/graphml+xml", "application/graphml+xml")]
    [InlineData("/api/v1/actors/iom/neighbourhood", "application/vnd.iomgraph.cytoscape+json", "application/vnd.iomgraph.cytoscape+json")]
    [InlineData("/api/v1/actors/iom/neighbourhood", "text/html,application/xhtml+xml,*/*;q=0.8", "application/json")]
    [InlineData("/api/v1/paths?from=usa&to=unhcr", "application/gexf+xml", "application/gexf+xml")]
    [InlineData("/api/v1/paths?from=usa&to=unhcr", "application/json", "application/json")]
    [InlineData("/api/v1/export?type=CHAIRS", "application/zip", "application/zip")]
    [InlineData("/api/v1/export?type=CHAIRS", "*/*", "application/vnd.iomgraph.bundle+json")]
    public async Task Accept_picks_the_representation_of_a_graph(string url, string accept, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task The_format_parameter_wins_over_accept_and_an_unacceptable_accept_is_a_406_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/actors/iom/neighbourhood?format=gexf", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var formatted = await Client.SendAsync(request, Ct);
        using var refusal = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/actors/iom/neighbourhood", UriKind.Relative));
        refusal.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var refused = await Client.SendAsync(refusal, Ct);

        Assert.Equal("application/gexf+xml", formatted.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("application/graphml+xml", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_with_several_bad_fields_names_each_by_its_json_name_without_internal_type_names()
    {
        var body = """{ "id": "x", "kind": "martian", "founded": "2020-13", "aliases": "one", "colour": "red", "sources": [ { "sourceId": 7 } ] }""";

        using var response = await PutAsync("/api/v1/actors/x", body);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToList());
        Assert.Equal(
            ["aliases", "colour", "founded", "kind", "name", "sources[0].sourceId"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("'name' is required.", errors["name"].Single());
        Assert.Contains("inter-agency-group", errors["kind"].Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("IomGraph", problem.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem.GetRawText(), StringComparison.Ordinal);
        await Client.GetJsonAsync("/api/v1/actors/x", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_missing_every_required_field_of_a_relation_lists_them_all()
    {
        using var response = await PutAsync("/api/v1/relations/r", """{ "id": "r" }""");
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["confidence", "from", "sources", "to", "type"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_that_says_where()
    {
        using var response = await PutAsync("/api/v1/actors/x", "{ \"id\": \"x\", ");
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").GetProperty("body")[0].GetString();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The body is not valid JSON at line 1, character", detail, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PutAsync(string url, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(url, UriKind.Relative))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", Key);
        return await Client.SendAsync(request, Ct);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string path, string origin, string method, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await Client.SendAsync(request, Ct);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(',', values) : null;

    /// <summary>The URL Swagger UI would call for an operation: its path and required parameters filled with their examples.</summary>
    internal static string Example(string template, JsonObject operation)
    {
        var url = template;
        var query = new List<string>();
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            var name = (string)parameter!["name"]!;
            if ((string?)parameter["in"] == "path")
            {
                url = url.Replace("{" + name + "}", (string)parameter["example"]!, StringComparison.Ordinal);
            }
            else if ((bool?)parameter["required"] == true)
            {
                query.Add($"{name}={Uri.EscapeDataString((string)parameter["example"]!)}");
            }
        }

        return query.Count == 0 ? url : url + "?" + string.Join('&', query);
    }
}
