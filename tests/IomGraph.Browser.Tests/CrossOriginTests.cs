using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace IomGraph.Browser.Tests;

/// <summary>
/// The API with one write origin and a curator key, and two page servers: the curator's front end, whose origin is
/// listed in Cors:WriteOrigins, and a stranger's, whose origin is not.
/// </summary>
public sealed class CrossOriginFixture : BrowserFixture
{
    public const string ApiKey = "browser-test-key-0123456789";

    public KestrelApi Api { get; private set; } = null!;

    public PageServer Curator { get; private set; } = null!;

    public PageServer Stranger { get; private set; } = null!;

    protected override async Task StartServersAsync()
    {
        // The page servers first: the API's configuration must name the curator's origin, port included.
        Curator = await PageServer.StartAsync();
        Stranger = await PageServer.StartAsync();
        Api = KestrelApi.Start(new Dictionary<string, string?>
        {
            ["Cors:WriteOrigins:0"] = Curator.Origin,
            ["Auth:ApiKeys:test"] = ApiKey,
        });
    }

    /// <summary>A fresh page of <paramref name="site"/>, loaded and pointed at the API.</summary>
    public async Task<BrowserPage> OpenAsync(PageServer site, string page = "requests.html")
    {
        var browser = await NewPageAsync(TestContext.Current.TestMethod!.MethodName);
        await browser.Page.GotoAsync($"{site.Origin}/{page}?api={Uri.EscapeDataString(Api.Origin)}");
        return browser;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Api.DisposeAsync();
        await Curator.DisposeAsync();
        await Stranger.DisposeAsync();
    }
}

