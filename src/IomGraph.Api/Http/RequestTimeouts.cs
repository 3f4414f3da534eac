using System.Globalization;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IomGraph.Api.Http;

/// <summary>Settings under <c>RequestTimeouts</c>: how long an expensive operation may take (see <see cref="RequestTimeouts"/>).</summary>
public sealed class RequestTimeoutOptions
{
    public const string Section = "RequestTimeouts";

    /// <summary>Bound the time of expensive operations at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a neighbourhood, paths or an export may run before it is cancelled (default 30 seconds).</summary>
    public TimeSpan Expensive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an import may run before it is cancelled and rolled back (default 5 minutes: a big bundle takes a while).</summary>
    public TimeSpan Import { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Timeouts for expensive operations, by ASP.NET Core's request timeouts: past its time, the request's token is
/// cancelled, which stops the store's work (SQLite interrupts the running statement, Neo4j's HTTP request is
/// cancelled), and the answer is 504 problem+json saying the request took too long. 504, not 503: the store was there
/// and answered nothing in time, so retrying the same question will not help; a narrower one may. An export that has
/// begun to stream cannot change its status any more: its connection is closed instead.
/// </summary>
public static class RequestTimeouts
{
    public const string ExpensivePolicy = "expensive";

    public const string ImportPolicy = "import";

    public static IServiceCollection AddGraphRequestTimeouts(this IServiceCollection services)
    {
        services.AddOptions<RequestTimeoutOptions>()
            .BindConfiguration(RequestTimeoutOptions.Section)
            .Validate(o => o.Expensive > TimeSpan.Zero, "RequestTimeouts:Expensive must be a positive time span, such as 00:00:30 for 30 seconds.")
            .Validate(o => o.Import > TimeSpan.Zero, "RequestTimeouts:Import must be a positive time span, such as 00:05:00 for 5 minutes.")
            .ValidateOnStart();
        services.AddRequestTimeouts();
        services.AddOptions<Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutOptions>()
            .Configure<IOptions<RequestTimeoutOptions>>((timeouts, settings) =>
            {
                timeouts.AddPolicy(ExpensivePolicy, Policy(settings.Value.Expensive));
                timeouts.AddPolicy(ImportPolicy, Policy(settings.Value.Import));
            });
        return services;
    }

    /// <summary>Runs the timeouts, after routing (which chose each request's policy); nothing when they are off.</summary>
    public static IApplicationBuilder UseGraphRequestTimeouts(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<RequestTimeoutOptions>>().Value.Enabled ? app.UseRequestTimeouts() : app;

    private static RequestTimeoutPolicy Policy(TimeSpan timeout) => new()
    {
        Timeout = timeout,
        TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        WriteTimeoutResponse = http => WriteTimeoutAsync(http, timeout),
    };

    private static Task WriteTimeoutAsync(HttpContext http, TimeSpan timeout)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status504GatewayTimeout,
            Title = "Request took too long",
            Detail = string.Create(CultureInfo.InvariantCulture, $"The request was stopped after {timeout.TotalSeconds:0.###} seconds, and the store's work on it cancelled. Nothing was changed. Ask a narrower question: a smaller depth, fewer hops, or a filtered export."),
        };

        // The request's token is the cancelled timeout's here: a pipe flushed with it keeps its bytes and writes them
        // again on the next flush (the read cache's), so the problem is written without it. The middleware puts the
        // request's own token back when it returns.
        http.RequestAborted = CancellationToken.None;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }
}
