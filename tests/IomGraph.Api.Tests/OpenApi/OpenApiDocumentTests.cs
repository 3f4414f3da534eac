using System.Text.Json.Nodes;

namespace IomGraph.Api.Tests.OpenApi;

/// <summary>
/// The served document as Swagger UI and client generators read it: what it pre-fills, what it offers as a drop-down,
/// how its schemas are named and ordered, and who may call what.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static readonly string[] ClosedVocabularies = ["type", "kind", "direction", "minConfidence", "format"];

    private async Task<OpenApiContract> DocumentAsync() =>
        new(JsonNode.Parse(await api.Client().GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative), TestContext.Current.CancellationToken))!);

    [Fact]
    public async Task Only_the_parameters_an_operation_needs_carry_an_example_so_execute_asks_the_question_as_shown()
    {
        var document = await DocumentAsync();

        foreach (var (method, path, operation) in document.Operations())
        {
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                var needed = (string?)parameter!["in"] == "path" || (bool?)parameter["required"] == true;
                var where = $"{method.ToUpperInvariant()} {path}: '{parameter["name"]}'";
                Assert.True(needed == parameter.AsObject().ContainsKey("example"), needed ? $"{where} is needed but has no example" : $"{where} is an optional filter with an example, which narrows the question");
            }
        }
    }

    [Fact]
    public async Task Every_closed_vocabulary_parameter_is_an_enum_so_swagger_ui_offers_a_drop_down()
    {
        var document = await DocumentAsync();

        var vocabularies = document.Operations()
            .SelectMany(o => (o.Operation["parameters"]?.AsArray() ?? []).Select(p => (o.Path, Parameter: p!)))
            .Where(p => ClosedVocabularies.Contains((string?)p.Parameter["name"]))
            .ToList();

        Assert.True(vocabularies.Count >= 12, $"Only {vocabularies.Count} closed-vocabulary parameters found.");
        var components = document.Document["components"]!["schemas"]!;
        Assert.All(vocabularies, p =>
        {
            var schema = p.Parameter["schema"]!;
            var values = Resolve((string?)schema["type"] == "array" ? schema["items"] : schema)?["enum"]?.AsArray();
            Assert.True(values is { Count: > 1 }, $"{p.Path}: '{p.Parameter["name"]}' is free text, not an enum.");
        });

        // The vocabularies that responses use too are one named schema, so generated clients share one enum type.
        var type = vocabularies.First(p => (string?)p.Parameter["name"] == "type").Parameter["schema"]!["items"]!;
        Assert.Equal("#/components/schemas/RelationType", (string?)type["$ref"]);

        JsonNode? Resolve(JsonNode? node) =>
            node?["$ref"] is { } reference ? components[((string)reference!).Split('/')[^1]] : node;
    }

    [Fact]
    public async Task Defaults_have_the_type_of_their_parameter()
    {
        var document = await DocumentAsync();

        var defaults = document.Operations()
            .SelectMany(o => (o.Operation["parameters"]?.AsArray() ?? []).Select(p => (o.Path, Parameter: p!)))
            .Where(p => p.Parameter["schema"]?["default"] is not null)
            .ToList();

        Assert.NotEmpty(defaults);
        Assert.All(defaults, p =>
        {
            var schema = p.Parameter["schema"]!;
            var kind = schema["default"]!.GetValueKind();
            var expected = (string?)schema["type"] switch
            {
                "boolean" => [System.Text.Json.JsonValueKind.False, System.Text.Json.JsonValueKind.True],
                "integer" => [System.Text.Json.JsonValueKind.Number],
                _ => new[] { System.Text.Json.JsonValueKind.String },
            };
            Assert.True(expected.Contains(kind), $"{p.Path}: the default of '{p.Parameter["name"]}' is a {kind}, not a {schema["type"]}.");
        });
    }

    [Fact]
    public async Task Schema_names_read_as_words_and_nothing_of_the_serializer_leaks()
    {
        var document = await DocumentAsync();

        var names = document.Document["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();

        Assert.Contains("ActorHitPage", names);
        Assert.Contains("ActorRecord", names);
        Assert.All(names, name =>
        {
            Assert.DoesNotContain("Response", name, StringComparison.Ordinal);
            Assert.DoesNotContain("Json", name, StringComparison.Ordinal);
            Assert.False(name.Contains("Of", StringComparison.Ordinal) && char.IsUpper(name[name.IndexOf("Of", StringComparison.Ordinal) + 2]), $"{name} reads as a generic type.");
        });
    }

    [Fact]
    public async Task Partial_dates_are_strings_with_their_pattern()
    {
        var document = await DocumentAsync();
        var actor = document.Document["components"]!["schemas"]!["Actor"]!["properties"]!;

        var founded = actor["founded"]!;

        Assert.Equal(["null", "string"], founded["type"]!.AsArray().Select(t => (string)t!).Order(StringComparer.Ordinal));
        Assert.Matches((string)founded["pattern"]!, "2006-05");
        Assert.DoesNotMatch((string)founded["pattern"]!, "2006-5");
    }

    [Fact]
    public async Task Every_operation_has_a_short_summary_and_a_description_of_what_it_answers()
    {
        var document = await DocumentAsync();

        var operations = document.Operations().ToList();
        Assert.True(operations.Count >= 26, $"The document has only {operations.Count} operations.");
        Assert.All(operations, o =>
        {
            var where = $"{o.Method.ToUpperInvariant()} {o.Path}";
            var summary = (string?)o.Operation["summary"];
            var description = (string?)o.Operation["description"];
            Assert.False(string.IsNullOrWhiteSpace(summary), $"{where} has no summary.");
            Assert.True(summary!.Length <= 80, $"{where}'s summary is a sentence, not a title: '{summary}'.");
            Assert.True(description is { Length: >= 40 }, $"{where} has no description worth reading: '{description}'.");
        });
        Assert.Equal("Get an actor", (string?)document.Operations().Single(o => o.Method == "get" && o.Path == "/api/v1/actors/{id}").Operation["summary"]);
    }

    [Fact]
    public async Task Reads_come_before_writes_and_every_tag_is_described()
    {
        var document = await DocumentAsync();

        var tags = document.Document["tags"]!.AsArray().Select(t => ((string)t!["name"]!, (string?)t["description"])).ToList();
        var names = tags.Select(t => t.Item1).ToList();

        Assert.Equal("Actors", names[0]);
        Assert.True(names.IndexOf("Curation") > names.IndexOf("Export"), "The writes' tag comes after every read tag.");
        Assert.All(tags, t => Assert.False(string.IsNullOrWhiteSpace(t.Item2), $"Tag {t.Item1} has no description."));
        Assert.All(document.Operations().Where(o => o.Method != "get"), o =>
            Assert.Equal("Curation", (string?)o.Operation["tags"]![0]));
    }

    [Fact]
    public async Task The_document_names_its_server_licence_and_first_calls()
    {
        var document = (await DocumentAsync()).Document;

        Assert.Equal("3.1.1", (string?)document["openapi"]);
        Assert.StartsWith("http", (string?)document["servers"]![0]!["url"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((string?)document["info"]!["license"]!["name"]));
        var description = (string)document["info"]!["description"]!;
        Assert.Contains("(/api/v1/paths?from=usa&to=unhcr)", description, StringComparison.Ordinal);
        Assert.Contains("(#/Actors/GetActor)", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_operations_list_json_first_and_every_export_media_type()
    {
        var document = await DocumentAsync();

        foreach (var path in new[] { "/api/v1/actors/{id}/neighbourhood", "/api/v1/paths" })
        {
            var content = document.Document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key).ToList();
            Assert.Equal(
                ["application/json", "application/vnd.iomgraph.bundle+json", "application/vnd.iomgraph.cytoscape+json", "application/graphml+xml", "application/gexf+xml", "application/zip"],
                content);
        }
    }
}
