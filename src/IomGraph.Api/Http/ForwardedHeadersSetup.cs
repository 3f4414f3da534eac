using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace IomGraph.Api.Http;

/// <summary>Settings under <c>ForwardedHeaders</c>: whether the API runs behind a reverse proxy that it should trust.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Read X-Forwarded-For and X-Forwarded-Proto from trusted proxies. Off: the connection's own address and scheme count.</summary>
    public bool Enabled { get; set; }

    /// <summary>The addresses of the proxies to trust, besides the loopback address (which is always trusted).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies to trust, in CIDR notation such as 10.0.0.0/8, besides the loopback network.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// ASP.NET Core's forwarded headers, off by default: a client could otherwise name any address in X-Forwarded-For and
/// escape its rate limit. On, the client's address (for the rate limits and the logs) and the scheme (for the links
/// and the OpenAPI document's server) are the ones a trusted proxy forwards; from anyone else the headers are ignored.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddGraphForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>()
            .BindConfiguration(ForwardedHeadersSettings.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "ForwardedHeaders:KnownProxies must list IP addresses, such as 10.0.0.2.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "ForwardedHeaders:KnownNetworks must list networks in CIDR notation, such as 10.0.0.0/8.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((forwarded, settings) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in settings.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so that everything after sees the forwarded address and scheme; nothing when off.</summary>
    public static IApplicationBuilder UseGraphForwardedHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled ? app.UseForwardedHeaders() : app;
}
