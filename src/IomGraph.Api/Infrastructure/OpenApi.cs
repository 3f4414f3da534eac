using System.ComponentModel;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IomGraph.Api.Infrastructure;

public static class OpenApiExtensions
{
    public static IServiceCollection AddGraphOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "IomGraph API",
                Version = "v1",
                Description = "A sourced knowledge graph of the actors of global migration governance (the IOM, the Geneva and Global Migration Groups, "
                    + "the UN Network on Migration, the Berne Initiative, UNHCR, the ILO, UN bodies and member states) and their typed, dated relations. "
                    + "Every relation cites its sources with a quote and carries a confidence. Try GET /api/v1/actors/iom or /api/v1/paths?from=usa&to=unhcr.",
            });
            o.ParameterFilter<ParameterMetadataFilter>();
            o.AddSecurityDefinition(ApiKeySecurityFilter.SchemeId, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = AuthOptions.HeaderName,
                Description = "A curator's API key, for writes and imports. Reads need none. Operators configure keys as Auth:ApiKeys:<name>=<key>.",
            });
            o.OperationFilter<ApiKeySecurityFilter>();
            o.SupportNonNullableReferenceTypes();
            o.CustomSchemaIds(t => t.IsGenericType
                ? t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(t.GetGenericArguments().Select(a => a.Name))
                : t.Name);
        });
        return services;
    }

    public static WebApplication UseGraphOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "IomGraph API v1");
            o.DocumentTitle = "IomGraph API";
            o.DisplayRequestDuration();
            o.EnableTryItOutByDefault();
        });
        return app;
    }
}

/// <summary>Puts each parameter's [Description], [DefaultValue] and [Example] into the OpenAPI document.</summary>
public sealed class ParameterMetadataFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        if (parameter is not OpenApiParameter target)
        {
            return;
        }

        ICustomAttributeProvider? member = (ICustomAttributeProvider?)context.PropertyInfo ?? context.ParameterInfo;
        if (member is null)
        {
            return;
        }

        var attributes = member.GetCustomAttributes(true);
        if (attributes.OfType<DescriptionAttribute>().FirstOrDefault() is { } description)
        {
            target.Description = description.Description;
        }

        if (attributes.OfType<ExampleAttribute>().FirstOrDefault() is { } example)
        {
            target.Example = JsonValue.Create(example.Value);
        }

        if (attributes.OfType<DefaultValueAttribute>().FirstOrDefault() is { Value: { } value } && target.Schema is OpenApiSchema schema)
        {
            schema.Default = value switch
            {
                int i => JsonValue.Create(i),
                string s => JsonValue.Create(s),
                _ => JsonValue.Create(value.ToString()),
            };
        }
    }
}

/// <summary>Declares the API-key requirement on exactly the operations that need it, so Swagger UI's Authorize button applies it.</summary>
public sealed class ApiKeySecurityFilter : IOperationFilter
{
    public const string SchemeId = "ApiKey";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequiresApiKeyMetadata>().Any())
        {
            return;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [],
        });
    }
}
