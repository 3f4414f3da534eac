using System.Text.Json;
using Microsoft.Playwright;

namespace IomGraph.Browser.Tests;

/// <summary>The API on Kestrel with one curator key, and one Chromium, for every case of <see cref="SwaggerUiWriteTests"/>.</summary>
public sealed class SwaggerUiWriteFixture : BrowserFixture
{
    /// <summary>The key's name: the author the change log records for what is written with it.</summary>
    public const string KeyName = "swagger-curator";

    public const string ApiKey = "swagger-ui-test-key-0123456789";

    public KestrelApi Api { get; private set; } = null!;

    protected override Task StartServersAsync()
    {
        Api = KestrelApi.Start(new Dictionary<string, string?> { [$"Auth:ApiKeys:{KeyName}"] = ApiKey });
        return Task.CompletedTask;
    }

    /// <summary>A fresh page with Swagger UI loaded.</summary>
    public async Task<BrowserPage> OpenSwaggerUiAsync()
    {
        var browser = await NewPageAsync(TestContext.Current.TestMethod!.MethodName);
        await browser.Page.GotoAsync(Api.Origin + SwaggerUi.IndexPath);
        return browser;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Api.DisposeAsync();
    }
}

/// <summary>
/// A curator's write through Swagger UI: Authorize with the key, then Execute on a write as the document fills it in,
/// and the change log names the key as the author. The requests are the browser's own, so this covers what the API
/// tests cannot: that Swagger UI sends the key where the API reads it.
/// </summary>
public sealed class SwaggerUiWriteTests(SwaggerUiWriteFixture fixture) : IClassFixture<SwaggerUiWriteFixture>
{
    private static readonly SwaggerUiOperation PutSource = new("Curation", "PutSource", "Create or replace a source");
    private static readonly SwaggerUiOperation PutActor = new("Curation", "PutActor", "Create or replace an actor");
    private static readonly SwaggerUiOperation GetActorHistory = new("Actors", "GetActorHistory", "Get an actor's history");

    [Fact]
    public async Task A_curator_who_authorizes_in_Swagger_UI_creates_the_example_actor_and_its_history_names_the_key()
    {
        await using var browser = await fixture.OpenSwaggerUiAsync();
        await AuthorizeAsync(browser, SwaggerUiWriteFixture.ApiKey);

        // The document's examples are meant to be sent in order: the example actor cites the example source, so the
        // source goes first, as a curator trying the API would send it.
        var source = await OpenAsync(browser, PutSource);
        AssertWritten(browser, PutSource, await ExecuteAsync(browser, source, PutSource));

        var actor = await OpenAsync(browser, PutActor);
        var id = await actor.GetByPlaceholder("id", new() { Exact = true }).InputValueAsync();
        using var sent = JsonDocument.Parse(await actor.Locator(".body-param textarea").InputValueAsync());
        var name = sent.RootElement.GetProperty("name").GetString();
        var written = await ExecuteAsync(browser, actor, PutActor);
        AssertWritten(browser, PutActor, written);
        using (var body = JsonDocument.Parse(written.Body))
        {
            var shownId = body.RootElement.TryGetProperty("id", out var i) ? i.GetString() : null;
            var shownName = body.RootElement.TryGetProperty("name", out var n) ? n.GetString() : null;
            Assert.True(
                shownId == id && shownName == name,
                $"PUT /api/v1/actors/{id} answered {written.StatusText}, but its body names '{shownName}' ({shownId}), not '{name}' ({id}): "
                + $"{SwaggerUi.Shorten(written.Body)}{Where(browser)}");
        }

        var history = await OpenAsync(browser, GetActorHistory);
        await history.GetByPlaceholder("id", new() { Exact = true }).FillAsync(id);
        var changes = await ExecuteAsync(browser, history, GetActorHistory);
        await browser.ScreenshotAsync(history);
        Assert.True(
            changes.Status == 200 && changes.IsJson,
            $"GET /api/v1/actors/{id}/history, after the write, answered {changes.StatusText} ({changes.ContentType}): {SwaggerUi.Shorten(changes.Body)}{Where(browser)}");
        using var log = JsonDocument.Parse(changes.Body);
        var last = log.RootElement.GetProperty("items").EnumerateArray().LastOrDefault();
        var author = last.ValueKind == JsonValueKind.Object ? last.GetProperty("author").GetString() : null;
        Assert.True(
            author == SwaggerUiWriteFixture.KeyName && browser.DescribeErrors().Length == 0,
            $"The latest change to {id} that Swagger UI shows should be by '{SwaggerUiWriteFixture.KeyName}', the name of the key given to Authorize; "
            + $"it is by '{author}' in {SwaggerUi.Shorten(changes.Body)}{Environment.NewLine}{browser.DescribeErrors()}{Where(browser)}");
    }

