using System.Net;
using System.Text.RegularExpressions;
using IomGraph.Testing;

namespace IomGraph.Api.Tests.Explorer;

/// <summary>
/// How the API serves the explorer's bundle: the landing page at / links it and Swagger UI, /explore is the page (or,
/// without a bundle, a page that says how to build it), and every file has its content type and a strict
/// Content-Security-Policy. Most cases use a stand-in bundle in a temporary folder, so they need no Node.js; the last
/// checks the real one the build made.
/// </summary>
public sealed partial class ExplorerHostingTests : IDisposable
{
    private readonly string _bundle = Path.Combine(Path.GetTempPath(), "iomgraph-explorer-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ExplorerHostingTests()
    {
        Directory.CreateDirectory(Path.Combine(_bundle, "assets"));
        File.WriteAllText(Path.Combine(_bundle, "index.html"), """<!doctype html><html><head><script type="module" src="/explore/assets/index-abc.js"></script><link rel="stylesheet" href="/explore/assets/index-abc.css"></head><body></body></html>""");
        File.WriteAllText(Path.Combine(_bundle, "assets", "index-abc.js"), "export {};");
        File.WriteAllText(Path.Combine(_bundle, "assets", "index-abc.css"), "body {}");
        File.WriteAllText(Path.Combine(_bundle, "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    }

    [Fact]
    public async Task The_root_is_a_landing_page_linking_the_explorer_and_swagger_ui()
    {
        await using var api = Api(_bundle);
        using var response = await api.ClientWithoutRedirects().GetAsync(new Uri("/", UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("href=\"/explore\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/swagger\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/explore")]
    [InlineData("/explore/")]
    public async Task The_explorer_page_is_the_bundles_index_under_a_strict_content_security_policy(string path)
    {
        await using var api = Api(_bundle);
        using var response = await api.ClientWithoutRedirects().GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/explore/assets/index-abc.js", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        AssertStrictPolicy(response);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/explore/assets/index-abc.js", "text/javascript")]
    [InlineData("/explore/assets/index-abc.css", "text/css")]
    [InlineData("/explore/favicon.svg", "image/svg+xml")]
    public async Task Each_file_of_the_bundle_has_its_content_type_and_is_cached_for_good(string path, string mediaType)
    {
        await using var api = Api(_bundle);
        using var response = await api.ClientWithoutRedirects().GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        AssertStrictPolicy(response);
        // Vite names assets by their content, so they may be cached for good.
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_bundle_the_explorer_page_says_how_to_build_it()
    {
        var empty = Path.Combine(_bundle, "not-built");
        await using var api = Api(empty);
        using var response = await api.ClientWithoutRedirects().GetAsync(new Uri("/explore", UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The explorer is not built", html, StringComparison.Ordinal);
        Assert.Contains("npm ci", html, StringComparison.Ordinal);
        Assert.Contains("dotnet build src/IomGraph.Api", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/swagger\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bundle_the_build_made_is_served_with_no_inline_script_or_style()
    {
        var built = Path.Combine(AppContext.BaseDirectory, "explore", "index.html");
        if (!File.Exists(built))
        {
            TestEnvironment.Missing("the explorer's bundle is not beside the test binaries: the API's build makes it when node is on the PATH.");
        }

        await using var api = new SqliteApi();
        var client = api.ClientWithoutRedirects();
        var html = await client.GetStringAsync(new Uri("/explore", UriKind.Relative), Ct);

        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Matches("src=\"/explore/assets/[^\"]+\\.js\"", s));
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        foreach (Match asset in AssetReference().Matches(html))
        {
            using var response = await client.GetAsync(new Uri(asset.Groups["path"].Value, UriKind.Relative), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset.Groups["path"].Value} answered {(int)response.StatusCode}");
        }
    }

    public void Dispose() => Directory.Delete(_bundle, recursive: true);

    private static ApiFactory Api(string bundle) => new(new Dictionary<string, string?> { ["Explorer:Path"] = bundle, ["Graph:Seed:Enabled"] = "false" });

    private static void AssertStrictPolicy(HttpResponseMessage response)
    {
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        // The graph's "Download PNG" saves Cytoscape's drawing from a blob URL.
        Assert.Contains("img-src 'self' data: blob:", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("(?:src|href)=\"(?<path>/explore/[^\"]+)\"")]
    private static partial Regex AssetReference();
}
