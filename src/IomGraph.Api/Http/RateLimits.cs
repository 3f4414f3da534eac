using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IomGraph.Api.Http;

/// <summary>Settings under <c>RateLimits</c>: how many requests one client may make (see <see cref="RateLimits"/>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Limit requests at all. Off, every request is served, however many a client sends.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Every request under /api/v1, answers from memory and 304s included.</summary>
    public BudgetOptions General { get; set; } = new() { PermitLimit = 1200, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Requests that make the store work hard: neighbourhoods of depth 2 or more, paths, exports and imports, when they
    /// reach their handler (an answer from memory or a 304 costs the store nothing and does not count here).
    /// </summary>
    public BudgetOptions Expensive { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>A budget: at most <see cref="PermitLimit"/> requests per client in each <see cref="Window"/>.</summary>
public sealed class BudgetOptions
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>
/// Marks an operation that makes the store work hard: it counts against the expensive budget too, and has the
/// expensive requests' timeout. <see cref="Applies"/> narrows it to some of the operation's requests (depth 2 or more).
/// </summary>
public sealed class ExpensiveOperationMetadata(Func<HttpRequest, bool>? applies = null)
{
    public bool Applies(HttpRequest request) => applies?.Invoke(request) ?? true;
}

/// <summary>
/// Per-client budgets, by ASP.NET Core's rate limiter: a client is the API key's name when a valid key is sent, else the
/// remote address (behind a proxy, the forwarded one only when forwarded headers are configured, see
/// <see cref="ForwardedHeadersSetup"/>). A fixed window per budget; a client over one is answered 429 problem+json with
/// Retry-After, and another client is served as before. The general budget sits before the read cache, so that a
/// cheap answer from memory or a 304 still counts: a script cannot poll without limit. The expensive budget sits after
/// it, so that only requests whose handler runs, and so the store works, count: reading the same depth-2 neighbourhood
/// again while nothing changed costs nothing.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.General.PermitLimit > 0, "RateLimits:General:PermitLimit must be a positive number of requests.")
            .Validate(o => o.General.Window > TimeSpan.Zero, "RateLimits:General:Window must be a positive time span, such as 00:01:00 for a minute.")
            .Validate(o => o.Expensive.PermitLimit > 0, "RateLimits:Expensive:PermitLimit must be a positive number of requests.")
            .Validate(o => o.Expensive.Window > TimeSpan.Zero, "RateLimits:Expensive:Window must be a positive time span, such as 00:01:00 for a minute.")
            .ValidateOnStart();

        // The middleware's own services; each budget brings its options to UseRateLimiter.
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>Documents the 429 on every operation of a group that the general budget counts (everything under /api/v1).</summary>
    public static TBuilder RateLimited<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails), ["application/problem+json"]));

    /// <summary>
    /// Marks an operation as expensive, for every request or for those <paramref name="applies"/> picks, and gives it the
    /// request timeout <paramref name="timeoutPolicy"/> (<see cref="RequestTimeouts"/>), for all of its requests.
    /// </summary>
    public static TBuilder Expensive<TBuilder>(this TBuilder builder, Func<HttpRequest, bool>? applies = null, string timeoutPolicy = RequestTimeouts.ExpensivePolicy)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new ExpensiveOperationMetadata(applies));
        builder.WithRequestTimeout(timeoutPolicy);
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status504GatewayTimeout, typeof(ProblemDetails), ["application/problem+json"]));
        return builder;
    }

    /// <summary>The general budget: every request under /api/v1. Before the read cache.</summary>
    public static IApplicationBuilder UseGeneralRateLimit(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return options.Enabled
            ? app.UseRateLimiter(Limiter(options.General, "general", "requests", static http => IsApi(http.Request)))
            : app;
    }

    /// <summary>The expensive budget: requests to expensive operations whose handler runs. After the read cache.</summary>
    public static IApplicationBuilder UseExpensiveRateLimit(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return options.Enabled
            ? app.UseRateLimiter(Limiter(options.Expensive, "expensive", "expensive requests (neighbourhoods of depth 2 or more, paths, exports, imports)", IsExpensive))
            : app;
    }

    /// <summary>Who a request counts against: the key's name when a valid key was sent, else the remote address.</summary>
    public static string ClientOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? "key:" + name
            : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    /// <summary>A neighbourhood of depth 2 or more: at depth 1 (the explorer's graph) it is one step of the walk.</summary>
    public static bool IsDeepNeighbourhood(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return int.TryParse(request.Query["depth"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var depth) && depth >= 2;
    }

    public static bool IsExpensive(HttpContext http) =>
        IsApi(http.Request) && http.GetEndpoint()?.Metadata.GetMetadata<ExpensiveOperationMetadata>() is { } expensive && expensive.Applies(http.Request);

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(GraphVersionHeader.ApiPrefix, StringComparison.Ordinal);

    private static RateLimiterOptions Limiter(BudgetOptions budget, string name, string what, Func<HttpContext, bool> counts)
    {
        var window = new FixedWindowRateLimiterOptions
        {
            PermitLimit = budget.PermitLimit,
            Window = budget.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        return new RateLimiterOptions
        {
            GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => counts(http)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientOf(http), _ => window)
                : RateLimitPartition.GetNoLimiter(string.Empty)),
            OnRejected = (context, _) => RejectAsync(context, budget, name, what),
        };
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, BudgetOptions budget, string name, string what)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : budget.Window;
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var client = http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } key } ? $"the key '{key}'" : "this address";
        var problem = new ProblemDetails
        {
            // ASP.NET Core's defaults name a type for the statuses of RFC 9110; 429 is RFC 6585's.
            Type = "https://tools.ietf.org/html/rfc6585#section-4",
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests",
            Detail = string.Create(CultureInfo.InvariantCulture, $"Requests from {client} have used the {name} budget of {budget.PermitLimit} {what} per {Describe(budget.Window)}. Try again in {seconds} seconds."),
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    private static string Describe(TimeSpan window) => window switch
    {
        { TotalHours: 1 } => "hour",
        { TotalMinutes: 1 } => "minute",
        { TotalSeconds: 1 } => "second",
        _ => string.Create(CultureInfo.InvariantCulture, $"{window.TotalSeconds:0.###} seconds"),
    };
}
