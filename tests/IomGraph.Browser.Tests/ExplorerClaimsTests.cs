using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static IomGraph.Browser.Tests.ExplorerChecks;

namespace IomGraph.Browser.Tests;

/// <summary>
/// The claims view as a journalist checking the Noborder Network's article uses it: from the header to the claim that
/// the IOM's member states made it the lead in 2000, its quote, the record's low confidence and note, and its sources.
/// </summary>
public sealed class ExplorerClaimsTests(ExplorerFixture fixture) : IClassFixture<ExplorerFixture>
{
    [Fact]
    public async Task The_claims_view_shows_the_IOM_Council_claim_of_2000_with_its_quote_its_low_confidence_and_its_sources()
    {
        await using var browser = await fixture.OpenAsync(nameof(The_claims_view_shows_the_IOM_Council_claim_of_2000_with_its_quote_its_low_confidence_and_its_sources));
        var page = browser.Page;

        await page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Elsewhere" })
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "The article’s claims, checked" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("#/claims") + "$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("The article’s claims beside what the record says");
        await Assertions.Expect(page.Locator(".claims-how")).ToContainTextAsync("low confidence and the curators’ note");
        Assert.Equal("The article’s claims, checked · IomGraph explorer", await page.TitleAsync());

        var claim = page.Locator(".claim[data-relation='iom-council.mandates.iom']");
        await Assertions.Expect(claim).ToBeVisibleAsync();
        await Assertions.Expect(claim.Locator(".claim-article blockquote")).ToContainTextAsync("2000");
        await Assertions.Expect(claim.Locator(".claim-record")).ToContainTextAsync("Low confidence");
        await Assertions.Expect(claim.Locator(".claim-note")).ToBeVisibleAsync();

        var sources = claim.Locator("details.sources");
        await sources.Locator("summary").ClickAsync();
        var first = sources.Locator("li.source").First;
        await Assertions.Expect(first.Locator("blockquote, .summary").First).ToBeVisibleAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Its record in the API" })).ToHaveAttributeAsync("href", new Regex("^/api/v1/sources/"));
        Assert.True(await sources.Locator("li.source").CountAsync() >= 2, "the IOM Council claim cites fewer than two research sources");
        await claim.ScrollIntoViewIfNeededAsync();
        await AssertAccessibleAsync(browser, "the claims view");
        await browser.ScreenshotStepAsync("claims");

        // The shared URL reopens the same view.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".claim[data-relation='iom-council.mandates.iom']")).ToBeVisibleAsync();

        // At phone width it fits the screen and stays accessible.
        await page.SetViewportSizeAsync(390, 844);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the claims view is {overflow} px wider than a 390 px screen");
        await AssertAccessibleAsync(browser, "the claims view at phone width");
        await browser.ScreenshotStepAsync("claims at phone width");
        AssertNoErrors(browser);
    }
}
