using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IomGraph.Api.Http;

/// <summary>Settings under <c>Auth</c>: named curator keys, <c>Auth:ApiKeys:&lt;name&gt;=&lt;key&gt;</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public const string HeaderName = "X-Api-Key";

    public const int MinimumKeyLength = 16;

    /// <summary>Key name → key. The name is who the change log says wrote.</summary>
    public Dictionary<string, string> ApiKeys { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>Marks an endpoint as a write that needs a curator key; OpenAPI documents the requirement from it.</summary>
public sealed class RequiresApiKeyMetadata
{
    public static RequiresApiKeyMetadata Instance { get; } = new();
}

/// <summary>
/// Lets a write through only with a configured key in <c>X-Api-Key</c>, compared in constant time with every key.
/// No key configured: 403, writes are off. No header: 401. A wrong key: 401. The key's name becomes the author.
/// </summary>
public sealed class ApiKeyFilter(IOptionsMonitor<AuthOptions> options) : IEndpointFilter
{
    public const string AuthorItem = "iomgraph.author";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var keys = options.CurrentValue.ApiKeys;
        if (keys.Count == 0)
        {
            return Problem(StatusCodes.Status403Forbidden, "Writes are disabled",
                "This server has no API keys configured, so it accepts no writes. An operator enables them with Auth:ApiKeys:<name>=<key> (environment variable Auth__ApiKeys__<name>).");
        }

        if (!http.Request.Headers.TryGetValue(AuthOptions.HeaderName, out var presented) || string.IsNullOrEmpty(presented.ToString()))
        {
            http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{AuthOptions.HeaderName}\"";
            return Problem(StatusCodes.Status401Unauthorized, "API key required", $"Writes need a curator's API key in the {AuthOptions.HeaderName} header.");
        }

        var name = Match(keys, presented.ToString());
        if (name is null)
        {
            http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{AuthOptions.HeaderName}\"";
            return Problem(StatusCodes.Status401Unauthorized, "API key not recognised", $"The key in {AuthOptions.HeaderName} is not one this server accepts.");
        }

        http.Items[AuthorItem] = name;
        return await next(context);
    }

    /// <summary>The name of the matching key. Every key is compared, in constant time, so timing reveals nothing.</summary>
    internal static string? Match(IReadOnlyDictionary<string, string> keys, string presented)
    {
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? match = null;
        foreach (var (name, key) in keys)
        {
            var keyHash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
            if (CryptographicOperations.FixedTimeEquals(presentedHash, keyHash))
            {
                match ??= name;
            }
        }

        return match;
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}

public static class ApiKeyExtensions
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .Validate(o => o.ApiKeys.All(k => k.Value.Length >= AuthOptions.MinimumKeyLength), $"Every Auth:ApiKeys entry must be at least {AuthOptions.MinimumKeyLength} characters long.")
            .Validate(o => o.ApiKeys.Keys.All(n => n.Length is > 0 and <= 100), "Auth:ApiKeys names must be 1 to 100 characters.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Requires a curator key on an endpoint or on every endpoint of a group, and documents 401 and 403.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter<TBuilder, ApiKeyFilter>();
        builder.WithMetadata(
            RequiresApiKeyMetadata.Instance,
            new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemDetails), ["application/problem+json"]),
            new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ProblemDetails), ["application/problem+json"]));
        return builder;
    }

    /// <summary>The author of the current write, set by <see cref="ApiKeyFilter"/>.</summary>
    public static string Author(this HttpContext context) =>
        context.Items[ApiKeyFilter.AuthorItem] as string ?? throw new InvalidOperationException("A write endpoint ran without ApiKeyFilter.");
}
