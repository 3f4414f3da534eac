using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static IomGraph.Browser.Tests.ExplorerChecks;

namespace IomGraph.Browser.Tests;

/// <summary>
/// The graph view's filters and groups on IOM's neighbourhood, in real Chromium on the seed: the states gathered into one
/// node open with a click, kinds and relation types are filtered from labelled checkboxes, every filter is in the URL
/// (a reload shows the same drawing, the downloads export the same filter), and playing the years keeps the actors
/// that stay where they were.
/// </summary>
public sealed class ExplorerFilterTests(ExplorerFixture fixture) : IClassFixture<ExplorerFixture>
{
    private const string IomGraph = "#/actor/iom/graph";

    [Fact]
    public async Task Clicking_the_states_node_draws_each_state_and_the_filters_hide_kinds_and_types_in_a_url_that_reopens_them()
    {
        await using var browser = await fixture.OpenAsync(nameof(Clicking_the_states_node_draws_each_state_and_the_filters_hide_kinds_and_types_in_a_url_that_reopens_them), IomGraph);
        var page = browser.Page;
        var gathered = await DrawnNodesAsync(page);
        var nodeList = page.Locator(".node-list");
        await Expect(nodeList).ToContainTextAsync("states (gathered into one node)");
        await Expect(nodeList.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Switzerland", Exact = true })).ToHaveCountAsync(0);

        // A click on the group node draws the states one by one, and says so in the URL and in the filters.
        await ClickNodeAsync(page, "group:state");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(IomGraph + "?expand=state") + "$"));
        await Expect(page.Locator(".graph-canvas[data-drawn-nodes]")).Not.ToHaveAttributeAsync("data-drawn-nodes", gathered.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var expanded = await DrawnNodesAsync(page);
        Assert.True(expanded >= gathered + 100, $"{expanded} nodes drawn with the states one by one, {gathered} with them gathered");
        await Expect(nodeList.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Switzerland", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Gather the states into one node")).Not.ToBeCheckedAsync();
        await AssertAccessibleAsync(browser, "IOM's graph with every state drawn");
        await browser.ScreenshotStepAsync("states expanded");

