using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IomGraph.Api.Http;

/// <summary>Settings under <c>Explorer</c>: where the explorer's built bundle is.</summary>
public sealed class ExplorerSettings
{
    public const string Section = "Explorer";

    /// <summary>
    /// The folder holding the bundle's index.html and assets/; defaults to the copy of src/IomGraph.Explorer/dist that
    /// the build puts beside the binaries.
    /// </summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "explore");
}

/// <summary>
/// The explorer's bundle (src/IomGraph.Explorer, built by Vite): static files under <c>/explore</c>, each with its
/// content type and a Content-Security-Policy that allows only the page's own scripts, styles and API, so nothing is
/// fetched from elsewhere and no inline script could run.
/// </summary>
public static class ExplorerBundle
{
    public const string RequestPath = "/explore";

    /// <summary>
    /// What the page may load: its own module script and stylesheet, the API on the same origin, and images drawn from
    /// data and blob URLs (Cytoscape's PNG export, which the graph's Download PNG saves). No inline script or style element, no other origin, no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The built page, or null when the bundle is not there (the explorer was not built).</summary>
    public static string? IndexFile(ExplorerSettings settings)
    {
        var index = Path.Combine(settings.Path, "index.html");
        return File.Exists(index) ? index : null;
    }

    public static IServiceCollection AddExplorer(this IServiceCollection services)
    {
        services.AddOptions<ExplorerSettings>().BindConfiguration(ExplorerSettings.Section);
        return services;
    }

    /// <summary>Serves the bundle's assets under /explore/; the page itself is an endpoint (SiteEndpoints).</summary>
    public static IApplicationBuilder UseExplorerBundle(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<IOptions<ExplorerSettings>>().Value;
        if (!Directory.Exists(settings.Path))
        {
            return app;
        }

        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.GetFullPath(settings.Path)),
            RequestPath = RequestPath,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context => Secure(context.Context.Response, context.File.Name),
        });
    }

    /// <summary>The headers every file of the explorer carries; Vite names assets by their hash, so those never change.</summary>
    public static void Secure(HttpResponse response, string fileName)
    {
        response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.CacheControl] = fileName.EndsWith(".html", StringComparison.Ordinal)
            ? "no-cache"
            : "public, max-age=31536000, immutable";
    }
}
