using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IomGraph.Api.Tests.Citations;

/// <summary>
/// Sources as CSL-JSON and BibTeX, chosen by Accept or by format, one or all; and the citation of a relation, as JSON
/// and as CSL-JSON for IomGraph itself. Read-only, on the seeded graph.
/// </summary>
public abstract class CitationApiTests<TApi>(TApi api)
    where TApi : ApiFactory
{
    private const string Csl = "application/vnd.citationstyles.csl+json";
    private const string Bib = "application/x-bibtex";
    private const string RelationId = "iom.coordinates.un-network-on-migration";
    private const string SourceId = "noborder-iom-wiki";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData($"/api/v1/sources/{SourceId}", Csl)]
    [InlineData($"/api/v1/sources/{SourceId}?format=csl-json", null)]
    [InlineData($"/api/v1/sources/{SourceId}?format=csl-json", "application/json")]
    public async Task A_source_answers_one_csl_json_item_by_accept_or_by_format(string url, string? accept)
    {
        using var response = await GetAsync(url, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Csl, response.Content.Headers.ContentType?.MediaType);
        var item = await JsonAsync(response);
        Assert.Equal(SourceId, item.GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("title").GetString()));
        Assert.Contains(item.GetProperty("type").GetString(), new[] { "webpage", "document", "report", "dataset", "article-journal", "article-newspaper" });
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Theory]
    [InlineData($"/api/v1/sources/{SourceId}", Bib)]
    [InlineData($"/api/v1/sources/{SourceId}?format=bibtex", null)]
    public async Task A_source_answers_a_bibtex_entry_keyed_by_its_id(string url, string? accept)
    {
        using var response = await GetAsync(url, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Bib, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Matches($"^@(article|techreport|online|misc)\\{{{SourceId},\n", text);
        Assert.Contains("  title = {{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_answers_every_source_at_once_as_csl_json_and_as_bibtex()
    {
        var total = (await JsonAsync(await GetAsync("/api/v1/sources?limit=1", null))).GetProperty("total").GetInt32();

        using var csl = await GetAsync("/api/v1/sources?format=csl-json", null);
        using var bib = await GetAsync("/api/v1/sources", Bib);

        Assert.Equal(Csl, csl.Content.Headers.ContentType?.MediaType);
        var items = await JsonAsync(csl);
        Assert.Equal(JsonValueKind.Array, items.ValueKind);
        Assert.Equal(total, items.GetArrayLength());
        Assert.Equal(items.EnumerateArray().Select(i => i.GetProperty("id").GetString()).Order(StringComparer.Ordinal), items.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(Bib, bib.Content.Headers.ContentType?.MediaType);
        var entries = (await bib.Content.ReadAsStringAsync(Ct)).Split('\n').Count(l => l.StartsWith('@'));
        Assert.Equal(total, entries);
    }

    [Theory]
    [InlineData($"/api/v1/sources/{SourceId}", "text/html")]
    [InlineData("/api/v1/sources", "application/pdf")]
    [InlineData($"/api/v1/relations/{RelationId}/citation", Bib)]
    [InlineData($"/api/v1/relations/{RelationId}/citation", "text/plain")]
    public async Task What_an_operation_cannot_give_is_a_406_problem_that_names_what_it_can(string url, string accept)
    {
        using var response = await GetAsync(url, accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Csl, (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"/api/v1/sources/{SourceId}?format=pdf")]
    [InlineData("/api/v1/sources?format=ris")]
    [InlineData("/api/v1/sources?format=bibtex&cursor=abc")]
    [InlineData($"/api/v1/relations/{RelationId}/citation?format=bibtex")]
    public async Task An_unknown_format_is_a_400_naming_the_parameter(string url)
    {
        using var response = await GetAsync(url, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").EnumerateObject().Any(), "The 400 names the parameter.");
    }

    [Fact]
    public async Task Each_representation_of_a_source_has_its_own_etag_and_answers_304_to_it()
    {
        using var json = await GetAsync($"/api/v1/sources/{SourceId}", null);
        using var csl = await GetAsync($"/api/v1/sources/{SourceId}", Csl);
        using var bib = await GetAsync($"/api/v1/sources/{SourceId}", Bib);

        Assert.Equal(3, new[] { json.Headers.ETag, csl.Headers.ETag, bib.Headers.ETag }.Distinct().Count());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/sources/{SourceId}?format=csl-json", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(csl.Headers.ETag!);
        using var again = await api.Client().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task A_relation_citation_gives_its_sentence_sources_kinds_of_text_version_date_address_and_a_text_to_paste()
    {
        var relation = await JsonAsync(await GetAsync($"/api/v1/relations/{RelationId}", null));

        using var response = await GetAsync($"/api/v1/relations/{RelationId}/citation", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var citation = await JsonAsync(response);
        var version = response.Headers.GetValues("Graph-Version").Single();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(RelationId, citation.GetProperty("relationId").GetString());
        Assert.Equal(relation.GetProperty("sentence").GetString(), citation.GetProperty("sentence").GetString());
        Assert.Equal(relation.GetProperty("confidence").GetString(), citation.GetProperty("confidence").GetString());
        Assert.Equal(version, citation.GetProperty("graphVersion").GetString());
        Assert.Equal(today, citation.GetProperty("retrieved").GetString());
        var url = citation.GetProperty("url").GetString()!;
        Assert.EndsWith($"/api/v1/relations/{RelationId}", url, StringComparison.Ordinal);
        Assert.True(Uri.IsWellFormedUriString(url, UriKind.Absolute), url);

        var sources = citation.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(relation.GetProperty("sources").GetArrayLength(), sources.Count);
        foreach (var (cited, original) in sources.Zip(relation.GetProperty("sources").EnumerateArray()))
        {
            Assert.Equal(original.GetProperty("sourceId").GetString(), cited.GetProperty("sourceId").GetString());
            var source = (await JsonAsync(await GetAsync(cited.GetProperty("href").GetString()!, null))).GetProperty("source");
            Assert.Equal(source.GetProperty("title").GetString(), cited.GetProperty("title").GetString());
            var kinds = cited.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()).ToList();
            Assert.NotEmpty(kinds);
            Assert.Equal(original.GetProperty("quote").ValueKind != JsonValueKind.Null, kinds.Contains("quote"));
            Assert.Equal(original.GetProperty("summary").ValueKind != JsonValueKind.Null, kinds.Contains("summary"));
            Assert.Equal(original.GetProperty("locator").GetString(), cited.GetProperty("locator").GetString());
        }

        var text = citation.GetProperty("text").GetString()!;
        Assert.StartsWith($"IomGraph (graph version {version}), relation \"{RelationId}\": \"{citation.GetProperty("sentence").GetString()}\"", text, StringComparison.Ordinal);
        Assert.Contains(sources[0].GetProperty("title").GetString()!, text, StringComparison.Ordinal);
        Assert.EndsWith($"{url}. Retrieved {today}.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relation_citation_as_csl_json_is_iomgraph_itself_as_a_dataset_at_this_version()
    {
        using var response = await GetAsync($"/api/v1/relations/{RelationId}/citation?format=csl-json", null);

        Assert.Equal(Csl, response.Content.Headers.ContentType?.MediaType);
        var item = await JsonAsync(response);
        var today = DateTime.UtcNow;
        Assert.Equal(("dataset", "IomGraph"), (item.GetProperty("type").GetString(), item.GetProperty("title").GetString()));
        Assert.Equal(response.Headers.GetValues("Graph-Version").Single(), item.GetProperty("version").GetString());
        Assert.EndsWith($"/api/v1/relations/{RelationId}", item.GetProperty("URL").GetString(), StringComparison.Ordinal);
        Assert.Equal($"[[{today.Year},{today.Month},{today.Day}]]", item.GetProperty("accessed").GetProperty("date-parts").GetRawText());
    }

    [Fact]
    public async Task The_citation_of_an_unknown_relation_is_a_404_problem()
    {
        using var response = await GetAsync("/api/v1/relations/nothing.like.this/citation", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nothing.like.this", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        return await api.Client().SendAsync(request, Ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
}

public sealed class CitationApiTestsOnSqlite(SqliteApi api) : CitationApiTests<SqliteApi>(api), IClassFixture<SqliteApi>;

[Collection(Neo4jApiTestGroup.Name)]
public sealed class CitationApiTestsOnNeo4j(Neo4jApi api) : CitationApiTests<Neo4jApi>(api);

/// <summary>A citation that carries a summary and a dataset record, written through the API and cited at once.</summary>
public sealed class RelationCitationKindsTests : IAsyncLifetime
{
    private const string Key = "citation-kinds-key-0123456789";

    private readonly ApiFactory _api = new(new Dictionary<string, string?> { ["Auth:ApiKeys:curator"] = Key });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_summary_is_never_quoted_and_a_record_is_cited_as_the_row_it_is_at_the_version_the_write_made()
    {
        var client = _api.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var dataset = new
        {
            id = "test-igo-dataset",
            title = "A Test IGO Dataset",
            kind = "dataset",
            author = "Pevehouse, Jon C. W.; Nordstrom, Timothy",
            publisher = "Correlates of War Project",
            year = 2020,
            published = "2020-05",
            url = "https://correlatesofwar.org/data-sets/igos/",
        };
        using var putSource = await client.PutAsJsonAsync(new Uri($"/api/v1/sources/{dataset.id}", UriKind.Relative), dataset, Ct);
        Assert.Equal(HttpStatusCode.Created, putSource.StatusCode);
        var relation = new
        {
            id = "usa.member-of.iom.citation-test",
            from = "usa",
            to = "iom",
            type = "MEMBER_OF",
            confidence = "medium",
            start = "1951",
            sources = new object[]
            {
                new
                {
                    sourceId = dataset.id,
                    summary = "Coded a full member in every year from 1951",
                    record = new { dataset = "COW IGO v3.0", table = "state_year_formatv3", row = "state 'usa', years 1951–2014", values = new Dictionary<string, string> { ["IOMig"] = "1 (full member)" } },
                    locator = "table state_year_formatv3",
                },
            },
        };
        using var putRelation = await client.PutAsJsonAsync(new Uri($"/api/v1/relations/{relation.id}", UriKind.Relative), relation, Ct);
        Assert.Equal(HttpStatusCode.Created, putRelation.StatusCode);
        var written = putRelation.Headers.GetValues("Graph-Version").Single();

        using var response = await client.GetAsync(new Uri($"/api/v1/relations/{relation.id}/citation", UriKind.Relative), Ct);
        var citation = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(written, citation.GetProperty("graphVersion").GetString());
        var cited = citation.GetProperty("sources")[0];
        Assert.Equal(["summary", "record"], cited.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(JsonValueKind.Null, cited.GetProperty("quote").ValueKind);
        Assert.Equal("1 (full member)", cited.GetProperty("record").GetProperty("values").GetProperty("IOMig").GetString());
        Assert.Equal(("Correlates of War Project", "2020-05", "dataset"), (cited.GetProperty("publisher").GetString(), cited.GetProperty("published").GetString(), cited.GetProperty("kind").GetString()));
        var text = citation.GetProperty("text").GetString()!;
        Assert.Contains("Summary (IomGraph's words, not the source's): Coded a full member in every year from 1951.", text, StringComparison.Ordinal);
        Assert.Contains("Record: COW IGO v3.0, table state_year_formatv3, state 'usa', years 1951–2014: IOMig = 1 (full member).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Quoted", text, StringComparison.Ordinal);
        Assert.DoesNotContain("“Coded a full", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Coded a full", text, StringComparison.Ordinal);

        using var csl = await client.GetAsync(new Uri($"/api/v1/sources/{dataset.id}?format=csl-json", UriKind.Relative), Ct);
        var item = JsonDocument.Parse(await csl.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(("dataset", "Correlates of War Project", "[[2020,5]]"), (item.GetProperty("type").GetString(), item.GetProperty("publisher").GetString(), item.GetProperty("issued").GetProperty("date-parts").GetRawText()));
        Assert.Equal("Nordstrom", item.GetProperty("author")[1].GetProperty("family").GetString());
    }
}
