using System.Text;
using IomGraph.Api.Application;

namespace IomGraph.Api.Tests;

/// <summary>How an import's JSON is read, by the endpoint and by the import command alike.</summary>
public sealed class BundleReaderTests
{
    private static Task<(Core.Model.GraphBundle? Bundle, IReadOnlyList<BundleProblem> Problems)> ReadAsync(string json) =>
        BundleReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_bundle_that_does_not_fit_the_format_names_every_problem_by_its_json_path()
    {
        var (bundle, problems) = await ReadAsync("""{ "actors": [ { "id": "x", "kind": "Planet" } ], "relations": [ { "id": "a.leads.b", "from": "a", "to": "b", "type": "NOPE", "confidence": "high", "sources": [] } ] }""");

        Assert.Null(bundle);
        var paths = problems.Select(p => p.Path).ToList();
        Assert.Contains("actors[0].kind", paths);
        Assert.Contains("actors[0].name", paths);
        Assert.Contains("relations[0].type", paths);
        Assert.DoesNotContain(problems, p => p.Message.Contains("IomGraph.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_that_is_not_json_says_where()
    {
        var (bundle, problems) = await ReadAsync("{ \"actors\": [ }");

        Assert.Null(bundle);
        var problem = Assert.Single(problems);
        Assert.Equal("body", problem.Path);
        Assert.Contains("line 1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundle_that_fits_is_read_in_one_pass()
    {
        var (bundle, problems) = await ReadAsync("""{ "sources": [ { "id": "s", "title": "S", "kind": "news" } ] }""");

        Assert.Empty(problems);
        Assert.Equal("s", Assert.Single(bundle!.Sources).Id);
    }
}
