using System.Text.RegularExpressions;
using IomGraph.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace IomGraph.Api.Http;

/// <summary>
/// Turns the exceptions that reach the pipeline into problem+json: a parameter that could not be bound is a 400 naming it,
/// an unavailable store is a 503, and anything else is a 500 that reveals nothing of the server.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, Hosting.StoreStatus status, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case BadHttpRequestException bad:
                var match = BindFailure().Match(bad.Message);
                var parameter = match.Success ? Camel(match.Groups["name"].Value) : null;
                problem = parameter is null
                    ? new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message }
                    : new HttpValidationProblemDetails(new Dictionary<string, string[]>
                    {
                        [parameter] = [$"'{parameter}' has a value of the wrong type: {match.Groups["value"].Value}."],
                    })
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "Invalid request parameters",
                        Detail = "One or more request parameters are invalid. See 'errors', keyed by parameter name.",
                    };
                break;
            case StoreUnavailableException unavailable:
                LogStoreUnavailable(logger, unavailable);
                httpContext.Response.Headers.RetryAfter = status.HasBeenReady ? "5" : status.RetryAfterSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Store unavailable",
                    Detail = "The graph store cannot be reached right now. Nothing was changed; try again shortly.",
                };
                break;
            case OperationCanceledException when cancellationToken.IsCancellationRequested || httpContext.RequestAborted.IsCancellationRequested:
                return true;
            default:
                LogUnhandled(logger, exception);
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "Internal error",
                    Detail = "The server failed to answer this request. The error has been logged.",
                };
                break;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static string Camel(string name) => name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    // "Failed to bind parameter "int? Limit" from "abc"."
    [GeneratedRegex("""parameter "(?:[^"]*\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex BindFailure();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The graph store is unavailable")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
