using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IomGraph.Browser.Tests;

/// <summary>
/// The API on a real socket (Kestrel on 127.0.0.1, a port the OS picks), since a browser cannot reach the in-memory
/// TestServer. It runs on an in-memory SQLite store seeded from seed-data, like the API tests' factory.
/// </summary>
public sealed class KestrelApi : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Graph:Provider"] = "Sqlite",
        ["Graph:Sqlite:Path"] = ":memory:",

        // The API's start-up and request logs would bury the test report; warnings and errors still show.
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private KestrelApi(IDictionary<string, string?> settings)
    {
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }

        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the API listens, for example <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string Origin { get; private set; } = "";

    /// <summary>A client of the real socket, for checking what the browser did.</summary>
    public HttpClient Http { get; private set; } = null!;

    public static KestrelApi Start(IDictionary<string, string?>? settings = null)
    {
        var api = new KestrelApi(settings ?? new Dictionary<string, string?>());
        api.StartServer();
        var address = api.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        api.Origin = address.TrimEnd('/');
        api.Http = new HttpClient { BaseAddress = new Uri(api.Origin + "/") };
        return api;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program registers its services.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await base.DisposeAsync();
    }
}
