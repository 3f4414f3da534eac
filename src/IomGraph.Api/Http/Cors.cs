using IomGraph.Api.Application;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IomGraph.Api.Http;

/// <summary>Settings under <c>Cors</c>: which browser origins may read, and which may write.</summary>
public sealed class CorsSettings
{
    public const string Section = "Cors";

    /// <summary>
    /// Origins whose pages may read (GET, HEAD); <c>*</c> is every origin, as appsettings.json sets it: the graph is public.
    /// The default here is empty because the configuration binder appends to a list rather than replacing it.
    /// </summary>
    public IReadOnlyList<string> ReadOrigins { get; set; } = [];

    /// <summary>Origins whose pages may write (PUT, POST, DELETE), with a curator's key. None by default.</summary>
    public IReadOnlyList<string> WriteOrigins { get; set; } = [];

    /// <summary>How long a browser may cache a preflight's answer.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Cross-origin access. Reads are open to <see cref="CorsSettings.ReadOrigins"/>; writes only to
/// <see cref="CorsSettings.WriteOrigins"/>. The policy follows the method the browser will send (for a preflight, the
/// one it announces in Access-Control-Request-Method), so a path that is read and written, such as
/// <c>/api/v1/actors/{id}</c>, is readable from anywhere and writable only from the listed origins. The CORS middleware
/// answers preflights itself, before routing would answer 405.
/// </summary>
public sealed class GraphCorsPolicyProvider(IOptionsMonitor<CorsSettings> settings) : ICorsPolicyProvider
{
    /// <summary>Request headers a page may send: content type, conditional requests and the curator key.</summary>
    public static readonly string[] AllowedHeaders =
        [HeaderNames.Accept, HeaderNames.ContentType, HeaderNames.IfMatch, HeaderNames.IfNoneMatch, AuthOptions.HeaderName];

    /// <summary>Response headers a page may read.</summary>
    public static readonly string[] ExposedHeaders =
        [HeaderNames.ETag, HeaderNames.Location, HeaderNames.RetryAfter, HeaderNames.ContentDisposition, GraphVersion.HeaderName];

    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];
    private static readonly string[] WriteMethods = [HttpMethods.Put, HttpMethods.Post, HttpMethods.Delete];

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.Request.Method;
        if (HttpMethods.IsOptions(method) && context.Request.Headers.TryGetValue(CorsConstants.AccessControlRequestMethod, out var announced))
        {
            method = announced.ToString();
        }

        var current = settings.CurrentValue;
        var isRead = ReadMethods.Contains(method, StringComparer.OrdinalIgnoreCase);
        return Task.FromResult<CorsPolicy?>(Build(isRead ? current.ReadOrigins : current.WriteOrigins, isRead ? ReadMethods : WriteMethods, current.PreflightMaxAge));
    }

    private static CorsPolicy Build(IReadOnlyList<string> origins, string[] methods, TimeSpan maxAge)
    {
        var policy = new CorsPolicyBuilder()
            .WithMethods(methods)
            .WithHeaders(AllowedHeaders)
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(maxAge);
        _ = origins.Contains("*") ? policy.AllowAnyOrigin() : policy.WithOrigins([.. origins]);
        return policy.Build();
    }
}

public static class CorsExtensions
{
    public static IServiceCollection AddGraphCors(this IServiceCollection services)
    {
        services.AddOptions<CorsSettings>()
            .BindConfiguration(CorsSettings.Section)
            .Validate(o => o.ReadOrigins.Concat(o.WriteOrigins).All(IsOrigin), "Cors:ReadOrigins and Cors:WriteOrigins must list origins such as https://example.org (scheme, host and optional port; no path), or '*'.")
            .Validate(o => !o.WriteOrigins.Contains("*"), "Cors:WriteOrigins may not be '*': list the origins allowed to write.")
            .ValidateOnStart();
        services.AddCors();
        services.AddSingleton<ICorsPolicyProvider, GraphCorsPolicyProvider>();
        return services;
    }

    private static bool IsOrigin(string origin) =>
        origin == "*"
        || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && !origin.EndsWith('/')
            && string.IsNullOrEmpty(uri.Query));
}
