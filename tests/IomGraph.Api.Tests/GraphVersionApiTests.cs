using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IomGraph.Api.Application;
using IomGraph.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IomGraph.Api.Tests;

/// <summary>
/// The graph's version in the Graph-Version header: on every answer under /api/v1 (HEAD, errors and 406 included),
/// built from the stored seed's fingerprint and the change log's last sequence, readable by a page on another origin,
/// documented on every operation, and moved on by a write, a delete and an import in the very next answer.
/// </summary>
public abstract partial class GraphVersionApiTests : IAsyncLifetime
{
    private const string Key = "graph-version-key-0123456789";

    private ApiFactory? _api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts the API on a fresh, seeded store of this class's provider with these extra settings.</summary>
    protected abstract Task<ApiFactory> StartApiAsync(IDictionary<string, string?> settings);

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<(ApiFactory Api, HttpClient Client)> StartAsync()
    {
        _api ??= await StartApiAsync(new Dictionary<string, string?> { ["Auth:ApiKeys:curator"] = Key });
        var client = _api.Client();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return (_api, client);
    }

    [Theory]
    [InlineData("GET", "/api/v1/actors/iom", null, HttpStatusCode.OK)]
    [InlineData("HEAD", "/api/v1/actors/iom", null, HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/actors/nobody", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/relations?asOf=yesterday", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/actors/iom/neighbourhood", "text/html", HttpStatusCode.NotAcceptable)]
    [InlineData("GET", "/api/v1/export?type=CHAIRS&format=graphml", null, HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/actors/iom/neighbourhood?format=cytoscape", null, HttpStatusCode.OK)]
    [InlineData("HEAD", "/api/v1/export?format=csv", null, HttpStatusCode.OK)]
    public async Task Every_answer_under_api_v1_names_the_seed_and_the_last_change(string method, string url, string? accept, HttpStatusCode status)
    {
        var (api, client) = await StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(status, response.StatusCode);
        var version = VersionOf(response);
        var seed = await api.Services.GetRequiredService<IGraphReader>().GetSeedStateAsync(Ct);
        var last = await api.Services.GetRequiredService<IGraphReader>().GetLastChangeSequenceAsync(Ct);
        Assert.Equal($"{seed!.Fingerprint[..12]}.{last}", version);
    }

    [Fact]
    public async Task Answers_outside_the_api_carry_no_graph_version()
    {
        var (_, client) = await StartAsync();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative), Ct);

        Assert.False(response.Headers.Contains(GraphVersion.HeaderName));
    }

    [Fact]
    public async Task A_write_a_delete_and_an_import_are_each_in_the_next_answers_version_on_the_same_instance()
    {
        var (_, client) = await StartAsync();
        var before = await VersionAsync(client);

        using var put = await client.PutAsJsonAsync(
            new Uri("/api/v1/actors/version-test-actor", UriKind.Relative), new { id = "version-test-actor", name = "A Test Organisation", kind = "intergovernmental-organisation" }, Ct);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var written = VersionOf(put);
        Assert.Equal(written, await VersionAsync(client));
        AssertMovedOn(before, written);

        using var delete = await client.DeleteAsync(new Uri("/api/v1/actors/version-test-actor", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var deleted = await VersionAsync(client);
        AssertMovedOn(written, deleted);

        using var import = await client.PostAsJsonAsync(
            new Uri("/api/v1/import", UriKind.Relative), new { sources = new[] { new { id = "version-test-import", title = "An imported source", kind = "secondary" } } }, Ct);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        AssertMovedOn(deleted, await VersionAsync(client));
    }

    [Fact]
    public async Task A_page_on_another_origin_may_read_the_graph_version()
    {
        var (_, client) = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/stats", UriKind.Relative));
        request.Headers.Add("Origin", "https://a-newsroom.example");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal("*", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains(GraphVersion.HeaderName, string.Join(',', response.Headers.GetValues("Access-Control-Expose-Headers")).Split(','), StringComparer.OrdinalIgnoreCase);
        _ = VersionOf(response);
    }

    [Fact]
    public async Task The_document_gives_the_header_on_every_response_of_every_api_operation()
    {
        var (_, client) = await StartAsync();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative), Ct))!;

        var header = document["components"]!["headers"]![GraphVersion.HeaderName]!;
        Assert.Equal("string", (string?)header["schema"]!["type"]);
        var responses = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    var reference = (string?)response!["headers"]?[GraphVersion.HeaderName]?["$ref"];
                    if (path.StartsWith("/api/v1/", StringComparison.Ordinal))
                    {
                        Assert.True(reference == $"#/components/headers/{GraphVersion.HeaderName}", $"{method} {path} {status} does not document {GraphVersion.HeaderName}.");
                        responses++;
                    }
                    else
                    {
                        Assert.Null(reference);
                    }
                }
            }
        }

        Assert.True(responses > 50, $"Only {responses} responses were checked.");
    }

    private static async Task<string> VersionAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/relation-types", UriKind.Relative), Ct);
        return VersionOf(response);
    }

    private static string VersionOf(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues(GraphVersion.HeaderName, out var values), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} has no {GraphVersion.HeaderName}.");
        var version = Assert.Single(values);
        Assert.Matches(Shape(), version);
        return version;
    }

    private static void AssertMovedOn(string before, string after)
    {
        Assert.Equal(before.Split('.')[0], after.Split('.')[0]);
        Assert.True(long.Parse(after.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture) > long.Parse(before.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture), $"{after} does not follow {before}.");
    }

    [GeneratedRegex("^[0-9a-f]{12}\\.[0-9]+$")]
    private static partial Regex Shape();
}

public sealed class GraphVersionApiTestsOnSqlite : GraphVersionApiTests
{
    protected override Task<ApiFactory> StartApiAsync(IDictionary<string, string?> settings) => Task.FromResult(new ApiFactory(settings));
}

/// <summary>The same tests on Neo4j: they borrow the shared database, and give it back seeded.</summary>
[Collection(Neo4jApiTestGroup.Name)]
public sealed class GraphVersionApiTestsOnNeo4j(Neo4jApi shared) : GraphVersionApiTests
{
    private readonly BorrowedDatabase _database = shared.Borrow();

    protected override Task<ApiFactory> StartApiAsync(IDictionary<string, string?> settings) => _database.StartApiAsync(settings);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
