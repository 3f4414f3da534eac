using Microsoft.Playwright;

namespace IomGraph.Browser.Tests;

/// <summary>What the Swagger UI journeys know of Swagger UI's page: where an operation is, and how to read its answer.</summary>
public static class SwaggerUi
{
    public const string IndexPath = "/swagger/index.html";

    /// <summary>
    /// An operation's block. Swagger UI's element id for it is its first tag and its operationId, with spaces made
    /// underscores.
    /// </summary>
    public static ILocator Operation(IPage page, string tag, string operationId) =>
        page.Locator($"[id=\"operations-{tag.Replace(' ', '_')}-{operationId}\"]");

    /// <summary>The response Swagger UI shows under <em>Server response</em> once a request has been answered.</summary>
    public static ILocator LiveResponse(ILocator operation) => operation.Locator(".live-responses-table tr.response");

    /// <summary>What the operation's <see cref="LiveResponse"/> shows: status cell, request URL, headers and body.</summary>
    public static async Task<ShownResponse> ReadResponseAsync(ILocator operation)
    {
        var response = LiveResponse(operation);
        var statusText = Flatten(await response.Locator(".response-col_status").InnerTextAsync());
        var requestUrl = await operation.Locator(".request-url pre").AllInnerTextsAsync();
        var headers = (await response.Locator(".headerline").AllInnerTextsAsync())
            .Select(h => h.Split(':', 2))
            .Where(h => h.Length == 2)
            .ToDictionary(h => h[0].Trim(), h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var download = response.Locator("a[download]");
        var isDownload = await download.CountAsync() > 0;
        var body = await response.Locator(".highlight-code pre").AllTextContentsAsync();
        return new ShownResponse(
            int.TryParse(statusText, out var status) ? status : null,
            statusText,
            requestUrl.Count > 0 ? Flatten(requestUrl[0]) : "(none shown)",
            headers.GetValueOrDefault("content-type", "(none)"),
            headers.GetValueOrDefault("content-disposition", "(none)"),
            isDownload,
            isDownload ? await download.First.GetAttributeAsync("download") ?? "" : "",
            body.Count > 0 ? body[0] : "");
    }

    /// <summary>Whitespace runs, line breaks included, made single spaces: Swagger UI's cells break lines freely.</summary>
    public static string Flatten(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}

/// <summary>A response as Swagger UI shows it.</summary>
public sealed record ShownResponse(int? Status, string StatusText, string RequestUrl, string ContentType, string ContentDisposition, bool IsDownload, string DownloadName, string Body)
{
    /// <summary>The media type alone, without parameters: <c>application/json</c>, <c>application/problem+json</c>.</summary>
    public string MediaType => ContentType.Split(';')[0].Trim();

    public bool IsJson => MediaType == "application/json" || MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}
