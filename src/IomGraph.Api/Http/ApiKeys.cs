using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
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

/// <summary>
/// Authenticates a request by a configured key in <c>X-Api-Key</c>, compared in constant time with every key; the
/// key's name becomes <c>User.Identity.Name</c>, the author of what the request writes. A request without the header
/// is anonymous; reads need nothing, writes need the <see cref="ApiKeys.CuratorPolicy"/>. Its challenge answers in
/// problem+json: 403 when no key is configured (writes are off), 401 for a missing or unknown key.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<AuthOptions> keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var configured = keys.CurrentValue.ApiKeys;
        if (configured.Count == 0 || !Request.Headers.TryGetValue(AuthOptions.HeaderName, out var presented) || string.IsNullOrEmpty(presented.ToString()))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (Match(configured, presented.ToString()) is not { } name)
        {
            return Task.FromResult(AuthenticateResult.Fail($"The key in {AuthOptions.HeaderName} is not one this server accepts."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (keys.CurrentValue.ApiKeys.Count == 0)
        {
            await ProblemAsync(StatusCodes.Status403Forbidden, "Writes are disabled",
                "This server has no API keys configured, so it accepts no writes. An operator enables them with Auth:ApiKeys:<name>=<key> (environment variable Auth__ApiKeys__<name>).");
            return;
        }

        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{AuthOptions.HeaderName}\"";
        var result = await HandleAuthenticateOnceSafeAsync();
        await (result.Failure is { } failure
            ? ProblemAsync(StatusCodes.Status401Unauthorized, "API key not recognised", failure.Message)
            : ProblemAsync(StatusCodes.Status401Unauthorized, "API key required", $"Writes need a curator's API key in the {AuthOptions.HeaderName} header."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "This key may not make this write.");

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

    private Task ProblemAsync(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail }).ExecuteAsync(Context);
}

public static class ApiKeys
{
    /// <summary>The authorisation policy of every write: a request authenticated by a curator's key.</summary>
    public const string CuratorPolicy = "curator";

    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .Validate(o => o.ApiKeys.All(k => k.Value.Length >= AuthOptions.MinimumKeyLength), $"Every Auth:ApiKeys entry must be at least {AuthOptions.MinimumKeyLength} characters long.")
            .Validate(o => o.ApiKeys.Keys.All(n => n.Length is > 0 and <= 100), "Auth:ApiKeys names must be 1 to 100 characters.")
            .ValidateOnStart();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(CuratorPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Requires a curator key on an endpoint or on every endpoint of a group, and documents 401 and 403.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(CuratorPolicy);
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemDetails), ["application/problem+json"]),
            new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ProblemDetails), ["application/problem+json"]));
        return builder;
    }

    /// <summary>True when the endpoint needs a curator key: OpenAPI documents the requirement from it.</summary>
    public static bool RequiresApiKey(IEnumerable<object> endpointMetadata) =>
        endpointMetadata.OfType<IAuthorizeData>().Any(a => a.Policy == CuratorPolicy);

    /// <summary>The curator who makes the current write: the name of the key that authenticated it.</summary>
    public static string Curator(this ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? name
            : throw new InvalidOperationException("A write ran without the curator policy.");
}
