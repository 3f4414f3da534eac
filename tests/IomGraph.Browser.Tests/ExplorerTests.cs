using System.Text.RegularExpressions;
using IomGraph.Testing;
using Microsoft.Playwright;
using static IomGraph.Browser.Tests.ExplorerChecks;

namespace IomGraph.Browser.Tests;

/// <summary>The API on Kestrel, serving the explorer's bundle at /explore, and one Chromium, for <see cref="ExplorerTests"/>.</summary>
public sealed class ExplorerFixture : BrowserFixture
{
    public KestrelApi Api { get; private set; } = null!;

    protected override Task StartServersAsync()
    {
        Api = KestrelApi.Start();
        return Task.CompletedTask;
    }

    /// <summary>A fresh page on <c>/explore</c> plus <paramref name="fragment"/>; skips (or fails in CI) when the bundle was not built.</summary>
    public async Task<BrowserPage> OpenAsync(string journey, string fragment = "")
    {
        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, "explore", "index.html")))
        {
            TestEnvironment.Missing("the explorer's bundle is not beside the test binaries: the API's build makes it when node is on the PATH (src/IomGraph.Explorer, `npm ci && npm run build`).");
        }

        var browser = await NewPageAsync(journey);
        await browser.Page.GotoAsync($"{Api.Origin}/explore{fragment}");
        return browser;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Api.DisposeAsync();
    }
}

/// <summary>
/// The explorer as a journalist uses it, in real Chromium on the seed: search "GMG", open the Global Migration Group,
/// read its sentences and their sources, draw its neighbourhood, share the URL. Each view is checked with axe-core
/// (no serious or critical violation) and the browser must report no error, a Content-Security-Policy refusal included.
/// </summary>
public sealed class ExplorerTests(ExplorerFixture fixture) : IClassFixture<ExplorerFixture>
{
    private const string GmgActor = "#/actor/global-migration-group";

    [Fact]
    public async Task Search_GMG_open_the_Global_Migration_Group_read_its_sources_draw_its_graph_and_reopen_the_shared_url()
    {
        await using var browser = await fixture.OpenAsync(nameof(Search_GMG_open_the_Global_Migration_Group_read_its_sources_draw_its_graph_and_reopen_the_shared_url));
        var page = browser.Page;

        // The start page: one labelled search box.
        var search = page.GetByLabel("Search actors");
        await Expect(search).ToBeVisibleAsync();
        await AssertAccessibleAsync(browser, "the start page");
        await browser.ScreenshotStepAsync("start");

        // Suggestions as one types: the acronym finds both groups that went by it.
        await search.PressSequentiallyAsync("GMG", new LocatorPressSequentiallyOptions { Delay = 40 });
        var suggestion = page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Global Migration Group" });
        await Expect(suggestion).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Geneva Migration Group" })).ToBeVisibleAsync();
        await Expect(search).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.EndsWith("#/search?q=GMG", page.Url, StringComparison.Ordinal);
        await AssertAccessibleAsync(browser, "the suggestions");
        await browser.ScreenshotStepAsync("suggestions");

        // The actor page: name, kind, the profile's sentences, and a sentence's sources one click away.
        await suggestion.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(GmgActor) + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Global Migration Group", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".facts")).ToContainTextAsync("Inter-agency group");
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Led by", Level = 2 })).ToBeVisibleAsync();
        var chair = page.Locator(".sentence", new PageLocatorOptions { HasText = "UNCTAD chaired the Global Migration Group" }).First;
        await Expect(chair).ToContainTextAsync("High confidence");
        var sources = chair.Locator("details.sources");
        await sources.Locator("summary").ClickAsync();
        await Expect(sources.Locator("blockquote").First).ToBeVisibleAsync();
        await Expect(sources.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Its record in the API" }).First).ToHaveAttributeAsync("href", new Regex("^/api/v1/sources/"));
        Assert.Equal("Global Migration Group · IomGraph explorer", await page.TitleAsync());
        await AssertAccessibleAsync(browser, "the actor page");
        await browser.ScreenshotStepAsync("actor");

        // The graph: drawn nodes, the legend by kind, the centre marked; the states gathered into one node.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Graph of its neighbourhood" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(GmgActor + "/graph") + "$"));
        var drawn = await DrawnNodesAsync(page);
        Assert.True(drawn >= 10, $"only {drawn} nodes were drawn of the Global Migration Group's neighbourhood");
        var legend = page.GetByRole(AriaRole.List, new PageGetByRoleOptions { Name = "Legend" });
        await Expect(legend).ToContainTextAsync("UN entities");
        await Expect(legend).ToContainTextAsync("The actor at the centre");
        await Expect(page.Locator(".node-list")).ToContainTextAsync("Global Migration Group — the centre");
        await AssertAccessibleAsync(browser, "the graph");
        await browser.ScreenshotStepAsync("graph");

        // The shared URL, reloaded, shows the same view.
        await page.ReloadAsync();
        Assert.Equal(drawn, await DrawnNodesAsync(page));
        await Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Graph of its neighbourhood" })).ToHaveAttributeAsync("aria-current", "page");
        await browser.ScreenshotStepAsync("reloaded");

        // Clicking a drawn actor opens it.
        await ClickNodeAsync(page, "ilo");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("#/actor/ilo/graph") + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("International Labour Organization");
        await browser.ScreenshotAsync();
        AssertNoErrors(browser);
    }

    [Fact]
    public async Task As_of_2010_draws_the_Global_Migration_Group_beside_IOM_2020_does_not_and_the_shared_url_keeps_the_date()
    {
        await using var browser = await fixture.OpenAsync(nameof(As_of_2010_draws_the_Global_Migration_Group_beside_IOM_2020_does_not_and_the_shared_url_keeps_the_date), "#/actor/iom/graph");
        var page = browser.Page;
        var gmg = page.Locator(".node-list").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Global Migration Group", Exact = true });

        // Everything recorded: IOM was a member of the GMG (2006 to 2018), so the group is drawn.
        await DrawnNodesAsync(page);
        await Expect(gmg).ToBeVisibleAsync();
        var field = page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = "As of", Exact = true });
        await Expect(field).ToHaveValueAsync("");
        await browser.ScreenshotStepAsync("iom all");

