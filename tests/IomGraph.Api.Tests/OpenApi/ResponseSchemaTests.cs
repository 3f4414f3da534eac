using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using IomGraph.Testing;

namespace IomGraph.Api.Tests.OpenApi;

/// <summary>The requests the schema tests send.</summary>
public static class ReadRequests
{
    /// <summary>
    /// Requests of every read operation, chosen to bring out each shape of its answers: empty and full pages, filters,
    /// nulls, each JSON export format, and the errors (400, 404, 406). "Accept" is optional, after a space.
    /// </summary>
    public static TheoryData<string> All() =>
    [
        "/api/v1/actors",
        "/api/v1/actors?q=UNHCR",
        "/api/v1/actors?q=icem",
        "/api/v1/actors?q=zzzz-nothing",
        "/api/v1/actors?kind=state&kind=person&limit=5",
        "/api/v1/actors?limit=abc",
        "/api/v1/actors?kind=martian",
        "/api/v1/actors/iom",
        "/api/v1/actors/usa",
        "/api/v1/actors/amy-pope",
        "/api/v1/actors/nobody",
        "/api/v1/actors/iom/relations",
        "/api/v1/actors/iom/relations?direction=out&type=COORDINATES,SECRETARIAT_OF",
        "/api/v1/actors/global-migration-group/relations?type=MEMBER_OF&direction=in&asOf=2010",
        "/api/v1/actors/global-migration-group/relations?asOf=2020",
        "/api/v1/actors/iom/relations?type=LEADS&direction=in&asOf=2024&includeUndated=true",
        "/api/v1/actors/nobody/relations",
        "/api/v1/actors/iom/relations?direction=sideways",
        "/api/v1/actors/iom/neighbourhood",
        "/api/v1/actors/global-migration-group/neighbourhood?depth=2&maxNodes=25",
        "/api/v1/actors/iom/neighbourhood?format=json&type=COORDINATES",
        "/api/v1/actors/iom/neighbourhood?format=cytoscape",
        "/api/v1/actors/iom/neighbourhood?type=CHAIRS application/vnd.iomgraph.cytoscape+json",
        "/api/v1/actors/iom/neighbourhood?format=graphml",
        "/api/v1/actors/iom/neighbourhood text/html",
        "/api/v1/actors/nobody/neighbourhood",
        "/api/v1/actors/iom/profile",
        "/api/v1/actors/global-migration-group/profile?asOf=2010",
        "/api/v1/actors/iom/profile?format=markdown",
        "/api/v1/actors/un-regional-commissions/profile text/markdown",
        "/api/v1/actors/nobody/profile",
        "/api/v1/actors/iom/profile?format=pdf",
        "/api/v1/actors/iom/history",
        "/api/v1/actors/nobody/history",
        "/api/v1/relations",
        "/api/v1/relations?type=CHAIRS&to=global-migration-group",
        "/api/v1/relations?minConfidence=high&limit=3",
        "/api/v1/relations?asOf=2020-13-45",
        "/api/v1/relations/iom.coordinates.un-network-on-migration",
        "/api/v1/relations/nothing.like.this",
        "/api/v1/relations/iom.coordinates.un-network-on-migration/citation",
        "/api/v1/relations/iom.coordinates.un-network-on-migration/citation?format=csl-json",
        "/api/v1/relations/iom.coordinates.un-network-on-migration/citation application/vnd.citationstyles.csl+json",
        "/api/v1/relations/iom.coordinates.un-network-on-migration/citation application/x-bibtex",
        "/api/v1/relations/iom.coordinates.un-network-on-migration/citation?format=bibtex",
        "/api/v1/relations/nothing.like.this/citation",
        "/api/v1/paths?from=usa&to=unhcr",
        "/api/v1/paths?from=iom&to=iom",
        "/api/v1/paths?from=usa&to=unhcr&maxDepth=1",
        "/api/v1/paths?from=usa&to=unhcr&format=cytoscape",
        "/api/v1/paths?from=usa&to=unhcr&format=json",
        "/api/v1/paths?from=nobody&to=unhcr",
        "/api/v1/paths?from=usa",
        "/api/v1/sources",
        "/api/v1/sources?limit=2",
        "/api/v1/sources?format=csl-json",
        "/api/v1/sources application/vnd.citationstyles.csl+json",
        "/api/v1/sources?format=bibtex",
        "/api/v1/sources text/html",
        "/api/v1/sources?format=ris",
        "/api/v1/sources/noborder-iom-wiki",
        "/api/v1/sources/noborder-iom-wiki?format=csl-json",
        "/api/v1/sources/noborder-iom-wiki?limit=1 application/vnd.citationstyles.csl+json",
        "/api/v1/sources/noborder-iom-wiki?format=bibtex",
        "/api/v1/sources/noborder-iom-wiki application/x-bibtex",
        "/api/v1/sources/noborder-iom-wiki text/html",
        "/api/v1/sources/nothing",
        "/api/v1/sources/nothing?format=csl-json",
        "/api/v1/relation-types",
        "/api/v1/actor-kinds",
        "/api/v1/stats",
        "/api/v1/stats?top=0",
        "/api/v1/export?type=CHAIRS",
        "/api/v1/export?format=cytoscape&kind=inter-agency-group",
        "/api/v1/export?centre=iom&depth=1&format=json",
        "/api/v1/export?format=gexf&type=CHAIRS",
        "/api/v1/export?centre=nobody",
        "/api/v1/changes?limit=3",
        "/api/v1/changes?since=2000-01-01T00:00:00Z&limit=2",
        "/api/v1/changes?since=yesterday",
        "/health/live",
        "/health/ready",
    ];
}