    [Fact]
    public async Task Execute_on_a_write_without_Authorize_shows_401_API_key_required()
    {
        await using var browser = await fixture.OpenSwaggerUiAsync();

        var actor = await OpenAsync(browser, PutActor);
        var refused = await ExecuteAsync(browser, actor, PutActor);
        await browser.ScreenshotAsync(actor);

        string? title = null;
        if (refused.MediaType == "application/problem+json")
        {
            using var problem = JsonDocument.Parse(refused.Body);
            title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
        }

        // Chromium logs every 4xx answer as a console error, so only the page's own errors count here.
        Assert.True(
            refused.Status == 401 && title == "API key required" && browser.PageErrors.Count == 0,
            $"Execute on PUT /api/v1/actors/{{id}} with no key should show 401 with a problem+json body titled 'API key required'; "
            + $"it shows {refused.StatusText} ({refused.ContentType}): {SwaggerUi.Shorten(refused.Body)}{Environment.NewLine}{browser.DescribeErrors()}{Where(browser)}");
    }

    /// <summary>Authorize, the key typed into the ApiKey field, Authorize in the dialog, then Close.</summary>
    private static async Task AuthorizeAsync(BrowserPage browser, string key)
    {
        var page = browser.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Authorize", Exact = true }).ClickAsync();
        var dialog = page.Locator(".modal-ux").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Available authorizations" }) });
        await dialog.GetByLabel("Value:").FillAsync(key);

        // The dialog's Authorize button is named "Apply credentials" for assistive technology.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Apply credentials" }).ClickAsync();

        // Once it holds the key, the dialog offers Logout ("Remove authorization") in its place.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove authorization" }).WaitForAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Opens the operation by its summary and makes it ready to execute.</summary>
    private static async Task<ILocator> OpenAsync(BrowserPage browser, SwaggerUiOperation operation)
    {
        var block = SwaggerUi.Operation(browser.Page, operation.Tag, operation.OperationId);
        await block.GetByRole(AriaRole.Button, new() { Name = operation.Summary }).ClickAsync();

        // The API turns Try it out on for every operation (EnableTryItOutByDefault), so the button reads Cancel and
        // Execute is there at once; were that setting dropped, this presses Try it out as a person would.
        var tryItOut = block.GetByRole(AriaRole.Button, new() { Name = "Try it out" });
        var execute = block.GetByRole(AriaRole.Button, new() { Name = "Execute" });
        await tryItOut.Or(execute).First.WaitForAsync();
        if (await tryItOut.IsVisibleAsync())
        {
            await tryItOut.ClickAsync();
        }

        await execute.WaitForAsync();
        return block;
    }

    /// <summary>Execute, and what Swagger UI shows under Server response once the answer is in.</summary>
    private static async Task<ShownResponse> ExecuteAsync(BrowserPage browser, ILocator block, SwaggerUiOperation operation)
    {
        await block.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();
        try
        {
            await SwaggerUi.LiveResponse(block).WaitForAsync();
        }
        catch (TimeoutException)
        {
            await browser.ScreenshotAsync(block);
            var shown = await block.Locator(".validation-errors, .errors-wrapper").AllInnerTextsAsync();
            Assert.Fail(
                $"{operation.OperationId}: Swagger UI showed no response after Execute. It shows: '{SwaggerUi.Flatten(string.Join(" ", shown))}'."
                + $"{Environment.NewLine}{browser.DescribeErrors()}{Where(browser)}");
        }

        return await SwaggerUi.ReadResponseAsync(block);
    }

    private static void AssertWritten(BrowserPage browser, SwaggerUiOperation operation, ShownResponse shown) =>
        Assert.True(
            shown.Status is 201 or 200 && shown.IsJson && browser.DescribeErrors().Length == 0,
            $"{operation.OperationId}, executed as the document fills it in after Authorize, request {shown.RequestUrl}: the response code cell shows "
            + $"{shown.StatusText} ({shown.ContentType}), not 201 or 200 with JSON, with the body {SwaggerUi.Shorten(SwaggerUi.Flatten(shown.Body))}"
            + $"{Environment.NewLine}{browser.DescribeErrors()}{Where(browser)}");

    private static string Where(BrowserPage browser) => $"{Environment.NewLine}  screenshot: {browser.ScreenshotPath}";

    private sealed record SwaggerUiOperation(string Tag, string OperationId, string Summary);
}
