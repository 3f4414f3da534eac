using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IomGraph.Api.Tests;

/// <summary>
/// The API on a real socket (Kestrel on 127.0.0.1, a free port), for clients that are not .NET: a generated TypeScript
/// client, a browser. The store is an in-memory SQLite database, seeded, unless the settings say otherwise.
/// </summary>
public sealed class KestrelApi : ApiFactory
{
    public KestrelApi(IDictionary<string, string?> settings)
        : base(settings)
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    /// <summary>Starts the server and returns its base address, such as http://127.0.0.1:41234.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no address.");
        return new Uri(addresses.First());
    }
}