/// <summary>
/// What a generated client meets: real answers of every read operation, validated against the schema the served
/// document gives for that operation, status and media type. An answer the document does not describe (a status, a
/// media type, a property, a null) fails here.
/// </summary>
public abstract class ResponseSchemaTests<TApi>(TApi api)
    where TApi : ApiFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OpenApiContract? _contract;

    [Theory]
    [MemberData(nameof(ReadRequests.All), MemberType = typeof(ReadRequests))]
    public async Task Every_answer_matches_the_schema_the_document_gives_for_it(string request)
    {
        var (url, accept) = Split(request);
        var contract = await ContractAsync();
        var path = url.Split('?')[0];
        var (template, operation) = contract.Find("get", path) ?? throw new Xunit.Sdk.XunitException($"No GET operation in the document matches {path}.");

        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (accept is not null)
        {
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await api.Client().SendAsync(message, Ct);
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "(none)";
        var (schema, missing) = contract.ResponseSchema(operation, status, mediaType);
        Assert.True(missing is null, $"GET {url} → {status} {mediaType}, but for {template} {missing}.");

        if (mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(Ct));
            var errors = SchemaReport.Errors(schema!, body.RootElement);
            Assert.True(errors is null, $"GET {url} → {status} {mediaType} does not match the document's schema:\n{errors}");
        }
    }

    [Fact]
    public async Task The_requests_cover_every_read_operation_in_the_document()
    {
        var contract = await ContractAsync();

        var covered = ReadRequests.All().Select(r => contract.Find("get", Split(r.Data).Url.Split('?')[0])?.Template).ToHashSet();
        var reads = contract.Operations().Where(o => o.Method == "get").Select(o => o.Path).ToList();

        Assert.NotEmpty(reads);
        Assert.All(reads, path => Assert.True(covered.Contains(path), $"No request above exercises GET {path}."));
    }

    [Fact]
    public async Task Change_entries_carry_typed_records_and_the_checks_catch_a_bad_date_an_undocumented_field_and_a_missing_one()
    {
        // The seed's entries have no 'before'; an update has both, and a deletion has no 'after'.
        var contract = await ContractAsync();
        var schema = contract.SchemaOf("Change");
        var entry = new JsonObject
        {
            ["sequence"] = 7,
            ["at"] = "2026-11-30T09:00:00+00:00",
            ["author"] = "alice",
            ["kind"] = "actor",
            ["id"] = "iom",
            ["operation"] = "update",
            ["before"] = new JsonObject { ["id"] = "iom", ["name"] = "IOM", ["kind"] = "intergovernmental-organisation" },
            ["after"] = new JsonObject { ["id"] = "iom", ["name"] = "International Organization for Migration", ["kind"] = "intergovernmental-organisation", ["founded"] = "1951-12-05" },
        };
        using var valid = JsonDocument.Parse(entry.ToJsonString());
        var badDate = entry.DeepClone();
        badDate["after"]!["founded"] = "5 December 1951";
        var undocumented = entry.DeepClone();
        undocumented["reviewer"] = "bob";
        var missing = entry.DeepClone().AsObject();
        missing.Remove("author");

        Assert.Null(SchemaReport.Errors(schema, valid.RootElement));
        Assert.All([badDate, undocumented, missing], bad =>
        {
            using var invalid = JsonDocument.Parse(bad.ToJsonString());
            Assert.NotNull(SchemaReport.Errors(schema, invalid.RootElement));
        });
    }

    private static (string Url, string? Accept) Split(string request) =>
        request.Split(' ', 2) is [var url, var accept] ? (url, accept) : (request, null);

    private async Task<OpenApiContract> ContractAsync()
    {
        if (_contract is null)
        {
            var text = await api.Client().GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative), Ct);
            _contract = new OpenApiContract(JsonNode.Parse(text)!);
        }

        return _contract;
    }
}

public sealed class ResponseSchemaTestsOnSqlite(SqliteApi api) : ResponseSchemaTests<SqliteApi>(api), IClassFixture<SqliteApi>;

[Collection(Neo4jApiTestGroup.Name)]
public sealed class ResponseSchemaTestsOnNeo4j(Neo4jApi api) : ResponseSchemaTests<Neo4jApi>(api);
