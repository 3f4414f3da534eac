using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace IomGraph.Browser.Tests;

/// <summary>The API on Kestrel, its OpenAPI document, and one Chromium, for every case of <see cref="SwaggerUiTests"/>.</summary>
public sealed class SwaggerUiFixture : BrowserFixture
{
    public KestrelApi Api { get; private set; } = null!;

    /// <summary>The GET operations of the served document, by operationId.</summary>
    public IReadOnlyDictionary<string, DocumentedOperation> Operations { get; private set; } = null!;

    protected override async Task StartServersAsync()
    {
        Api = KestrelApi.Start();
        Operations = SwaggerUiTests.GetOperations(await Api.Http.GetStringAsync(new Uri(SwaggerUiTests.DocumentPath, UriKind.Relative)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Api.DisposeAsync();
    }
}

/// <summary>
/// A journalist's first contact with the API: Swagger UI, an operation opened, Execute pressed on the values the
/// document suggests. Each GET operation of the served document is a case of its own, so a new operation is covered
/// without touching this file and a report names the operation that broke.
/// </summary>
public sealed class SwaggerUiTests(SwaggerUiFixture fixture) : IClassFixture<SwaggerUiFixture>
{
    public const string DocumentPath = "/swagger/v1/swagger.json";

    // How long a response may take to appear after Execute. Every seeded read answers in well under a second; a case
    // that is still spinning after this is not going to finish.
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The operationIds of the document's GET operations, read from a TestServer copy of the API at discovery.</summary>
    public static async Task<TheoryData<string>> GetOperationIds()
    {
        await using var api = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Testing")
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .UseSetting("Graph:Provider", "Sqlite")
            .UseSetting("Graph:Sqlite:Path", ":memory:")
            .UseSetting("Graph:Seed:Enabled", "false"));
        using var client = api.CreateClient();
        return [.. GetOperations(await client.GetStringAsync(new Uri(DocumentPath, UriKind.Relative))).Keys.Order(StringComparer.Ordinal)];
    }

    public static Dictionary<string, DocumentedOperation> GetOperations(string document)
    {
        using var json = JsonDocument.Parse(document);
        var operations = new Dictionary<string, DocumentedOperation>(StringComparer.Ordinal);
        foreach (var path in json.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get))
            {
                continue;
            }

            var id = get.GetProperty("operationId").GetString()!;
            var tag = get.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0 ? tags[0].GetString()! : "default";
            var arraysWithScalarExamples = new List<string>();
            if (get.TryGetProperty("parameters", out var parameters))
            {
                foreach (var parameter in parameters.EnumerateArray())
                {
                    if (parameter.TryGetProperty("schema", out var schema) && schema.TryGetProperty("type", out var type) && type.GetString() == "array"
                        && parameter.TryGetProperty("example", out var example) && example.ValueKind != JsonValueKind.Array)
                    {
                        arraysWithScalarExamples.Add($"{parameter.GetProperty("name").GetString()} (example {example.GetRawText()})");
                    }
                }
            }

            operations.Add(id, new DocumentedOperation(tag, path.Name, arraysWithScalarExamples));
        }