/// <summary>
/// What a front end on another origin can do with the API in a real browser, whose CORS checks no HTTP client makes:
/// read from anywhere, with conditional requests and the ETag visible to script; write only from an origin that
/// the operator listed in Cors:WriteOrigins.
/// </summary>
public sealed class CrossOriginTests(CrossOriginFixture fixture) : IClassFixture<CrossOriginFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_on_another_origin_shows_the_node_count_of_a_neighbourhood_it_fetched()
    {
        using var direct = JsonDocument.Parse(await fixture.Api.Http.GetStringAsync(new Uri("api/v1/actors/iom/neighbourhood?depth=1", UriKind.Relative), Ct));
        var expected = direct.RootElement.GetProperty("nodes").GetArrayLength();
        await using var browser = await fixture.OpenAsync(fixture.Stranger, "neighbourhood.html");

        await browser.Page.Locator("body:not([data-state=loading])").WaitForAsync();
        await browser.ScreenshotAsync();

        var state = await browser.Page.Locator("body").GetAttributeAsync("data-state");
        var status = await browser.Page.Locator("#status").InnerTextAsync();
        var count = await browser.Page.Locator("#count").InnerTextAsync();
        Assert.True(
            state == "done" && count == expected.ToString(System.Globalization.CultureInfo.InvariantCulture) && browser.DescribeErrors().Length == 0,
            $"The page on {fixture.Stranger.Origin} should show {expected} nodes read from the API on {fixture.Api.Origin}; "
            + $"it shows '{count}' and says '{status}'.{Environment.NewLine}{browser.DescribeErrors()}{Environment.NewLine}  screenshot: {browser.ScreenshotPath}");
    }

    [Fact]
    public async Task A_page_on_another_origin_can_send_If_None_Match_and_read_the_ETag()
    {
        await using var browser = await fixture.OpenAsync(fixture.Stranger);

        // If-None-Match is not a CORS-safelisted header, so the browser asks the API first (a preflight).
        var read = await RequestAsync(browser, "/api/v1/actors/iom", new { headers = new Dictionary<string, string> { ["If-None-Match"] = "\"no-such-version\"" } });
        AssertAllowed(browser, read, 200, "a read of /api/v1/actors/iom with If-None-Match");
        Assert.True(read.ETag is not null, $"The page on {fixture.Stranger.Origin} read /api/v1/actors/iom but response.headers.get('ETag') was null: the API must expose ETag (Access-Control-Expose-Headers).");
        Assert.True(read.GraphVersion is not null, $"The page on {fixture.Stranger.Origin} read /api/v1/actors/iom but response.headers.get('Graph-Version') was null: the API must expose Graph-Version (Access-Control-Expose-Headers).");

        // Sent back, the version the page holds is still current.
        var revalidated = await RequestAsync(browser, "/api/v1/actors/iom", new { headers = new Dictionary<string, string> { ["If-None-Match"] = read.ETag! } });
        AssertAllowed(browser, revalidated, 304, $"a read of /api/v1/actors/iom with If-None-Match: {read.ETag}");
    }

    [Fact]
    public async Task A_page_on_an_origin_listed_in_Cors_WriteOrigins_can_create_and_then_replace_an_actor()
    {
        var id = NewActorId();
        await using var browser = await fixture.OpenAsync(fixture.Curator);

        var created = await RequestAsync(browser, $"/api/v1/actors/{id}", Put(Actor(id, "Browser Test Group")));
        AssertAllowed(browser, created, 201, $"PUT /api/v1/actors/{id} with X-Api-Key and Content-Type: application/json");
        Assert.True(created.ETag is not null, $"The page on {fixture.Curator.Origin} created {id} but could not read the ETag of the answer: the API must expose ETag.");

        // Replacing only the version it read needs If-Match: one more header the preflight must allow.
        var replaced = await RequestAsync(browser, $"/api/v1/actors/{id}", Put(Actor(id, "Browser Test Group, renamed"), created.ETag));
        AssertAllowed(browser, replaced, 200, $"PUT /api/v1/actors/{id} with X-Api-Key, Content-Type and If-Match");

        using var stored = JsonDocument.Parse(await fixture.Api.Http.GetStringAsync(new Uri($"api/v1/actors/{id}", UriKind.Relative), Ct));
        Assert.Equal("Browser Test Group, renamed", stored.RootElement.GetProperty("actor").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_page_on_an_origin_not_listed_in_Cors_WriteOrigins_cannot_write()
    {
        var id = NewActorId();
        await using var browser = await fixture.OpenAsync(fixture.Stranger);

        // Reads from this origin must work, or a blocked write would say nothing about the write policy: with no CORS
        // at all, every cross-origin request is blocked.
        var read = await RequestAsync(browser, "/api/v1/actors/iom", new { headers = new Dictionary<string, string> { ["If-None-Match"] = "\"no-such-version\"" } });
        AssertAllowed(browser, read, 200, "a read of /api/v1/actors/iom with If-None-Match (which must work before a refused write means anything)");

        var write = await RequestAsync(browser, $"/api/v1/actors/{id}", Put(Actor(id, "Written by a stranger")));

        Assert.True(
            write.Error is not null,
            $"The page on {fixture.Stranger.Origin}, which Cors:WriteOrigins does not list, could write: PUT /api/v1/actors/{id} answered {write.Status} to script.");
        Assert.True(browser.PageErrors.Count == 0, browser.DescribeErrors());
        using var response = await fixture.Api.Http.GetAsync(new Uri($"api/v1/actors/{id}", UriKind.Relative), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"The browser blocked the PUT from {fixture.Stranger.Origin}, yet the API stored {id}: the preflight must refuse it before the write reaches the store.");
    }

    private static string NewActorId() => "browser-test-" + Guid.NewGuid().ToString("N")[..12];

    private static object Actor(string id, string name) => new { id, name, kind = "inter-agency-group" };

    private static object Put(object actor, string? ifMatch = null)
    {
        var headers = new Dictionary<string, string> { ["X-Api-Key"] = CrossOriginFixture.ApiKey, ["Content-Type"] = "application/json" };
        if (ifMatch is not null)
        {
            headers["If-Match"] = ifMatch;
        }

        return new { method = "PUT", headers, body = JsonSerializer.Serialize(actor) };
    }

    /// <summary>One fetch() from the page, through its request() helper: the status, ETag and Graph-Version script saw, or the error.</summary>
    private static async Task<Outcome> RequestAsync(BrowserPage browser, string path, object init)
    {
        var result = await browser.Page.EvaluateAsync<JsonElement>("([path, init]) => request(path, init)", new object[] { path, init });
        return new Outcome(
            result.GetProperty("status").GetInt32(),
            result.GetProperty("etag").GetString(),
            result.GetProperty("graphVersion").GetString(),
            result.GetProperty("error").GetString());
    }

    private void AssertAllowed(BrowserPage browser, Outcome outcome, int expectedStatus, string what)
    {
        var origin = new Uri(browser.Page.Url).GetLeftPart(UriPartial.Authority);
        if (outcome.Error is not null)
        {
            Assert.Fail($"From {origin}, {what} to the API on {fixture.Api.Origin} was blocked by the browser ({outcome.Error}).{Environment.NewLine}{browser.DescribeErrors()}{Environment.NewLine}  screenshot: {browser.ScreenshotPath}");
        }

        Assert.True(
            outcome.Status == expectedStatus && browser.DescribeErrors().Length == 0,
            $"From {origin}, {what} answered {outcome.Status}, expected {expectedStatus}.{Environment.NewLine}{browser.DescribeErrors()}{Environment.NewLine}  screenshot: {browser.ScreenshotPath}");
    }

    private sealed record Outcome(int Status, string? ETag, string? GraphVersion, string? Error);
}
