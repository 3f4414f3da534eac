using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace IomGraph.Api.Tests;

/// <summary>Bulk import and export through the API. Each test starts its own API, since imports write.</summary>
public abstract class ImportExportApiTests : IAsyncLifetime
{
    private const string Key = "curator-key-0123456789abcdef";

    private readonly List<ApiFactory> _started = [];

    /// <summary>Starts the API on a fresh store of this class's provider with these settings (seeded unless Graph:Seed:Enabled is false).</summary>
    protected abstract Task<ApiFactory> StartApiAsync(IDictionary<string, string?> settings);

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var api in _started)
        {
            await api.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Starts the empty API that round-trip tests import into. By default it is another store of this class's provider;
    /// a provider whose test server holds one database overrides it.
    /// </summary>
    protected virtual Task<ApiFactory> StartEmptyApiAsync(IDictionary<string, string?> settings) => StartApiAsync(settings);

    private async Task<HttpClient> ClientAsync(bool seeded = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:curator"] = Key,
            ["Graph:Seed:Enabled"] = seeded ? "true" : "false",
        };
        var api = seeded ? await StartApiAsync(settings) : await StartEmptyApiAsync(settings);
        _started.Add(api);
        var client = api.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Bundle() => JsonNode.Parse("""
        {
          "sources": [ { "id": "import-test-source", "title": "An imported source", "kind": "secondary" } ],
          "actors": [
            { "id": "import-test-forum", "name": "Imported Forum", "kind": "forum-or-commission", "founded": "2019-03" }
          ],
          "relations": [
            { "id": "che.participates-in.import-test-forum", "from": "che", "to": "import-test-forum", "type": "PARTICIPATES_IN",
              "confidence": "low", "start": "2019", "sources": [ { "sourceId": "import-test-source", "quote": "Switzerland took part." } ] }
          ]
        }
        """)!.AsObject();

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string url, HttpContent content)
    {
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content, Ct);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone());
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_json_bundle_imports_and_reimporting_it_changes_nothing()
    {
        var client = await ClientAsync();

        var (status, first) = await PostAsync(client, "/api/v1/import", Json(Bundle()));
        var (_, second) = await PostAsync(client, "/api/v1/import", Json(Bundle()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(first.GetProperty("changed").GetBoolean());
        Assert.Equal(1, first.GetProperty("actors").GetProperty("created").GetInt32());
        Assert.Equal(1, first.GetProperty("relations").GetProperty("created").GetInt32());
        Assert.False(second.GetProperty("changed").GetBoolean());
        Assert.Equal(1, second.GetProperty("relations").GetProperty("unchanged").GetInt32());
        var relation = await client.GetJsonAsync("/api/v1/relations/che.participates-in.import-test-forum");
        Assert.Equal("low", relation.GetProperty("confidence").GetString());
    }

    [Fact]
    public async Task An_invalid_import_lists_every_error_and_writes_nothing()
    {
        var client = await ClientAsync();
        var before = await client.GetJsonAsync("/api/v1/stats");
        var bundle = Bundle();
        bundle["actors"]!.AsArray().Add(JsonNode.Parse("""{ "id": "Bad Id", "name": "", "kind": "forum-or-commission" }"""));
        bundle["relations"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "x.leads.nowhere", "from": "iom", "to": "nowhere", "type": "LEADS", "confidence": "high", "sources": [ { "sourceId": "nope", "quote": "q" } ] }
            """));

        var (status, problem) = await PostAsync(client, "/api/v1/import", Json(bundle));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var records = problem.GetProperty("records").EnumerateArray().Select(r => (r.GetProperty("record").GetString(), r.GetProperty("field").GetString())).ToList();
        Assert.Contains(("actors[1]", "id"), records);
        Assert.Contains(("actors[1]", "name"), records);
        Assert.Contains(("relations[1]", "to"), records);
        Assert.Contains(("relations[1]", "sources[0].sourceId"), records);
        Assert.Equal(before.GetRawText(), (await client.GetJsonAsync("/api/v1/stats")).GetRawText());
        await client.GetJsonAsync("/api/v1/actors/import-test-forum", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_dry_run_validates_without_writing()
    {
        var client = await ClientAsync();

        var (status, body) = await PostAsync(client, "/api/v1/import?dryRun=true", Json(Bundle()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("dryRun").GetBoolean());
        Assert.True(body.GetProperty("valid").GetBoolean());
        await client.GetJsonAsync("/api/v1/actors/import-test-forum", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_needs_a_key()
    {
        var client = await ClientAsync();
        client.DefaultRequestHeaders.Remove("X-Api-Key");

        var (status, _) = await PostAsync(client, "/api/v1/import", Json(Bundle()));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task The_json_export_imports_back_to_the_same_graph()
    {
        var source = await ClientAsync();
        var target = await ClientAsync(seeded: false);

        var export = await source.GetByteArrayAsync(new Uri("/api/v1/export?format=json", UriKind.Relative), Ct);
        var (status, result) = await PostAsync(target, "/api/v1/import", new ByteArrayContent(export) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(result.GetProperty("changed").GetBoolean());
        var expected = await source.GetJsonAsync("/api/v1/stats?top=20");
        var actual = await target.GetJsonAsync("/api/v1/stats?top=20");
        Assert.Equal(expected.GetRawText(), actual.GetRawText());
        Assert.Equal(
            (await source.GetJsonAsync("/api/v1/relations/iom.coordinates.un-network-on-migration")).GetRawText(),
            (await target.GetJsonAsync("/api/v1/relations/iom.coordinates.un-network-on-migration")).GetRawText());
    }

    [Fact]
    public async Task The_csv_export_imports_back_as_multipart()
    {
        var source = await ClientAsync();
        var target = await ClientAsync(seeded: false);

        using var zip = new ZipArchive(new MemoryStream(await source.GetByteArrayAsync(new Uri("/api/v1/export?format=csv", UriKind.Relative), Ct)));
        using var form = new MultipartFormDataContent();
        foreach (var (part, file) in new[] { ("nodes", "nodes.csv"), ("edges", "edges.csv"), ("sources", "sources.csv") })
        {
            using var entry = zip.GetEntry(file)!.Open();
            using var buffer = new MemoryStream();
            await entry.CopyToAsync(buffer, Ct);
            form.Add(new ByteArrayContent(buffer.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, part, file);
        }

        var (status, result) = await PostAsync(target, "/api/v1/import", form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            (await source.GetJsonAsync("/api/v1/stats?top=20")).GetRawText(),
            (await target.GetJsonAsync("/api/v1/stats?top=20")).GetRawText());
        Assert.True(result.GetProperty("relations").GetProperty("created").GetInt32() > 250);
    }

    [Fact]
    public async Task The_csv_export_zip_imports_back_as_it_is()
    {
        var source = await ClientAsync();
        var target = await ClientAsync(seeded: false);

        var zip = await source.GetByteArrayAsync(new Uri("/api/v1/export?format=csv", UriKind.Relative), Ct);
        var (status, _) = await PostAsync(target, "/api/v1/import", new ByteArrayContent(zip) { Headers = { ContentType = new MediaTypeHeaderValue("application/zip") } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            (await source.GetJsonAsync("/api/v1/stats?top=20")).GetRawText(),
            (await target.GetJsonAsync("/api/v1/stats?top=20")).GetRawText());
    }

    [Fact]
    public async Task Csv_errors_name_the_file_and_the_row()
    {
        var client = await ClientAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("id,name,kind\r\ncsv-forum,CSV Forum,forum-or-commission\r\n"), "nodes", "nodes.csv" },
            { new StringContent("id,from,to,type,confidence,citations\r\nche.leads.csv-forum,che,csv-forum,LEADS,high,[]\r\nche.leads.nowhere,che,nowhere,LEADS,high,\"[{\"\"sourceId\"\":\"\"noborder-iom-wiki\"\",\"\"quote\"\":\"\"q\"\"}]\"\r\n"), "edges", "edges.csv" },
        };

        var (status, problem) = await PostAsync(client, "/api/v1/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var records = problem.GetProperty("records").EnumerateArray().Select(r => (r.GetProperty("record").GetString(), r.GetProperty("field").GetString())).ToList();
        Assert.Contains(("edges.csv row 2", "sources"), records);
        Assert.Contains(("edges.csv row 3", "to"), records);
        await client.GetJsonAsync("/api/v1/actors/csv-forum", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("json", "application/vnd.iomgraph.bundle+json", "json", "inline")]
    [InlineData("cytoscape", "application/vnd.iomgraph.cytoscape+json", "cyjs", "inline")]
    [InlineData("graphml", "application/graphml+xml", "graphml", "attachment")]
    [InlineData("gexf", "application/gexf+xml", "gexf", "attachment")]
    [InlineData("csv", "application/zip", "zip", "attachment")]
    public async Task Each_format_downloads_with_its_type_and_file_name(string format, string contentType, string extension, string disposition)
    {
        var client = await ClientAsync();

        using var response = await client.GetAsync(new Uri($"/api/v1/export?format={format}&type=CHAIRS", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        // JSON is shown inline (in a browser or Swagger UI), still with a file name for saving; the others download.
        Assert.Equal(disposition, response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith($".{extension}", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_filters_select_relations_and_their_actors()
    {
        var client = await ClientAsync();

        var chairs = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/export?format=json&type=CHAIRS", UriKind.Relative), Ct))!;
        var ids = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/export?format=json&ids=iom,unhcr,global-migration-group", UriKind.Relative), Ct))!;

        Assert.All(chairs["relations"]!.AsArray(), r => Assert.Equal("CHAIRS", (string?)r!["type"]));
        var chairEnds = chairs["relations"]!.AsArray().SelectMany(r => new[] { (string?)r!["from"], (string?)r!["to"] }).ToHashSet();
        Assert.Equal(chairEnds, chairs["actors"]!.AsArray().Select(a => (string?)a!["id"]).ToHashSet());
        Assert.Equal(["global-migration-group", "iom", "unhcr"], ids["actors"]!.AsArray().Select(a => (string?)a!["id"]).Order());
        Assert.All(ids["relations"]!.AsArray(), r => Assert.Contains((string?)r!["to"], new[] { "iom", "unhcr", "global-migration-group" }));
        var cited = ids["relations"]!.AsArray().SelectMany(r => r!["sources"]!.AsArray().Select(s => (string?)s!["sourceId"]))
            .Concat(ids["actors"]!.AsArray().SelectMany(a => a!["sources"]?.AsArray().Select(s => (string?)s!["sourceId"]) ?? []))
            .ToHashSet();
        Assert.Equal(cited, ids["sources"]!.AsArray().Select(s => (string?)s!["id"]).ToHashSet());
    }

    [Fact]
    public async Task An_export_as_of_a_date_takes_undated_relations_only_when_asked()
    {
        var client = await ClientAsync();

        var dated = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/export?format=json&type=LEADS&asOf=2024", UriKind.Relative), Ct))!;
        var undated = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/export?format=json&type=LEADS&asOf=2024&includeUndated=true", UriKind.Relative), Ct))!;
        var centred = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/export?format=json&centre=iom&type=LEADS&asOf=2024&includeUndated=true", UriKind.Relative), Ct))!;

        static HashSet<string?> Relations(JsonNode export) => [.. export["relations"]!.AsArray().Select(r => (string?)r!["id"])];
        Assert.Contains("amy-pope.leads.iom", Relations(dated));
        Assert.DoesNotContain("hugh-gibson.leads.iom", Relations(dated));
        Assert.All(dated["relations"]!.AsArray(), r => Assert.True(r!["start"] is not null || r["end"] is not null, $"{r["id"]} is undated."));
        Assert.Superset(Relations(dated), Relations(undated));
        Assert.Contains("hugh-gibson.leads.iom", Relations(undated));
        Assert.Contains("hugh-gibson", undated["actors"]!.AsArray().Select(a => (string?)a!["id"]));
        Assert.Contains("hugh-gibson.leads.iom", Relations(centred));
    }

    [Fact]
    public async Task A_neighbourhood_downloads_in_any_format()
    {
        var client = await ClientAsync();

        var graph = await client.GetJsonAsync("/api/v1/actors/iom/neighbourhood?depth=1&type=COORDINATES,SECRETARIAT_OF");
        var cytoscape = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/actors/iom/neighbourhood?depth=1&type=COORDINATES,SECRETARIAT_OF&format=cytoscape", UriKind.Relative), Ct))!;
        var export = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/export?format=cytoscape&centre=iom&depth=1&type=COORDINATES,SECRETARIAT_OF", UriKind.Relative), Ct))!;

        var nodes = cytoscape["elements"]!["nodes"]!.AsArray().Select(n => (string?)n!["data"]!["id"]).ToHashSet();
        Assert.Equal(graph.GetProperty("nodes").Ids().ToHashSet(), nodes!);
        Assert.Equal(graph.GetProperty("edges").GetArrayLength(), cytoscape["elements"]!["edges"]!.AsArray().Count);
        Assert.Equal(cytoscape.ToJsonString(), export.ToJsonString());
    }

    [Fact]
    public async Task Paths_download_as_graphml()
    {
        var client = await ClientAsync();

        await using var stream = await client.GetStreamAsync(new Uri("/api/v1/paths?from=usa&to=unhcr&format=graphml", UriKind.Relative), Ct);
        var document = new XmlDocument();
        document.Load(stream);

        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("g", "http://graphml.graphdrawing.org/xmlns");
        var nodes = document.SelectNodes("//g:node", ns)!.Cast<XmlElement>().Select(n => n.GetAttribute("id")).ToList();
        Assert.Contains("usa", nodes);
        Assert.Contains("unhcr", nodes);
        Assert.NotEmpty(document.SelectNodes("//g:edge", ns)!);
    }

    [Theory]
    [InlineData("/api/v1/export?format=pdf", "format")]
    [InlineData("/api/v1/export?type=NOPE", "type")]
    [InlineData("/api/v1/export?kind=planet", "kind")]
    [InlineData("/api/v1/export?asOf=2020-13", "asOf")]
    [InlineData("/api/v1/export?ids=Bad%20Id", "ids")]
    [InlineData("/api/v1/export?depth=2", "depth")]
    [InlineData("/api/v1/export?centre=iom&depth=9", "depth")]
    [InlineData("/api/v1/actors/iom/neighbourhood?format=svg", "format")]
    [InlineData("/api/v1/paths?from=usa&to=unhcr&format=svg", "format")]
    public async Task Bad_export_parameters_are_a_400(string url, string parameter)
    {
        var client = await ClientAsync();

        await client.GetValidationProblemAsync(url, parameter);
    }
}

public sealed class ImportExportApiTestsOnSqlite : ImportExportApiTests
{
    protected override Task<ApiFactory> StartApiAsync(IDictionary<string, string?> settings) => Task.FromResult(new ApiFactory(settings));
}

/// <summary>The same tests on Neo4j: each borrows the shared database, empty, and gives it back seeded.</summary>
[Collection(Neo4jApiTestGroup.Name)]
public sealed class ImportExportApiTestsOnNeo4j(Neo4jApi shared) : ImportExportApiTests
{
    private readonly BorrowedDatabase _database = shared.Borrow();

    protected override Task<ApiFactory> StartApiAsync(IDictionary<string, string?> settings) => _database.StartApiAsync(settings);

    /// <summary>Neo4j 3.1 has one database, so what a Neo4j export imports into is an embedded store.</summary>
    protected override Task<ApiFactory> StartEmptyApiAsync(IDictionary<string, string?> settings) => Task.FromResult(new ApiFactory(settings));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
