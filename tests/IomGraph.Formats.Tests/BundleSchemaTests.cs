using System.Text.Json;
using System.Text.Json.Nodes;
using IomGraph.Core.Model;
using IomGraph.Testing;
using Json.Schema;

namespace IomGraph.Formats.Tests;

/// <summary>
/// seed-data/graph-bundle.schema.json as the people who write bundles by hand use it: every seed file passes it, every
/// kind of record the API writes passes it (so the schema and the C# model agree), and what the validators refuse is
/// refused by it too.
/// </summary>
public sealed class BundleSchemaTests
{
    private static readonly string SeedDirectory = Path.Combine(TestEnvironment.RepositoryRoot, "seed-data");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(
        File.ReadAllText(Path.Combine(SeedDirectory, "graph-bundle.schema.json")),
        new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public static TheoryData<string> SeedFiles() =>
        [.. Directory.GetFiles(SeedDirectory, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Every_seed_file_matches_the_bundle_schema(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedDirectory, file)));

        Assert.Null(SchemaReport.Errors(Schema.Value, document.RootElement));
    }

    [Fact]
    public void A_bundle_with_every_kind_of_citation_source_field_and_date_matches_the_schema()
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(FormatGraph.Bundle(), GraphJson.Options));

        Assert.Null(SchemaReport.Errors(Schema.Value, document.RootElement));
    }

    [Theory]
    [InlineData("""{ "sourceId": "s" }""")]
    [InlineData("""{ "sourceId": "s", "locator": "p. 3" }""")]
    [InlineData("""{ "sourceId": "s", "record": { "dataset": "COW IGO v3.0", "row": "state 'aus'", "values": {} } }""")]
    [InlineData("""{ "sourceId": "s", "record": { "dataset": "COW IGO v3.0", "values": { "iomig": "1" } } }""")]
    public void A_citation_that_gives_no_text_or_an_incomplete_record_fails_the_schema(string citation)
    {
        var bundle = JsonNode.Parse($$"""
            { "relations": [ { "id": "a.member-of.b", "from": "a", "to": "b", "type": "MEMBER_OF", "confidence": "high", "sources": [ {{citation}} ] } ] }
            """)!;
        using var document = JsonDocument.Parse(bundle.ToJsonString());

        Assert.NotNull(SchemaReport.Errors(Schema.Value, document.RootElement));
    }

    [Theory]
    [InlineData("""{ "id": "s", "title": "T", "kind": "dataset", "doi": "https://doi.org/10.1177/1" }""")]
    [InlineData("""{ "id": "s", "title": "T", "kind": "gossip" }""")]
    [InlineData("""{ "id": "s", "title": "T", "kind": "news", "symbols": [""] }""")]
    public void A_source_the_validators_refuse_fails_the_schema(string source)
    {
        using var document = JsonDocument.Parse($$"""{ "sources": [ {{source}} ] }""");

        Assert.NotNull(SchemaReport.Errors(Schema.Value, document.RootElement));
    }
}