        return operations;
    }

    [Theory]
    [MemberData(nameof(GetOperationIds))]
    public async Task Each_GET_operation_executed_unedited_shows_a_2xx_JSON_response(string operationId)
    {
        await using var browser = await fixture.NewPageAsync(operationId);
        Assert.True(fixture.Operations.TryGetValue(operationId, out var operation), $"{operationId} is not a GET operation of the served document.");
        var name = $"{operationId} (GET {operation.Path})";

        await browser.Page.GotoAsync(fixture.Api.Origin + SwaggerUi.IndexPath);

        // The case opens its operation as a person does: by clicking its summary.
        var block = SwaggerUi.Operation(browser.Page, operation.Tag, operationId);
        await block.WaitForAsync();
        await block.Locator(".opblock-summary").First.ClickAsync();
        await block.Locator("button.execute").ClickAsync();

        var stuck = await WaitForResponseAsync(browser, SwaggerUi.LiveResponse(block));
        await browser.ScreenshotAsync(block);
        var errors = browser.DescribeErrors();
        var where = $"{Environment.NewLine}  screenshot: {browser.ScreenshotPath}";
        if (stuck is not null)
        {
            // Swagger UI cannot turn a single string into an array's items, and says only that it could not parse
            // "a parameter": naming the document's suspects saves the reader a search.
            var hint = operation.ArraysWithScalarExamples.Count == 0 ? "" :
                $"{Environment.NewLine}  the document gives these array parameters a non-array example: {string.Join(", ", operation.ArraysWithScalarExamples)}";
            Assert.Fail($"{name}: Swagger UI showed no response after Execute: {stuck} {await DescribeStuckAsync(block)}{Environment.NewLine}{errors}{hint}{where}");
        }

        var shown = await SwaggerUi.ReadResponseAsync(block);
        var problems = new List<string>();
        if (shown.Status is not (>= 200 and < 300))
        {
            // A problem+json body says which parameter the API refused, and why.
            problems.Add($"the response code cell shows {shown.StatusText}, not 2xx, with the body {SwaggerUi.Shorten(SwaggerUi.Flatten(shown.Body))}");
        }

        if (shown.IsDownload)
        {
            problems.Add($"the body is a file download ('{shown.DownloadName}', content-type '{shown.ContentType}', content-disposition '{shown.ContentDisposition}'), not a JSON body shown on the page");
        }
        else if (!shown.IsJson)
        {
            problems.Add($"the content-type is '{shown.ContentType}', not JSON");
        }
        else if (!ParsesAsJson(shown.Body))
        {
            problems.Add($"the body does not parse as JSON: {SwaggerUi.Shorten(shown.Body)}");
        }

        if (errors.Length > 0)
        {
            problems.Add($"the browser reported errors:{Environment.NewLine}{errors}");
        }

        Assert.True(problems.Count == 0, $"{name}, request {shown.RequestUrl}: {string.Join("; ", problems)}{where}");
    }

    /// <summary>
    /// Waits, at most <see cref="ResponseTimeout"/>, for Swagger UI to show the server's response; null when it did,
    /// else what ended the wait. A browser error cuts the wait short (Swagger UI keeps spinning after one), after a
    /// brief grace in case the response still comes.
    /// </summary>
    private static async Task<string?> WaitForResponseAsync(BrowserPage browser, ILocator response)
    {
        var grace = TimeSpan.FromSeconds(2);
        var deadline = DateTime.UtcNow + ResponseTimeout;
        while (!browser.FirstError.IsCompleted && DateTime.UtcNow < deadline)
        {
            if (await AppearsAsync(response, TimeSpan.FromMilliseconds(500)))
            {
                return null;
            }
        }

        var why = browser.FirstError.IsCompleted
            ? $"the browser reported the error below, and {grace.TotalSeconds:0} s later still nothing."
            : $"nothing in {ResponseTimeout.TotalSeconds:0} s.";
        return await AppearsAsync(response, grace) ? null : why;
    }

    private static async Task<bool> AppearsAsync(ILocator locator, TimeSpan within)
    {
        try
        {
            await locator.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)within.TotalMilliseconds });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>What an operation that never answered shows instead: its spinner, validation messages, invalid fields.</summary>
    private static async Task<string> DescribeStuckAsync(ILocator block)
    {
        var parts = new List<string>();
        if (await block.Locator(".loading-container").IsVisibleAsync())
        {
            parts.Add("Its loading spinner was still turning.");
        }

        foreach (var message in await block.Locator(".validation-errors, .errors-wrapper").AllInnerTextsAsync())
        {
            parts.Add($"It shows: '{SwaggerUi.Flatten(message)}'.");
        }

        var invalid = await block.Locator(".parameters tr:has(.invalid) .parameter__name").AllInnerTextsAsync();
        if (invalid.Count > 0)
        {
            parts.Add($"It marks these parameters invalid: {string.Join(", ", invalid.Select(SwaggerUi.Flatten))}.");
        }

        return parts.Count == 0 ? "It shows neither a spinner nor a validation message." : string.Join(" ", parts);
    }

    private static bool ParsesAsJson(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>A GET operation as the served document lists it, with the array parameters whose example is not an array.</summary>
public sealed record DocumentedOperation(string Tag, string Path, IReadOnlyList<string> ArraysWithScalarExamples);