        // As of 2010, typed in the date field from the keyboard: the group is there, and the page says what is left out.
        await field.FocusAsync();
        await page.Keyboard.TypeAsync("2010");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("#/actor/iom/graph?asOf=2010") + "$"));
        await Expect(page.Locator(".graph-canvas[data-as-of='2010'][data-drawn-nodes]")).ToBeAttachedAsync();
        await Expect(gmg).ToBeVisibleAsync();
        await Expect(page.Locator("#as-of-note")).ToHaveTextAsync(new Regex("^Only relations that held in 2010; relations whose dates are not recorded are left out"));
        await Expect(page.GetByLabel("As of, year")).ToHaveValueAsync("2010");
        await Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Profile in sentences" })).ToHaveAttributeAsync("href", "#/actor/iom?asOf=2010");
        var in2010 = await DrawnNodesAsync(page);
        await AssertAccessibleAsync(browser, "the graph as of 2010");
        await browser.ScreenshotStepAsync("iom 2010");

        // The slider by keyboard, with its focus visible: ten years on, the group (dissolved in 2018) is gone.
        var slider = page.GetByLabel("As of, year");
        await slider.FocusAsync();
        Assert.NotEqual("none", await slider.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        for (var i = 0; i < 10; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("#/actor/iom/graph?asOf=2020") + "$"));
        await Expect(page.Locator(".graph-canvas[data-as-of='2020'][data-drawn-nodes]")).ToBeAttachedAsync();
        await Expect(gmg).ToHaveCountAsync(0);
        await Expect(field).ToHaveValueAsync("2020");
        await browser.ScreenshotStepAsync("iom 2020");

        // The shared URL reopens the same date; clearing it shows everything again.
        await page.GotoAsync($"{fixture.Api.Origin}/explore#/actor/iom/graph?asOf=2010");
        await page.ReloadAsync();
        await Expect(page.Locator(".graph-canvas[data-as-of='2010'][data-drawn-nodes]")).ToBeAttachedAsync();
        Assert.Equal(in2010, await DrawnNodesAsync(page));
        await Expect(field).ToHaveValueAsync("2010");
        await Expect(gmg).ToBeVisibleAsync();
        Assert.StartsWith("International Organization for Migration: neighbourhood as of 2010", await page.TitleAsync(), StringComparison.Ordinal);
        await browser.ScreenshotStepAsync("reloaded 2010");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Clear the date" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("#/actor/iom/graph") + "$"));
        await Expect(page.Locator(".graph-canvas[data-as-of=''][data-drawn-nodes]")).ToBeAttachedAsync();

        // Play steps the years from the one shown and Pause stops it.
        await slider.EvaluateAsync("e => { e.value = '2016'; e.dispatchEvent(new Event('input', { bubbles: true })); }");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("?asOf=2016") + "$"));
        var play = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Play years" });
        await play.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("?asOf=2017") + "$"), new PageAssertionsToHaveURLOptions { Timeout = 10_000 });
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Pause" }).ClickAsync();
        await Expect(play).ToHaveAttributeAsync("aria-pressed", "false");
        await browser.ScreenshotStepAsync("paused");
        AssertNoErrors(browser);
    }

    [Fact]
    public async Task The_profile_sets_ended_relations_apart_with_their_end_and_a_date_shows_only_what_held()
    {
        await using var browser = await fixture.OpenAsync(nameof(The_profile_sets_ended_relations_apart_with_their_end_and_a_date_shows_only_what_held), "#/actor/iom");
        var page = browser.Page;

        // IOM's membership of the GMG ended in 2018: it is under "Ended", with its end in words.
        var ended = page.Locator(".sentences-ended .sentence", new PageLocatorOptions { HasText = "Global Migration Group" }).First;
        await Expect(ended).ToBeVisibleAsync();
        await Expect(ended.Locator(".ended-marker")).ToHaveTextAsync(new Regex("^Ended ([0-9]{1,2} )?([A-Z][a-z]+ )?[0-9]{4}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Ended", Level = 3 }).First).ToBeVisibleAsync();
        await AssertAccessibleAsync(browser, "the profile with its ended relations");
        await browser.ScreenshotStepAsync("profile");

        // As of 2010 nothing is set apart: everything shown held then.
        await page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = "As of", Exact = true }).FillAsync("2010");
        await page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = "As of", Exact = true }).PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("#/actor/iom?asOf=2010") + "$"));
        await Expect(page.Locator(".sentences-ended")).ToHaveCountAsync(0);
        await Expect(page.Locator(".sentence", new PageLocatorOptions { HasText = "Global Migration Group" }).First).ToBeVisibleAsync();
        await AssertAccessibleAsync(browser, "the profile as of 2010");
        await browser.ScreenshotStepAsync("profile 2010");
        AssertNoErrors(browser);
    }

    [Fact]
    public async Task The_keyboard_alone_finds_and_opens_an_actor_with_an_accent_typed_without_it()
    {
        await using var browser = await fixture.OpenAsync(nameof(The_keyboard_alone_finds_and_opens_an_actor_with_an_accent_typed_without_it));
        var page = browser.Page;

        // Skip link first, then the search box.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Skip to content" })).ToBeFocusedAsync();
        var search = page.GetByLabel("Search actors");
        await search.FocusAsync();
        await page.Keyboard.TypeAsync("cote d'ivoire", new KeyboardTypeOptions { Delay = 30 });
        await Expect(page.GetByRole(AriaRole.Option).First).ToContainTextAsync("Côte");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(search).ToHaveAttributeAsync("aria-activedescendant", "suggestion-0");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("#/actor/civ") + "$"));

        // The heading takes the focus, so a screen reader announces the new page.
        var heading = page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 });
        await Expect(heading).ToContainTextAsync("Côte");
        await Expect(heading).ToBeFocusedAsync();

        // A source opens from the keyboard too.
        var summary = page.Locator("details.sources summary").First;
        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("details.sources").First).ToHaveAttributeAsync("open", "");
        await browser.ScreenshotAsync();
        AssertNoErrors(browser);
    }

    [Fact]
    public async Task At_phone_width_every_view_fits_the_screen_and_passes_axe()
    {
        await using var browser = await fixture.OpenAsync(nameof(At_phone_width_every_view_fits_the_screen_and_passes_axe));
        var page = browser.Page;
        await page.SetViewportSizeAsync(390, 844);

        foreach (var (fragment, ready) in new[] { ("#/", "Search actors"), (GmgActor, "Led by"), (GmgActor + "/graph", "Legend") })
        {
            await page.GotoAsync($"{fixture.Api.Origin}/explore{fragment}");
            await Expect(page.GetByText(ready, new PageGetByTextOptions { Exact = true }).Or(page.GetByLabel(ready)).First).ToBeAttachedAsync();
            if (fragment.EndsWith("/graph", StringComparison.Ordinal))
            {
                await DrawnNodesAsync(page);
            }

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{fragment} is {overflow} px wider than a 390 px screen");
            await AssertAccessibleAsync(browser, $"{fragment} at phone width");
            await browser.ScreenshotStepAsync("phone " + fragment);
        }

        AssertNoErrors(browser);
    }

    [Fact]
    public async Task A_connection_from_Switzerland_to_the_UN_Network_on_Migration_is_told_hop_by_hop_with_sources_and_the_shared_url_reopens_it()
    {
        await using var browser = await fixture.OpenAsync(nameof(A_connection_from_Switzerland_to_the_UN_Network_on_Migration_is_told_hop_by_hop_with_sources_and_the_shared_url_reopens_it), "#/actor/che");
        var page = browser.Page;

        // From an actor's page: "Find a connection from here" fills in From.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Find a connection from here" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("#/paths?from=che") + "$"));
        var from = page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "From", Exact = true });
        var to = page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "To", Exact = true });
        await Expect(from).ToHaveValueAsync("Switzerland");

        // From the header, the form starts empty; the button asks for what is missing.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "How is A connected to B?" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("#/paths") + "$"));
        await Expect(from).ToHaveValueAsync("");
        var find = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Find connection" });
        await find.ClickAsync();
        await Expect(page.Locator("#paths-form-status")).ToContainTextAsync("Choose an actor for “From”");
        await Expect(from).ToBeFocusedAsync();
        await AssertAccessibleAsync(browser, "the paths form");
        await browser.ScreenshotStepAsync("paths form");

        // Both ends through the suggestions, then the button from the keyboard, past how far to look and the date.
        await from.PressSequentiallyAsync("Switzerland", new LocatorPressSequentiallyOptions { Delay = 30 });
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { NameRegex = new Regex("^Switzerland") }).First.ClickAsync();
        await Expect(from).ToHaveValueAsync("Switzerland");
        await to.PressSequentiallyAsync("Network on Migration", new LocatorPressSequentiallyOptions { Delay = 30 });
        var network = page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { NameRegex = new Regex("^United Nations Network on Migration") }).First;
        await Expect(network).ToBeVisibleAsync();
        await AssertAccessibleAsync(browser, "the To suggestions");
        await network.ClickAsync();
        await Expect(to).ToHaveValueAsync("United Nations Network on Migration");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Up to")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = "As of", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(find).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        // The answer: at least one path, drawn and told hop by hop, each hop's sentences with their confidence in words.
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("#/paths?from=che&to=un-network-on-migration") + "$"));
        await Expect(page.Locator("#paths-summary")).ToContainTextAsync("from Switzerland to United Nations Network on Migration");
        var paths = page.Locator(".path-list > .path");
        await Expect(paths.First).ToBeVisibleAsync();
        var first = paths.First;
        await Expect(first.Locator("h3")).ToContainTextAsync("Switzerland →");
        Assert.True(await first.Locator(".hop").CountAsync() >= 1);
        await Expect(first.Locator(".hop .sentence").First).ToContainTextAsync("Switzerland");
        await Expect(first.Locator(".hop .sentence .confidence").First).ToContainTextAsync("confidence");
        var drawn = await page.Locator(".paths-canvas[data-drawn-nodes]").GetAttributeAsync("data-drawn-nodes");
        Assert.True(int.Parse(drawn ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 3, $"only {drawn} actors drawn on the paths");
        await Expect(page.GetByRole(AriaRole.List, new PageGetByRoleOptions { Name = "Legend" })).ToContainTextAsync("State (1)");
        Assert.StartsWith("How is Switzerland connected to United Nations Network on Migration?", await page.TitleAsync(), StringComparison.Ordinal);

        // A hop's sources, one click away.
        var sources = first.Locator(".hop details.sources").First;
        await sources.Locator("summary").ClickAsync();
        await Expect(sources.Locator(".source").First).ToBeVisibleAsync();
        var record = sources.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Its record in the API" }).First;
        await Expect(record).ToHaveAttributeAsync("href", new Regex("^/api/v1/sources/"));

        // Opened, the list is redrawn with the source's title in place of its id.
        await Expect(sources).ToHaveAttributeAsync("data-titled", "true");
        var sourceId = (await record.GetAttributeAsync("href"))!["/api/v1/sources/".Length..];
        await Expect(sources.Locator(".source-title").First).Not.ToHaveTextAsync(sourceId);
        await Expect(sources).ToHaveAttributeAsync("open", "");
        await AssertAccessibleAsync(browser, "the paths");
        await browser.ScreenshotStepAsync("paths");
        var told = await paths.Locator("h3").AllInnerTextsAsync();

        // The shared URL, reloaded, asks the same question and gets the same answer.
        await page.ReloadAsync();
        await Expect(paths.First).ToBeVisibleAsync();
        Assert.Equal(told, await paths.Locator("h3").AllInnerTextsAsync());
        await Expect(from).ToHaveValueAsync("Switzerland");
        await Expect(to).ToHaveValueAsync("United Nations Network on Migration");
        await browser.ScreenshotStepAsync("paths reloaded");

        // At phone width it fits the screen.
        await page.SetViewportSizeAsync(390, 844);
        await Expect(paths.First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the paths are {overflow} px wider than a 390 px screen");
        await AssertAccessibleAsync(browser, "the paths at phone width");
        await browser.ScreenshotStepAsync("paths phone");
        AssertNoErrors(browser);
    }

    [Fact]
    public async Task A_connection_not_found_within_the_steps_chosen_says_so_and_the_depth_and_date_stay_in_the_url()
    {
        await using var browser = await fixture.OpenAsync(nameof(A_connection_not_found_within_the_steps_chosen_says_so_and_the_depth_and_date_stay_in_the_url), "#/paths?from=che&to=un-network-on-migration");
        var page = browser.Page;
        await Expect(page.Locator(".path-list > .path").First).ToBeVisibleAsync();
        var depth = page.GetByLabel("Up to");
        await Expect(depth).ToHaveValueAsync("4");

        // The paths' own downloads: the same question as files.
        var gexf = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download GEXF" });
        await Expect(gexf).ToHaveAttributeAsync("href", "/api/v1/paths?from=che&to=un-network-on-migration&format=gexf");
        await Expect(gexf).ToHaveAttributeAsync("download", "iomgraph-paths-che-to-un-network-on-migration.gexf");

        // A date the graph does not know is refused in words, and nothing is asked.
        var asOf = page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = "As of", Exact = true });
        await asOf.FillAsync("2010-13");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Find connection" }).ClickAsync();
        await Expect(page.Locator("#paths-form-status")).ToContainTextAsync("“2010-13” is not a date the graph knows");
        await Expect(asOf).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("#/paths?from=che&to=un-network-on-migration") + "$"));

        // One step, as of 2010: Switzerland is no member of the Network, and the page says so plainly.
        await asOf.FillAsync("2010");
        await depth.SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Find connection" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("#/paths?from=che&to=un-network-on-migration&maxDepth=1&asOf=2010") + "$"));
        await Expect(page.Locator("#paths-summary")).ToHaveTextAsync("Switzerland and United Nations Network on Migration are not connected within 1 hop.");
        await Expect(page.Locator(".path-list")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(browser, "paths not found");
        await browser.ScreenshotStepAsync("not connected");

        // The shared URL keeps the depth and the date in the form.
        await page.ReloadAsync();
        await Expect(page.Locator("#paths-summary")).ToContainTextAsync("not connected within 1 hop");
        await Expect(depth).ToHaveValueAsync("1");
        await Expect(asOf).ToHaveValueAsync("2010");
        AssertNoErrors(browser);
    }

    [Fact]
    public async Task A_connection_to_an_unknown_actor_says_so_and_keeps_the_form()
    {
        await using var browser = await fixture.OpenAsync(nameof(A_connection_to_an_unknown_actor_says_so_and_keeps_the_form), "#/paths?from=che&to=no-such-actor");
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("no actor with the id “che” or “no-such-actor”");
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Find connection" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(browser, "the paths to an unknown actor");
        await browser.ScreenshotAsync();

        // The API's 404 is the answer the page expects; Chromium still logs the failed fetch, which is not a page error.
        Assert.Empty(browser.PageErrors);
    }

    [Fact]
    public async Task An_unknown_actor_says_so_and_offers_the_search()
    {
        await using var browser = await fixture.OpenAsync(nameof(An_unknown_actor_says_so_and_offers_the_search), "#/actor/no-such-actor");
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("No such actor");
        await Expect(page.GetByLabel("Search actors")).ToBeVisibleAsync();
        await browser.ScreenshotAsync();

        // The API's 404 is the answer the page expects; Chromium still logs the failed fetch, which is not a page error.
        Assert.Empty(browser.PageErrors);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
