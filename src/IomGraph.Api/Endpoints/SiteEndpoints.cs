using System.Net.Mime;
using IomGraph.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IomGraph.Api.Endpoints;

/// <summary>The pages for people: the landing page at <c>/</c>, which links the explorer and Swagger UI, and the explorer's page.</summary>
public static class SiteEndpoints
{
    public static IEndpointRouteBuilder MapSite(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", GetLandingPage).ExcludeFromDescription().AnswerHead();
        app.MapGet(ExplorerBundle.RequestPath, GetExplorer).ExcludeFromDescription().AnswerHead();
        return app;
    }

    // A page without script or style, so the same strict policy as the explorer's applies.
    private const string LandingPage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>IomGraph</title></head>
        <body>
        <main>
        <h1>IomGraph</h1>
        <p>A sourced knowledge graph of the actors of global migration governance: the IOM, the Geneva and Global Migration Groups, the UN Network on Migration, UNHCR, the ILO and the states around them. Every relation cites its sources and carries a confidence.</p>
        <ul>
        <li><a href="/explore">The explorer</a>: search an actor, read its profile in sentences with their sources, see its neighbourhood drawn.</li>
        <li><a href="/swagger">The API in Swagger UI</a>: every operation, ready to run.</li>
        <li><a href="/swagger/v1/swagger.json">The OpenAPI document</a>, for clients.</li>
        </ul>
        </main>
        </body>
        </html>
        """;

    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>The explorer is not built</title></head>
        <body>
        <main>
        <h1>The explorer is not built</h1>
        <p>This server has no explorer bundle. The API's build makes it when Node.js (20.19 or later, with npm) is on the PATH: install Node.js, then run <code>dotnet build src/IomGraph.Api</code> again, or build it by hand with <code>npm ci</code> and <code>npm run build</code> in <code>src/IomGraph.Explorer</code>.</p>
        <p>The API works without it: <a href="/swagger">Swagger UI</a>.</p>
        </main>
        </body>
        </html>
        """;

    [EndpointSummary("The landing page")]
    public static ContentHttpResult GetLandingPage(HttpResponse response)
    {
        ExplorerBundle.Secure(response, "index.html");
        return TypedResults.Content(LandingPage, MediaTypeNames.Text.Html + "; charset=utf-8");
    }

    [EndpointSummary("The explorer's page, or how to build it")]
    public static Results<PhysicalFileHttpResult, ContentHttpResult> GetExplorer(HttpResponse response, IOptions<ExplorerSettings> settings)
    {
        ExplorerBundle.Secure(response, "index.html");
        return ExplorerBundle.IndexFile(settings.Value) is { } index
            ? TypedResults.PhysicalFile(index, MediaTypeNames.Text.Html + "; charset=utf-8")
            : TypedResults.Content(NotBuiltPage, MediaTypeNames.Text.Html + "; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }
}
