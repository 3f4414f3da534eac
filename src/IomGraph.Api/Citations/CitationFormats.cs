using IomGraph.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace IomGraph.Api.Citations;

/// <summary>The representations of a citation: the operation's own JSON, CSL-JSON, BibTeX.</summary>
public enum CitationFormat
{
    Json,
    CslJson,
    BibTex,
}

/// <summary>
/// Marks an operation that answers citation data beside its JSON: what it offers, and the type whose schema its CSL-JSON
/// has (one item or a list). The OpenAPI document lists each media type.
/// </summary>
public sealed record CitationFormatsMetadata(IReadOnlyList<CitationFormat> Offered, Type CslSchema);

/// <summary>Content negotiation for citation data, by the <c>format</c> parameter or, without it, by Accept.</summary>
public static class CitationFormats
{
    /// <summary>The values of the <c>format</c> parameter, in the order of <see cref="CitationFormat"/>.</summary>
    public static readonly string[] Names = ["json", "csl-json", "bibtex"];

    public static string NameOf(CitationFormat format) => Names[(int)format];

    public static string MediaTypeOf(CitationFormat format) => format switch
    {
        CitationFormat.CslJson => CslJson.MediaType,
        CitationFormat.BibTex => BibTex.MediaType,
        _ => "application/json",
    };

    public static CitationFormat? Parse(string? name) =>
        Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? (CitationFormat)i : null;

    /// <summary>
    /// <c>format</c> wins when given (its validator keeps it to what is offered). Otherwise the first media range of
    /// Accept, by quality, that names an offered format; <c>application/json</c>, <c>application/*</c>, <c>*/*</c> or
    /// no Accept at all give the JSON. Null when Accept names nothing offered (the caller answers 406).
    /// </summary>
    public static CitationFormat? Choose(HttpRequest request, string? format, IReadOnlyList<CitationFormat> offered)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(offered);
        if (format is not null)
        {
            return Parse(format) is { } named && offered.Contains(named) ? named : null;
        }

        return AcceptHeader.TryChoose(
                request,
                mediaType => offered.FirstOrDefault(f => f != CitationFormat.Json && string.Equals(MediaTypeOf(f), mediaType, StringComparison.OrdinalIgnoreCase)) is var match
                    && match != CitationFormat.Json ? (true, match) : (false, CitationFormat.Json),
                CitationFormat.Json,
                out var chosen)
            ? chosen
            : null;
    }

    /// <summary>The 406 answer, naming what the operation can send.</summary>
    public static ProblemHttpResult NotAcceptable(IReadOnlyList<CitationFormat> offered) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status406NotAcceptable,
        Title = "Not acceptable",
        Detail = $"This operation can answer {string.Join(", ", offered.Select(MediaTypeOf))}. Ask for one in Accept, or use the 'format' parameter ({string.Join(", ", offered.Select(NameOf))}).",
    });

    /// <summary>Declares the formats: the document lists their media types and the 406; caches are told the answer varies by Accept.</summary>
    public static RouteHandlerBuilder ProducesCitationFormats(this RouteHandlerBuilder builder, Type cslSchema, params CitationFormat[] offered) =>
        builder
            .WithMetadata(new CitationFormatsMetadata([CitationFormat.Json, .. offered], cslSchema))
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status406NotAcceptable, typeof(ProblemDetails), ["application/problem+json"]))
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
                return await next(context);
            });

    /// <summary>CSL-JSON, with its media type.</summary>
    public static JsonHttpResult<T> Csl<T>(T value) => TypedResults.Json(value, contentType: CslJson.MediaType);

    /// <summary>BibTeX text, with its media type, named as a file a reference manager imports.</summary>
    public static ContentHttpResult Bib(HttpContext http, string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}.bib\"";
        return TypedResults.Text(text, BibTex.MediaType + "; charset=utf-8");
    }
}
