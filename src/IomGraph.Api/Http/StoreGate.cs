using IomGraph.Api.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace IomGraph.Api.Http;

/// <summary>
/// Until the store has been ready once, every graph request (under /api) answers 503 problem+json with a Retry-After
/// of the seconds until the next attempt to reach the store, without touching the store. Afterwards the store's own
/// errors answer 503 (ProblemExceptionHandler), so that requests recover as soon as the store does.
/// </summary>
public static class StoreGate
{
    public static IApplicationBuilder UseStoreGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var status = context.RequestServices.GetRequiredService<StoreStatus>();
        if (status.HasBeenReady || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var (state, reason, _) = status.Snapshot();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = status.RetryAfterSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = state == StoreState.Seeding ? "Store being prepared" : "Store unavailable",
                Detail = $"The API is not ready: {reason} Nothing was changed; try again after Retry-After seconds.",
            },
        });
    });
}