        // The checkbox gathers them again, from the keyboard, in the filters' disclosure.
        var filters = page.Locator("details.graph-filters");
        await Expect(filters).Not.ToHaveAttributeAsync("open", "");
        await filters.Locator("summary").ClickAsync();
        await page.GetByLabel("Gather the states into one node").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(IomGraph) + "$"));
        await Expect(page.Locator(".graph-canvas[data-drawn-nodes]")).ToHaveAttributeAsync("data-drawn-nodes", gathered.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Leaving the states out: the kind's checkbox, labelled by the kind, stays offered (unticked) once they are gone.
        var states = filters.GetByRole(AriaRole.Checkbox, new LocatorGetByRoleOptions { Name = "States", Exact = true });
        await states.UncheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(IomGraph + "?hide=state") + "$"));
        await Expect(nodeList).Not.ToContainTextAsync("states (gathered into one node)");
        await Expect(states).Not.ToBeCheckedAsync();
        await Expect(page.GetByLabel("Gather the states into one node")).ToBeHiddenAsync();
        var withoutStates = await DrawnNodesAsync(page);
        Assert.True(withoutStates < gathered, $"{withoutStates} nodes drawn without the states, {gathered} with them");

        // One relation type unticked: the URL names the types still drawn, and the disclosure's summary says so.
        var typeBoxes = filters.Locator("fieldset", new LocatorLocatorOptions { HasText = "Relation types to draw" }).GetByRole(AriaRole.Checkbox);
        var offered = await typeBoxes.CountAsync();
        Assert.True(offered >= 4, $"only {offered} relation types offered for IOM");
        var memberOf = filters.GetByRole(AriaRole.Checkbox, new LocatorGetByRoleOptions { NameRegex = new Regex("^Member of \\(\\d+\\)$") });
        await memberOf.UncheckAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"\?type=[A-Z_,]+&hide=state$"));
        Assert.DoesNotContain("MEMBER_OF,", page.Url + ",", StringComparison.Ordinal);
        await Expect(filters.Locator("summary")).ToContainTextAsync($"({offered - 1} relation types, 1 kind hidden)");
        await AssertAccessibleAsync(browser, "IOM's graph, filtered");
        await browser.ScreenshotStepAsync("filtered");
        var filtered = await DrawnNodesAsync(page);
        var names = await nodeList.Locator("li").AllInnerTextsAsync();

        // The downloads export the same filter (without the drawing's groups).
        var gexf = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download GEXF" });
        var href = await gexf.GetAttributeAsync("href") ?? "";
        Assert.Contains("excludeKind=state", href, StringComparison.Ordinal);
        Assert.Contains("type=", href, StringComparison.Ordinal);
        Assert.DoesNotContain("MEMBER_OF", Uri.UnescapeDataString(href), StringComparison.Ordinal);
        using (var http = new HttpClient { BaseAddress = new Uri(fixture.Api.Origin) })
        {
            using var answer = await http.GetAsync(new Uri(href, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        }

        // The shared URL, reloaded, draws the same thing with the same boxes ticked.
        var shared = page.Url;
        await page.ReloadAsync();
        Assert.Equal(filtered, await DrawnNodesAsync(page));
        Assert.Equal(names, await nodeList.Locator("li").AllInnerTextsAsync());
        Assert.Equal(shared, page.Url);
        await Expect(page.Locator("details.graph-filters")).ToHaveAttributeAsync("open", "");
        await Expect(memberOf).Not.ToBeCheckedAsync();
        await Expect(states).Not.ToBeCheckedAsync();

        // The last relation type ticked cannot be unticked: the page says why instead of drawing nothing.
        foreach (var box in await typeBoxes.AllAsync())
        {
            if (await box.IsCheckedAsync())
            {
                await box.ClickAsync();
            }
        }

        await Expect(page.Locator(".filters-status")).ToContainTextAsync("At least one relation type stays ticked");
        Assert.Equal(1, await typeBoxes.EvaluateAllAsync<int>("boxes => boxes.filter(b => b.checked).length"));

        // The tabs keep the filter for the graph and drop it for the profile.
        await Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Profile in sentences" })).ToHaveAttributeAsync("href", "#/actor/iom");
        await Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Graph of its neighbourhood" })).ToHaveAttributeAsync("href", new Regex("hide=state"));
        AssertNoErrors(browser);
    }

    [Fact]
    public async Task Another_year_keeps_the_actors_that_stay_where_they_were_drawn()
    {
        await using var browser = await fixture.OpenAsync(nameof(Another_year_keeps_the_actors_that_stay_where_they_were_drawn), IomGraph + "?asOf=2010");
        var page = browser.Page;
        await Expect(page.Locator(".graph-canvas[data-as-of='2010'][data-drawn-nodes]")).ToBeAttachedAsync();
        var before = await PositionsAsync(page);

        var field = page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = "As of", Exact = true });
        await field.FillAsync("2019");
        await field.PressAsync("Enter");
        await Expect(page.Locator(".graph-canvas[data-as-of='2019'][data-drawn-nodes]")).ToBeAttachedAsync();
        var after = await PositionsAsync(page);

        var kept = before.Keys.Intersect(after.Keys, StringComparer.Ordinal).ToList();
        Assert.True(kept.Count >= 5, $"only {kept.Count} actors are drawn both in 2010 and 2019");
        Assert.NotEqual(before.Count, after.Count);
        var moved = kept.Where(id => Math.Abs(before[id][0] - after[id][0]) > 1 || Math.Abs(before[id][1] - after[id][1]) > 1).ToList();
        Assert.True(moved.Count == 0, $"these actors moved between 2010 and 2019: {string.Join(", ", moved)}");
        await browser.ScreenshotStepAsync("2019 from 2010");

        // A new visit to the same URL lays the drawing out afresh, as before.
        await page.ReloadAsync();
        await Expect(page.Locator(".graph-canvas[data-as-of='2019'][data-drawn-nodes]")).ToBeAttachedAsync();
        AssertNoErrors(browser);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    /// <summary>Every drawn node's model position (Cytoscape keeps its instance on the container, as _cyreg.cy).</summary>
    private static async Task<Dictionary<string, double[]>> PositionsAsync(IPage page) =>
        await page.Locator(".graph-canvas").EvaluateAsync<Dictionary<string, double[]>>(
            "element => Object.fromEntries(element._cyreg.cy.nodes().map(n => [n.id(), [n.position('x'), n.position('y')]]))");
}
