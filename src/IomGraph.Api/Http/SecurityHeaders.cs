using Microsoft.Net.Http.Headers;

namespace IomGraph.Api.Http;

/// <summary>
/// The headers every answer carries, errors, 304s, 429s and answers from memory included, added as the answer starts:
/// <list type="bullet">
/// <item><c>X-Content-Type-Options: nosniff</c>, so a browser never runs a JSON or CSV answer as a script or a page.</item>
/// <item><c>Referrer-Policy: no-referrer</c>: the explorer's addresses carry the question asked (actors, dates, paths),
/// and a link out to a cited source has no need to learn it. Nothing of the API or the explorer reads the Referer.</item>
/// <item>A Content-Security-Policy: the explorer's and the landing page's own (<see cref="ExplorerBundle.ContentSecurityPolicy"/>,
/// set by them), <see cref="SwaggerUiPolicy"/> under /swagger, and <see cref="ApiPolicy"/> on everything else, which
/// lets an answer load nothing and be framed by no one.</item>
/// <item><c>X-Frame-Options: DENY</c>, for browsers that do not know frame-ancestors: no page of the API is meant to be
/// framed, so no other site can overlay it to steal a click.</item>
/// </list>
/// HSTS is left to the proxy that terminates TLS (see the README): the API itself speaks plain HTTP behind it.
/// </summary>
public static class SecurityHeaders
{
    public const string ReferrerPolicy = "no-referrer";

    /// <summary>For JSON, CSV, GraphML and problem answers: nothing to load, no framing.</summary>
    public const string ApiPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Swagger UI's page: its own scripts and stylesheet (Swashbuckle serves the page's settings as index.js, so there is
    /// no inline script), its icons as data: images, and calls to this API ("Execute"). Inline styles are allowed: with
    /// style-src 'self' alone, Swagger UI's browser tests (tests/IomGraph.Browser.Tests) fail.
    /// </summary>
    public const string SwaggerUiPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public const string SwaggerPrefix = "/swagger";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(static (http, next) =>
    {
        http.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers["Referrer-Policy"] = ReferrerPolicy;
            headers[HeaderNames.XFrameOptions] = "DENY";
            if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
            {
                headers[HeaderNames.ContentSecurityPolicy] = http.Request.Path.StartsWithSegments(SwaggerPrefix, StringComparison.Ordinal)
                    ? SwaggerUiPolicy
                    : ApiPolicy;
            }

            return Task.CompletedTask;
        }, http);
        return next(http);
    });
}
