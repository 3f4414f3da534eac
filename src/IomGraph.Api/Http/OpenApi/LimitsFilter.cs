using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.Net.Http.Headers;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IomGraph.Api.Http.OpenApi;

/// <summary>
/// Documents what <see cref="RateLimits"/> and <see cref="RequestTimeouts"/> answer: the 429 with its Retry-After header
/// on every operation under /api/v1, and the 504 on the expensive ones. Runs before <see cref="GraphVersionHeaderFilter"/>,
/// so that both name the graph's version too.
/// </summary>
public sealed class LimitsFilter : IDocumentFilter
{
    public const string TooManyRequestsDescription =
        "Too many requests: this client (the API key's name, or else the address) has used its budget for now. Wait for " +
        "the seconds that Retry-After gives. Neighbourhoods of depth 2 or more, paths, exports and imports also have a " +
        "tighter budget of their own; an answer from memory or a 304 counts only against the general one.";

    public const string TimeoutDescription =
        "The request took longer than this server allows and was stopped; the store's work on it was cancelled and " +
        "nothing was changed. Ask a narrower question: a smaller depth, fewer hops, or a filtered export.";

    public const string RetryAfterDescription = "How many seconds to wait before the next request counts again.";

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        swaggerDoc.Components ??= new OpenApiComponents();
        swaggerDoc.Components.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        swaggerDoc.Components.Headers[HeaderNames.RetryAfter] = new OpenApiHeader
        {
            Description = RetryAfterDescription,
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]+$" },
            Example = JsonValue.Create("42"),
        };

        foreach (var (path, item) in swaggerDoc.Paths)
        {
            if (!path.StartsWith(GraphVersionHeader.ApiPrefix + "/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var operation in item.Operations?.Values.AsEnumerable() ?? [])
            {
                if (operation.Responses is not { } responses)
                {
                    continue;
                }

                if (responses.TryGetValue("429", out var tooMany) && tooMany is OpenApiResponse limited)
                {
                    limited.Description = TooManyRequestsDescription;
                    limited.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                    limited.Headers[HeaderNames.RetryAfter] = new OpenApiHeaderReference(HeaderNames.RetryAfter, swaggerDoc);
                }

                if (responses.TryGetValue("504", out var timeout) && timeout is OpenApiResponse late)
                {
                    late.Description = TimeoutDescription;
                }
            }
        }
    }
}
