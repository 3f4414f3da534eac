using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IomGraph.Api.Http.OpenApi;

/// <summary>
/// Declares on every operation who may call it: the API key on writes, so that Swagger UI's Authorize applies it there,
/// and an explicit <c>security: []</c> on public reads, so that linters and generated clients know they need nothing.
/// </summary>
public sealed class SecurityFilter : IOperationFilter
{
    public const string SchemeId = "ApiKey";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var needsKey = ApiKeys.RequiresApiKey(context.ApiDescription.ActionDescriptor.EndpointMetadata);
        operation.Security = needsKey
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] }]
            : [];
    }
}
