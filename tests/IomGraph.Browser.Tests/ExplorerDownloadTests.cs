using System.Text;
using Microsoft.Playwright;
using static IomGraph.Browser.Tests.ExplorerChecks;

namespace IomGraph.Browser.Tests;

/// <summary>
/// The graph view's downloads on IOM's neighbourhood: the drawing as PNG (made in the page, under the page's
/// Content-Security-Policy) and the API's exports as GEXF, GraphML and CSV, each a file with its name and its format's
/// first bytes.
/// </summary>
public sealed class ExplorerDownloadTests(ExplorerFixture fixture) : IClassFixture<ExplorerFixture>
{
    [Fact]
    public async Task On_IOMs_graph_each_download_gives_a_named_file_in_its_format()
    {
        await using var browser = await fixture.OpenAsync(nameof(On_IOMs_graph_each_download_gives_a_named_file_in_its_format), "#/actor/iom/graph");
        var page = browser.Page;
        Assert.True(await DrawnNodesAsync(page) >= 10, "IOM's neighbourhood was not drawn");
        var downloads = page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Take it away" });
        await Assertions.Expect(downloads).ToBeVisibleAsync();

        foreach (var (name, file, start) in new[]
        {
            ("Download PNG", "iomgraph-iom-neighbourhood.png", "\x89PNG"),
            ("Download GEXF", "iomgraph-iom-neighbourhood.gexf", "<?xml"),
            ("Download GraphML", "iomgraph-iom-neighbourhood.graphml", "<?xml"),
            ("Download CSV", "iomgraph-iom-neighbourhood.zip", "PK"),
        })
        {
            var control = downloads.GetByRole(name == "Download PNG" ? AriaRole.Button : AriaRole.Link, new LocatorGetByRoleOptions { Name = name });
            var download = await page.RunAndWaitForDownloadAsync(() => control.ClickAsync());
            Assert.Equal(file, download.SuggestedFilename);
            var path = await download.PathAsync();
            var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
            Assert.True(bytes.Length > 100, $"{file} has only {bytes.Length} bytes");
            var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 400));
            Assert.StartsWith(start, head, StringComparison.Ordinal);
            if (file.EndsWith(".gexf", StringComparison.Ordinal)) Assert.Contains("gexf", head, StringComparison.Ordinal);
            if (file.EndsWith(".graphml", StringComparison.Ordinal)) Assert.Contains("graphml", head, StringComparison.Ordinal);
        }

        await AssertAccessibleAsync(browser, "the graph with its downloads");
        await browser.ScreenshotStepAsync("downloads");

        // As of a date, the exports ask for the same date and the files say it.
        await page.GotoAsync($"{fixture.Api.Origin}/explore#/actor/iom/graph?asOf=2010");
        await DrawnNodesAsync(page);
        var gexf = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download GEXF" });
        await Assertions.Expect(gexf).ToHaveAttributeAsync("href", "/api/v1/actors/iom/neighbourhood?depth=1&asOf=2010&format=gexf");
        await Assertions.Expect(gexf).ToHaveAttributeAsync("download", "iomgraph-iom-neighbourhood-2010.gexf");
        AssertNoErrors(browser);
    }
}
