using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using IomGraph.Formats;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IomGraph.Api.Http.OpenApi;

/// <summary>
/// Puts each parameter's <c>[Description]</c>, <c>[DefaultValue]</c>, <c>[Example]</c>, <c>[Values]</c> and
/// <c>[Required]</c> into the OpenAPI document, typed as the parameter is (a boolean default is <c>false</c>, not
/// <c>"False"</c>). A query parameter is never null on the wire (leaving it out is how a request omits it), so its
/// schema does not allow null.
/// </summary>
public sealed class ParameterMetadataFilter : IParameterFilter
{
    private static IOpenApiSchema NamedValues(Type source, ValuesAttribute values, ParameterFilterContext context)
    {
        if (source.IsEnum)
        {
            return context.SchemaGenerator.GenerateSchema(source, context.SchemaRepository);
        }

        var id = source == typeof(GraphFormats) ? "ExportFormat" : source.Name;
        if (!context.SchemaRepository.Schemas.ContainsKey(id))
        {
            context.SchemaRepository.AddDefinition(id, new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. values.Values.Select(v => (JsonNode)JsonValue.Create(v))],
            });
        }

        return new OpenApiSchemaReference(id);
    }

    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (parameter is not OpenApiParameter target)
        {
            return;
        }

        ICustomAttributeProvider? member = (ICustomAttributeProvider?)context.PropertyInfo ?? context.ParameterInfo;
        var attributes = member?.GetCustomAttributes(true) ?? [];
        if (target.Schema is OpenApiSchema schema)
        {
            if (schema.Type is { } type)
            {
                schema.Type = type & ~JsonSchemaType.Null;
            }

            // The description belongs to the parameter; repeated on its schema, Swagger UI shows it twice.
            schema.Description = null;

            if (attributes.OfType<ValuesAttribute>().FirstOrDefault() is { } values)
            {
                var isList = schema.Type?.HasFlag(JsonSchemaType.Array) == true;
                schema.Enum = null;
                if (values.Source is { } source)
                {
                    // A named schema (RelationType, ActorKind, ExportFormat) rather than an inline enum, so generated
                    // clients type the parameter with the same enum as the responses, not an anonymous one.
                    var named = NamedValues(source, values, context);
                    if (isList)
                    {
                        schema.Items = named;
                    }
                    else
                    {
                        target.Schema = named;
                    }
                }
                else
                {
                    var valueSchema = isList && schema.Items is OpenApiSchema items ? items : schema;
                    valueSchema.Enum = [.. values.Values.Select(v => (JsonNode)JsonValue.Create(v))];
                }
            }

            if (attributes.OfType<DefaultValueAttribute>().FirstOrDefault() is { Value: { } value })
            {
                schema.Default = JsonSerializer.SerializeToNode(value, value.GetType());
            }
        }

        if (attributes.OfType<DescriptionAttribute>().FirstOrDefault() is { } description)
        {
            target.Description = description.Description;
        }

        target.Example = attributes.OfType<ExampleAttribute>().FirstOrDefault() is { } example ? JsonValue.Create(example.Value) : null;

        if (attributes.OfType<RequiredAttribute>().Any())
        {
            target.Required = true;
        }
    }
}
