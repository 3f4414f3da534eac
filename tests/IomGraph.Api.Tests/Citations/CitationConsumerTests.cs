using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IomGraph.Api.Citations;
using IomGraph.Api.Tests.OpenApi;

namespace IomGraph.Api.Tests.Citations;

/// <summary>
/// The citation data through the tools researchers use, against a running API: citeproc-js (the CSL processor of
/// Zotero and Mendeley) renders the sources' CSL-JSON into a bibliography in a CSL style, and the BibTeX parser of
/// Zotero's Better BibTeX reads every source's entry, strictly. Versions are pinned in tests/openapi; the style and the
/// locale are in tests/openapi/citations.
/// </summary>
public sealed class CitationConsumerTests
{
    private const string Key = "citation-consumer-key-0123456789";
    private const string RelationId = "iom.coordinates.un-network-on-migration";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Citeproc_renders_the_sources_csl_json_into_a_bibliography_with_title_author_and_year()
    {
        NodeTools.Require("citeproc");
        await using var server = new KestrelApi(new Dictionary<string, string?>());
        var baseAddress = server.Start().ToString().TrimEnd('/');
        using var client = new HttpClient { BaseAddress = new Uri(baseAddress) };
        var sources = await AllSourcesAsync(client);

        // Sources with an author and a date, people and organisations among them, and one without either.
        var dated = sources.Where(s => s["author"] is not null && s["year"] is not null).ToList();
        var chosen = dated.Where(s => Authors.Parse((string?)s["author"]).Any(a => a.IsPerson)).Take(2)
            .Concat(dated.Where(s => Authors.Parse((string?)s["author"]).All(a => !a.IsPerson)).Take(4))
            .Concat(sources.Where(s => s["year"] is null).Take(1))
            .DistinctBy(s => (string)s["id"]!)
            .ToList();
        Assert.True(chosen.Count >= 4, $"The seed has too few sources to render ({chosen.Count}).");

        var (exitCode, stdout, stderr) = await NodeTools.RunAsync("node", ["citations/render.mjs", baseAddress, "--relation", RelationId, .. chosen.Select(s => (string)s["id"]!)]);

        Assert.True(exitCode == 0, $"citeproc failed ({exitCode}):\n{stdout}\n{stderr}");
        var entries = JsonNode.Parse(stdout.Trim().Split('\n')[^1])!["entries"]!.AsObject();
        foreach (var source in chosen)
        {
            var id = (string)source["id"]!;
            var entry = Normalise((string?)entries[id] ?? throw new Xunit.Sdk.XunitException($"citeproc rendered no entry for {id}:\n{stdout}"));
            Assert.Contains(Normalise((string)source["title"]!), entry, StringComparison.Ordinal);
            var year = (string?)source["published"] is { } published ? published[..4] : ((int?)source["year"])?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(year is null ? "(n.d.)" : $"({year})", entry, StringComparison.Ordinal);
            foreach (var author in Authors.Parse((string?)source["author"]))
            {
                Assert.Contains(Normalise(author.IsPerson ? $"{author.Family}, {author.Given}" : author.Literal!), entry, StringComparison.Ordinal);
            }
        }

        // IomGraph itself, as a dataset at this version, read today at the relation's address.
        using var version = await client.GetAsync(new Uri("/api/v1/stats", UriKind.Relative), Ct);
        var graph = (string?)entries[$"iomgraph-{RelationId}"] ?? throw new Xunit.Sdk.XunitException($"citeproc rendered no entry for IomGraph:\n{stdout}");
        Assert.StartsWith("IomGraph (n.d.). Version ", graph, StringComparison.Ordinal);
        Assert.Contains($"Version {version.Headers.GetValues("Graph-Version").Single()}.", graph, StringComparison.Ordinal);
        Assert.Contains($"{baseAddress}/api/v1/relations/{RelationId}", graph, StringComparison.Ordinal);
        Assert.EndsWith($"Accessed {DateTime.UtcNow.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture)}.", graph, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strict_bibtex_parser_reads_every_source_with_its_title_authors_year_and_address_as_they_are()
    {
        NodeTools.Require("@retorquere/bibtex-parser");
        await using var server = new KestrelApi(new Dictionary<string, string?> { ["Auth:ApiKeys:consumer"] = Key });
        var baseAddress = server.Start().ToString().TrimEnd('/');
        using var client = new HttpClient { BaseAddress = new Uri(baseAddress) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);

        // Every character BibTeX and LaTeX read as markup, a person and an organisation with "and" in its name.
        var odd = new JsonObject
        {
            ["id"] = "odd-characters",
            ["title"] = "Costs {50%} & $10 per #1 item_x ^ ~ \\ end: Über “Migration”",
            ["kind"] = "secondary",
            ["author"] = "Pevehouse, Jon C. W.; Food and Agriculture Organization of the United Nations",
            ["year"] = 2020,
            ["published"] = "2020-05",
            ["container"] = "Journal of Peace Research",
            ["doi"] = "10.1177/0022343319881175",
            ["url"] = "https://example.org/a_b?c=1&d=%20#e",
            ["note"] = "A note with 100% & more",
        };
        using var put = await client.PutAsJsonAsync(new Uri("/api/v1/sources/odd-characters", UriKind.Relative), odd, Ct);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var sources = await AllSourcesAsync(client);

        var (exitCode, stdout, stderr) = await NodeTools.RunAsync("node", "citations/parse-bibtex.mjs", baseAddress);

        Assert.True(exitCode == 0, $"The BibTeX parser failed ({exitCode}):\n{stdout}\n{stderr}");
        var report = JsonNode.Parse(stdout.Trim().Split('\n')[^1])!;
        var entries = report["entries"]!.AsArray().ToDictionary(e => (string)e!["key"]!);
        Assert.Equal(sources.Count, (int)report["count"]!);
        Assert.Equal(sources.Select(s => (string)s["id"]!).Order(StringComparer.Ordinal), entries.Keys.Order(StringComparer.Ordinal));
        foreach (var source in sources)
        {
            var id = (string)source["id"]!;
            var entry = entries[id]!;
            Assert.Equal((string)source["title"]!, (string?)entry["title"]);
            Assert.Equal((string?)source["url"], (string?)entry["url"]);
            Assert.Equal((string?)source["doi"], (string?)entry["doi"]);
            // The curators' note stays out of the bibliography.
            Assert.Null((string?)entry["note"]);
            var year = (string?)source["published"] is { } published ? published[..4] : ((int?)source["year"])?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(year, (string?)entry["year"]);
            var expected = Authors.Parse((string?)source["author"]).Select(a => a.IsPerson ? $"{a.Family} | {a.Given}" : a.Literal!);
            var parsed = entry["authors"]!.AsArray().Select(a => a!["name"] is { } name ? (string)name! : $"{a["lastName"]} | {a["firstName"]}");
            Assert.Equal(expected, parsed);
        }

        Assert.Equal(("article", "5"), ((string?)entries["odd-characters"]!["type"], (string?)entries["odd-characters"]!["month"]));
    }

    private static async Task<List<JsonNode>> AllSourcesAsync(HttpClient client)
    {
        var page = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/sources?limit=200", UriKind.Relative), Ct))!;
        Assert.Null((string?)page["nextCursor"]);
        return [.. page["items"]!.AsArray().Select(s => s!)];
    }

    /// <summary>citeproc-js prints typographic apostrophes and quotation marks; the record may have straight ones.</summary>
    private static string Normalise(string text) =>
        text.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"');
}
