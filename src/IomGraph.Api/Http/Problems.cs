using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace IomGraph.Api.Http;

/// <summary>
/// A 404 as <c>application/problem+json</c>, written through the problem-details service so that it carries the same
/// fields (instance, traceId) as every other error. It describes itself to OpenAPI, so handlers need no <c>.Produces</c>.
/// </summary>
public sealed class NotFoundProblem(ProblemDetails problem) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status404NotFound;

    public ProblemDetails Value { get; } = problem;

    object? IValueHttpResult.Value => Value;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        var problems = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = Value });
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), ["application/problem+json"]));
}

/// <summary>The problem documents handlers return as values.</summary>
public static class Problems
{
    public static NotFoundProblem NotFound(string what, string id) => new(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = $"{what} not found",
        Detail = $"There is no {what.ToLowerInvariant()} with id '{id}'.",
    });
}
