using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IomGraph.Api.Tests;

/// <summary>
/// Curation through the API: keys, validation, preconditions, deletes and the change log. Every test starts its own
/// API on a freshly seeded store, since every test writes.
/// </summary>
public abstract class CurationApiTests : IAsyncLifetime
{
    protected const string CuratorKey = "curator-key-0123456789abcdef";

    private readonly List<ApiFactory> _started = [];

    /// <summary>Starts the API on a fresh, seeded store of this class's provider with these extra settings.</summary>
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

    private async Task<HttpClient> ClientAsync(bool withKey = true, bool keysConfigured = true)
    {
        var settings = new Dictionary<string, string?>();
        if (keysConfigured)
        {
            settings["Auth:ApiKeys:curator"] = CuratorKey;
            settings["Auth:ApiKeys:second"] = "second-key-abcdef0123456789";
        }

        var api = await StartApiAsync(settings);
        _started.Add(api);
        var client = api.Client();
        if (withKey)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", CuratorKey);
        }

        return client;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Actor(string id, string name = "Test Organisation", string kind = "intergovernmental-organisation") =>
        new { id, name, kind, aliases = new[] { "TO" } };

    private static object Relation(string id, string from, string to, string type = "MEMBER_OF", string? start = "2001", string? end = null) => new
    {
        id,
        from,
        to,
        type,
        confidence = "medium",
        start,
        end,
        sources = new[] { new { sourceId = "noborder-iom-wiki", quote = "the IOM is involved in both" } },
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        headers?.Invoke(request.Headers);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();

    /// <summary>Reads the change feed to its end, as a syncing client does, and returns where to resume.</summary>
    private static async Task<string> ResumeCursorAsync(HttpClient client)
    {
        var page = await client.GetJsonAsync("/api/v1/changes?limit=500");
        while (page.GetProperty("nextCursor").ValueKind == JsonValueKind.String)
        {
            page = await client.GetJsonAsync("/api/v1/changes?limit=500&cursor=" + Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!));
        }

        return page.GetProperty("resumeCursor").GetString()!;
    }

