using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace IomGraph.Browser.Tests;

/// <summary>
/// A second web server, on its own port and so its own origin, that serves the static pages of Pages/. Those pages
/// call the API cross-origin, as a front end hosted elsewhere does.
/// </summary>
public sealed class PageServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PageServer(WebApplication app, string origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>For example <c>http://127.0.0.1:41235</c>: what the browser sends as <c>Origin</c>.</summary>
    public string Origin { get; }

    public static async Task<PageServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "Pages")) });
        await app.StartAsync();
        return new PageServer(app, app.Urls.Single().TrimEnd('/'));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
