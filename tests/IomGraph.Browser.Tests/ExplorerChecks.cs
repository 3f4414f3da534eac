using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IomGraph.Browser.Tests;

/// <summary>
/// The checks every explorer journey shares: <see cref="ExplorerTests"/> and the classes beside it (downloads, claims).
/// </summary>
internal static class ExplorerChecks
{
    /// <summary>How many nodes Cytoscape drew, once it has (the canvas says so in data-drawn-nodes).</summary>
    public static async Task<int> DrawnNodesAsync(IPage page)
    {
        var canvas = page.Locator(".graph-canvas[data-drawn-nodes]");
        await canvas.WaitForAsync();
        return int.Parse(await canvas.GetAttributeAsync("data-drawn-nodes") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Clicks a drawn node where Cytoscape put it (Cytoscape keeps its instance on the container, as _cyreg.cy).</summary>
    public static async Task ClickNodeAsync(IPage page, string id)
    {
        var canvas = page.Locator(".graph-canvas");
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = await canvas.BoundingBoxAsync() ?? throw new InvalidOperationException("The graph's canvas has no box.");
        var position = await canvas.EvaluateAsync<double[]>(
            "(element, id) => { const p = element._cyreg.cy.getElementById(id).renderedPosition(); return [p.x, p.y]; }", id);
        await page.Mouse.ClickAsync((float)(box.X + position[0]), (float)(box.Y + position[1]));
    }

    /// <summary>axe-core on the page as it is: no serious or critical violation (WCAG 2.1 AA and best practices).</summary>
    public static async Task AssertAccessibleAsync(BrowserPage browser, string view)
    {
        var result = await browser.Page.RunAxe();
        var grave = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            grave.Count == 0,
            $"axe-core on {view}:{Environment.NewLine}" + string.Join(
                Environment.NewLine,
                grave.Select(v => $"  {v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))})")));
    }

    public static void AssertNoErrors(BrowserPage browser)
    {
        var errors = browser.DescribeErrors();
        Assert.True(errors.Length == 0, $"the browser reported errors:{Environment.NewLine}{errors}{Environment.NewLine}  screenshot: {browser.ScreenshotPath}");
    }
}
