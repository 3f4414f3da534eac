using IomGraph.Formats;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace IomGraph.Api.Http;

/// <summary>
/// Marks an operation that answers a graph in several representations: its own JSON (when <see cref="DefaultFormat"/> is
/// null) or one of the export formats, chosen by the <c>format</c> parameter or, without it, by <c>Accept</c>.
/// </summary>
public sealed record GraphRepresentationsMetadata(IGraphFormat? DefaultFormat);

/// <summary>A text representation an operation also answers beside its JSON (the OpenAPI document lists it second).</summary>
public sealed record AlsoAnswersMetadata(string MediaType, string Description);

/// <summary>The representation a request asked for: the operation's own JSON (<see cref="Format"/> null) or a file format.</summary>
public sealed record Representation(IGraphFormat? Format);

/// <summary>Content negotiation for operations that answer graphs.</summary>
public static class Representations
{
    private static readonly string[] OwnJson = ["application/json"];

    /// <summary>
    /// <c>format</c> wins when given. Otherwise the first media range of <c>Accept</c>, by quality, that names a format's
    /// media type picks it; <c>application/json</c>, <c>application/*</c>, <c>*/*</c> or no Accept at all pick the default.
    /// Null when Accept names nothing this operation can send (the caller answers 406).
    /// </summary>
    public static Representation? Choose(HttpRequest request, string? format, IGraphFormat? defaultFormat)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (format is not null)
        {
            return new Representation(Requests.QueryRules.Format(format));
        }

        return AcceptHeader.TryChoose(
                request,
                mediaType => GraphFormats.All.FirstOrDefault(f => string.Equals(f.ContentType, mediaType, StringComparison.OrdinalIgnoreCase)) is { } named ? (true, named) : (false, null),
                defaultFormat,
                out var chosen)
            ? new Representation(chosen)
            : null;
    }

    /// <summary>The 406 answer, naming what the operation can send.</summary>
    public static ProblemHttpResult NotAcceptable(IGraphFormat? defaultFormat)
    {
        var types = (defaultFormat is null ? OwnJson : []).Concat(GraphFormats.All.Select(f => f.ContentType)).Distinct();
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status406NotAcceptable,
            Title = "Not acceptable",
            Detail = $"This operation can answer {string.Join(", ", types)}. Ask for one in Accept, or use the 'format' parameter.",
        });
    }

    /// <summary>
    /// Declares that the operation answers its own JSON by default (or <paramref name="defaultFormat"/>) and every export
    /// format on request; the OpenAPI document lists each media type, and caches are told the answer varies by Accept.
    /// </summary>
    public static RouteHandlerBuilder ProducesGraphRepresentations(this RouteHandlerBuilder builder, IGraphFormat? defaultFormat = null) =>
        builder
            .WithMetadata(new GraphRepresentationsMetadata(defaultFormat))
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status406NotAcceptable, typeof(ProblemDetails), ["application/problem+json"]))
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
                return await next(context);
            });
}
