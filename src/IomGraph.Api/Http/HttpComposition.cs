using System.Text.Json.Serialization;
using FluentValidation;
using IomGraph.Api.Endpoints;
using IomGraph.Api.Http.OpenApi;

namespace IomGraph.Api.Http;

/// <summary>The HTTP side of the API: JSON, problems, request validators, API keys, health, OpenAPI, CORS, the read cache, rate limits, request timeouts and forwarded headers.</summary>
public static class HttpComposition
{
    public static IServiceCollection AddGraphApi(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>()
            .BindConfiguration(ImportOptions.Section)
            .Validate(o => o.MaxRequestBytes > 0, "Import:MaxRequestBytes must be positive.")
            .ValidateOnStart();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });

        // With ThrowOnBadRequest, a parameter that does not bind ("limit=abc") throws, and ProblemExceptionHandler
        // (ErrorHandling.cs) names it from the framework's message; ValidationApiTests pin both halves.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: false);
        services.AddApiKeys();
        services.AddGraphHealthChecks();
        services.AddGraphOpenApi();
        services.AddGraphCors();
        services.AddReadCache();
        services.AddRateLimits();
        services.AddGraphRequestTimeouts();
        services.AddGraphForwardedHeaders();
        return services;
    }
}