    [Fact]
    public async Task Without_configured_keys_writes_are_forbidden_and_nothing_changes()
    {
        var client = await ClientAsync(keysConfigured: false);

        using var response = await SendAsync(client, HttpMethod.Put, "/api/v1/actors/test-org", Actor("test-org"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Auth:ApiKeys", (await BodyAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await client.GetJsonAsync("/api/v1/actors/test-org", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789abcdef")]
    [InlineData("curator-key-0123456789abcdeF")]
    public async Task A_missing_or_wrong_key_is_a_401_problem(string? key)
    {
        var client = await ClientAsync(withKey: false);

        using var response = await SendAsync(client, HttpMethod.Put, "/api/v1/actors/test-org", Actor("test-org"), h =>
        {
            if (key is not null)
            {
                h.Add("X-Api-Key", key);
            }
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ApiKey", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(key is null ? "API key required" : "API key not recognised", (await BodyAsync(response)).GetProperty("title").GetString());
        Assert.True(response.Headers.Contains("Graph-Version"), "A refused write names the graph's version, as every answer under /api/v1 does.");
        await client.GetJsonAsync("/api/v1/actors/test-org", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reads_stay_public()
    {
        var client = await ClientAsync(withKey: false);

        await client.GetJsonAsync("/api/v1/actors/iom");
        await client.GetJsonAsync("/api/v1/changes?limit=1");
    }

    [Fact]
    public async Task Reads_ignore_a_wrong_key()
    {
        var client = await ClientAsync(withKey: false);
        client.DefaultRequestHeaders.Add("X-Api-Key", "wrong-key-0123456789abcdef");

        await client.GetJsonAsync("/api/v1/actors/iom");
    }

    [Fact]
    public async Task The_author_of_a_write_is_the_name_of_the_key_that_made_it()
    {
        var client = await ClientAsync(withKey: false);
        var resume = await ResumeCursorAsync(client);

        using (var response = await SendAsync(client, HttpMethod.Put, "/api/v1/actors/test-org", Actor("test-org"), h => h.Add("X-Api-Key", "second-key-abcdef0123456789")))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var since = await client.GetJsonAsync("/api/v1/changes?cursor=" + Uri.EscapeDataString(resume));
        Assert.Equal("second", Assert.Single(since.GetProperty("items").EnumerateArray()).GetProperty("author").GetString());
    }

    [Fact]
    public async Task Put_creates_an_actor_with_an_etag_that_conditional_gets_honour()
    {
        var client = await ClientAsync();

        using var created = await SendAsync(client, HttpMethod.Put, "/api/v1/actors/test-org", Actor("test-org"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/actors/test-org", created.Headers.Location?.OriginalString);
        var etag = created.Headers.ETag;
        Assert.NotNull(etag);

        using var fetched = await SendAsync(client, HttpMethod.Get, "/api/v1/actors/test-org");
        Assert.Equal(etag, fetched.Headers.ETag);
        using var notModified = await SendAsync(client, HttpMethod.Get, "/api/v1/actors/test-org", headers: h => h.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var again = await SendAsync(client, HttpMethod.Put, "/api/v1/actors/test-org", Actor("test-org"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
    }

    [Fact]
    public async Task Put_and_delete_honour_if_match()
    {
        var client = await ClientAsync();
        using var created = await SendAsync(client, HttpMethod.Put, "/api/v1/actors/test-org", Actor("test-org"));
        var first = created.Headers.ETag!;
        using var replaced = await SendAsync(client, HttpMethod.Put, "/api/v1/actors/test-org", Actor("test-org", "Renamed"), h => h.IfMatch.Add(first));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        using var stale = await SendAsync(client, HttpMethod.Put, "/api/v1/actors/test-org", Actor("test-org", "Stale write"), h => h.IfMatch.Add(first));
        using var staleDelete = await SendAsync(client, HttpMethod.Delete, "/api/v1/actors/test-org", headers: h => h.IfMatch.Add(first));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleDelete.StatusCode);
        Assert.Equal("Renamed", (await client.GetJsonAsync("/api/v1/actors/test-org")).GetProperty("actor").GetProperty("name").GetString());
        using var delete = await SendAsync(client, HttpMethod.Delete, "/api/v1/actors/test-org", headers: h => h.IfMatch.Add(replaced.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Theory]
    [InlineData("""{ "id": "test-org", "name": "", "kind": "state" }""", "name")]
    [InlineData("""{ "id": "test-org", "name": "X", "kind": "planet" }""", "kind")]
    [InlineData("""{ "id": "other", "name": "X", "kind": "value" }""", "id")]
    [InlineData("""{ "id": "test-org", "name": "X", "kind": "value", "founded": "2020-13-45" }""", "founded")]
    [InlineData("""{ "id": "test-org", "name": "X", "kind": "value", "colour": "red" }""", "colour")]
    [InlineData("""{ "id": "test-org", "name": "X", "kind": "value", "founded": "2001", "dissolved": "1999" }""", "dissolved")]
    [InlineData("""{ "id": "test-org", "name": "X", "kind": "value", "sources": [ { "sourceId": "nowhere", "quote": "q" } ] }""", "sources[0].sourceId")]
    public async Task An_invalid_actor_is_a_400_naming_the_field_and_nothing_is_written(string body, string field)
    {
        var client = await ClientAsync();

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(new Uri("/api/v1/actors/test-org", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await BodyAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error on '{field}': {errors}");
        await client.GetJsonAsync("/api/v1/actors/test-org", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("iom", "nowhere", "MEMBER_OF", "2001", null, "to")]
    [InlineData("nobody", "iom", "MEMBER_OF", "2001", null, "from")]
    [InlineData("iom", "usa", "EMPHASISES", "2001", null, "type")]
    [InlineData("usa", "iom", "MEMBER_OF", "2010", "2001", "end")]
    [InlineData("usa", "usa", "MEMBER_OF", "2010", null, "to")]
    public async Task A_relation_must_pass_the_referential_rules(string from, string to, string type, string? start, string? end, string field)
    {
        var client = await ClientAsync();
        var before = await client.GetJsonAsync("/api/v1/stats");

        using var response = await SendAsync(client, HttpMethod.Post, "/api/v1/relations", Relation("test.relation", from, to, type, start, end));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await BodyAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before.GetProperty("relations").GetInt64(), (await client.GetJsonAsync("/api/v1/stats")).GetProperty("relations").GetInt64());
    }

    [Fact]
    public async Task A_relation_needs_a_source()
    {
        var client = await ClientAsync();

        using var response = await SendAsync(client, HttpMethod.Post, "/api/v1/relations", new
        {
            id = "test.relation", from = "usa", to = "iom", type = "MEMBER_OF", confidence = "low", sources = Array.Empty<object>(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await BodyAsync(response)).GetProperty("errors").TryGetProperty("sources", out _));
    }

    [Fact]
    public async Task A_relation_can_cite_a_summary_and_a_dataset_record_and_be_known_to_hold_from_a_date()
    {
        var client = await ClientAsync();

        using var created = await SendAsync(client, HttpMethod.Post, "/api/v1/relations", new
        {
            id = "che.member-of.gfmd.test", from = "che", to = "gfmd", type = "MEMBER_OF", confidence = "medium", heldOn = "2009",
            sources = new object[]
            {
                new { sourceId = "gfmd-belgium-2007", summary = "Switzerland took part in the Forum's meetings." },
                new { sourceId = "cow-igo-v3", record = new { dataset = "COW IGO v3.0", table = "igo_year_formatv3", row = "ioname 'GFMD', 2009", values = new Dictionary<string, string> { ["switzerland"] = "1" } } },
            },
        });
        var read = await client.GetJsonAsync("/api/v1/relations/che.member-of.gfmd.test");
        var before2009 = await client.GetJsonAsync("/api/v1/actors/gfmd/relations?direction=in&asOf=2008&includeUndated=true");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("2009", read.GetProperty("heldOn").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("start").ValueKind);
        Assert.False(read.GetProperty("undated").GetBoolean());
        Assert.Matches("^Switzerland has been a member of the Global Forum on Migration and Development since at least 2009\\.$", read.GetProperty("sentence").GetString());
        var sources = read.GetProperty("sources");
        Assert.Equal("Switzerland took part in the Forum's meetings.", sources[0].GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, sources[0].GetProperty("quote").ValueKind);
        Assert.Equal("1", sources[1].GetProperty("record").GetProperty("values").GetProperty("switzerland").GetString());
        Assert.DoesNotContain("che.member-of.gfmd.test", before2009.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("""{ "sourceId": "gfmd-belgium-2007" }""", "sources[0].quote")]
    [InlineData("""{ "sourceId": "gfmd-belgium-2007", "summary": "" }""", "sources[0].summary")]
    [InlineData("""{ "sourceId": "gfmd-belgium-2007", "record": { "dataset": "COW", "row": "r", "values": {} } }""", "sources[0].record.values")]
    public async Task A_citation_without_text_or_with_an_empty_one_is_a_400_naming_it_and_nothing_is_written(string citation, string field)
    {
        var client = await ClientAsync();
        var body = $$"""{ "id": "che.member-of.gfmd.test", "from": "che", "to": "gfmd", "type": "MEMBER_OF", "confidence": "medium", "sources": [ {{citation}} ] }""";

        using var response = await client.PostAsync(new Uri("/api/v1/relations", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await BodyAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/v1/relations/che.member-of.gfmd.test", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Post_creates_a_relation_once_and_put_replaces_it()
    {
        var client = await ClientAsync();

        using var created = await SendAsync(client, HttpMethod.Post, "/api/v1/relations", Relation("che.member-of.gfmd.test", "che", "gfmd"));
        using var duplicate = await SendAsync(client, HttpMethod.Post, "/api/v1/relations", Relation("che.member-of.gfmd.test", "che", "gfmd"));
        using var replaced = await SendAsync(client, HttpMethod.Put, "/api/v1/relations/che.member-of.gfmd.test", Relation("che.member-of.gfmd.test", "che", "gfmd", start: "2007"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        // The test relation cites only the Noborder article, a perspective: the sentence names who says it.
        Assert.Matches("^According to the Noborder Network, Switzerland has been a member of .+ since 2001\\.$", (await BodyAsync(created)).GetProperty("sentence").GetString());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("2007", (await client.GetJsonAsync("/api/v1/relations/che.member-of.gfmd.test")).GetProperty("start").GetString());
    }

    [Fact]
    public async Task Deleting_an_actor_with_relations_needs_cascade()
    {
        var client = await ClientAsync();
        var relations = (await client.GetJsonAsync("/api/v1/actors/unu/relations?limit=200")).GetProperty("total").GetInt64();
        Assert.True(relations > 0);

        using var refused = await SendAsync(client, HttpMethod.Delete, "/api/v1/actors/unu");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        await client.GetJsonAsync("/api/v1/actors/unu");

        var resume = await ResumeCursorAsync(client);
        using var cascaded = await SendAsync(client, HttpMethod.Delete, "/api/v1/actors/unu?cascade=true");
        Assert.Equal(HttpStatusCode.NoContent, cascaded.StatusCode);
        await client.GetJsonAsync("/api/v1/actors/unu", HttpStatusCode.NotFound);
        Assert.Equal(0, (await client.GetJsonAsync("/api/v1/relations?from=unu")).GetProperty("total").GetInt64());
        var deletions = (await client.GetJsonAsync("/api/v1/changes?limit=500&cursor=" + Uri.EscapeDataString(resume))).GetProperty("items").EnumerateArray()
            .Where(c => c.GetProperty("operation").GetString() == "delete").ToList();
        Assert.Equal(relations + 1, deletions.Count);
    }

    [Fact]
    public async Task Deleting_a_relation_removes_it()
    {
        var client = await ClientAsync();

        using var deleted = await SendAsync(client, HttpMethod.Delete, "/api/v1/relations/iom.coordinates.un-network-on-migration");
        using var again = await SendAsync(client, HttpMethod.Delete, "/api/v1/relations/iom.coordinates.un-network-on-migration");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        await client.GetJsonAsync("/api/v1/relations/iom.coordinates.un-network-on-migration", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_creates_and_replaces_a_source()
    {
        var client = await ClientAsync();
        var source = new { id = "test-source", title = "A test source", kind = "secondary", year = 2024 };

        using var created = await SendAsync(client, HttpMethod.Put, "/api/v1/sources/test-source", source);
        using var replaced = await SendAsync(client, HttpMethod.Put, "/api/v1/sources/test-source", source with { });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("secondary", (await client.GetJsonAsync("/api/v1/sources/test-source")).GetProperty("source").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Every_write_is_logged_with_who_when_and_what()
    {
        var client = await ClientAsync();
        var resume = await ResumeCursorAsync(client);

        using (await SendAsync(client, HttpMethod.Put, "/api/v1/actors/test-org", Actor("test-org")))
        using (await SendAsync(client, HttpMethod.Put, "/api/v1/actors/test-org", Actor("test-org", "Renamed")))
        {
        }

        var since = await client.GetJsonAsync("/api/v1/changes?cursor=" + Uri.EscapeDataString(resume));
        var items = since.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, c =>
        {
            Assert.Equal("curator", c.GetProperty("author").GetString());
            Assert.Equal("actor", c.GetProperty("kind").GetString());
            Assert.Equal("test-org", c.GetProperty("id").GetString());
        });
        Assert.Equal("create", items[0].GetProperty("operation").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("before").ValueKind);
        Assert.Equal("update", items[1].GetProperty("operation").GetString());
        Assert.Equal("Test Organisation", items[1].GetProperty("before").GetProperty("name").GetString());
        Assert.Equal("Renamed", items[1].GetProperty("after").GetProperty("name").GetString());

        var history = await client.GetJsonAsync("/api/v1/actors/test-org/history");
        Assert.Equal(2, history.GetProperty("total").GetInt64());
        await client.GetJsonAsync("/api/v1/actors/nobody/history", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_seed_is_in_the_change_feed()
    {
        var client = await ClientAsync();

        var feed = await client.GetJsonAsync("/api/v1/changes?limit=5");

        Assert.True(feed.GetProperty("total").GetInt64() >= 500);
        Assert.Equal("seed", feed.GetProperty("items")[0].GetProperty("author").GetString());
    }

    [Fact]
    public async Task The_openapi_document_declares_the_api_key_for_writes_only()
    {
        var client = await ClientAsync(withKey: false);

        var document = await client.GetJsonAsync("/swagger/v1/swagger.json");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        static JsonElement Security(JsonElement document, string path, string method) =>
            document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("security");
        Assert.Equal("ApiKey", Security(document, "/api/v1/actors/{id}", "put")[0].EnumerateObject().Single().Name);
        Assert.Equal("ApiKey", Security(document, "/api/v1/import", "post")[0].EnumerateObject().Single().Name);

        // Public reads say so explicitly, with an empty requirement, rather than by leaving security out.
        Assert.Equal(0, Security(document, "/api/v1/actors/{id}", "get").GetArrayLength());
    }
}

public sealed class CurationApiTestsOnSqlite : CurationApiTests
{
    protected override Task<ApiFactory> StartApiAsync(IDictionary<string, string?> settings) => Task.FromResult(new ApiFactory(settings));
}

/// <summary>The same tests on Neo4j: each borrows the shared database, empty, and gives it back seeded.</summary>
[Collection(Neo4jApiTestGroup.Name)]
public sealed class CurationApiTestsOnNeo4j(Neo4jApi shared) : CurationApiTests
{
    private readonly BorrowedDatabase _database = shared.Borrow();

    protected override Task<ApiFactory> StartApiAsync(IDictionary<string, string?> settings) => _database.StartApiAsync(settings);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
