using System.Reflection;
using System.Text.Json.Nodes;
using IomGraph.Api.Application;
using IomGraph.Core.Model;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IomGraph.Api.Http.OpenApi;

/// <summary>
/// Makes each object schema say what System.Text.Json really writes or reads, from the serializer's own contract:
/// <list type="bullet">
/// <item>responses (the types in <c>IomGraph.Api.Contracts</c>) are written with every property present, null or not, so
/// every property is required and nullable exactly when the serializer may write null;</item>
/// <item>records clients send (the types in <c>IomGraph.Core.Model</c>) are read strictly: a property is required when the
/// reader requires it, unknown properties are refused (additionalProperties false), and null is allowed where the reader
/// allows it;</item>
/// <item>a nullable reference to another schema becomes <c>oneOf [ref, null]</c>, which OpenAPI 3.1 can say and a bare
/// <c>$ref</c> cannot.</item>
/// </list>
/// Responses leave additionalProperties open so that adding a field later does not break strict clients; the response
/// validation test closes them to check that nothing undocumented is sent today.
/// </summary>
public sealed class WireSchemaFilter(IOptions<HttpJsonOptions> httpJson) : ISchemaFilter
{
    private const string ResponseNamespace = "IomGraph.Api.Contracts";
    private const string RecordNamespace = "IomGraph.Core.Model";

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (schema is not OpenApiSchema target)
        {
            return;
        }

        if (context.MemberInfo is not null)
        {
            ApplyMemberValues(target, context.MemberInfo);
            return;
        }

        if (context.ParameterInfo is not null || target.Properties is not { Count: > 0 })
        {
            return;
        }

        var type = context.Type;
        if (type.IsAssignableTo(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails)))
        {
            // Every problem carries the request's trace id (Program.cs), to quote when reporting it.
            target.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace id, to quote when reporting the problem." };
            return;
        }

        var isResponse = type.Namespace == ResponseNamespace;
        var isRecord = type.Namespace == RecordNamespace;
        if (!isResponse && !isRecord)
        {
            return;
        }

        var options = isResponse ? httpJson.Value.SerializerOptions : GraphJson.Options;
        var contract = options.GetTypeInfo(type);
        var required = new SortedSet<string>(StringComparer.Ordinal);
        var properties = WireContract.Properties(contract).ToList();
        foreach (var property in properties)
        {
            if (!target.Properties.TryGetValue(property.Name, out var propertySchema))
            {
                throw new InvalidOperationException($"The schema of {type.Name} lacks the property '{property.Name}' that the serializer handles.");
            }

            // A response property that is left out when null (JsonIgnore WhenWritingNull sets ShouldSerialize) is
            // optional and never null; every other response property is always written.
            var leftOutWhenNull = isResponse && property.ShouldSerialize is not null;
            var nullable = isResponse ? property.IsGetNullable && !leftOutWhenNull : property.IsSetNullable;
            target.Properties[property.Name] = Nullable(propertySchema, nullable);
            if ((isResponse && !leftOutWhenNull) || property.IsRequired)
            {
                required.Add(property.Name);
            }
        }

        foreach (var extra in target.Properties.Keys.Except(properties.Select(p => p.Name)).ToList())
        {
            target.Properties.Remove(extra);
        }

        target.Required = required;
        target.AdditionalPropertiesAllowed = !isRecord;
        if (!isRecord)
        {
            target.AdditionalProperties = null;
        }

        if (type == typeof(Citation))
        {
            // "At least one of quote, summary and record" is said in words: as anyOf [required …] it would make
            // openapi-typescript type a citation as unknown, which breaks every generated client.
            target.Description = (target.Description is { Length: > 0 } d ? d + " " : string.Empty)
                + "A citation carries at least one of quote (the source's own words), summary (a curator's rendering) and record (a dataset row); a request with none is a 400.";
        }

        if (type == typeof(Contracts.ChangeResponse))
        {
            // The change log keeps each record as the client sent it; which schema applies follows from 'kind'.
            var records = new[] { typeof(Actor), typeof(Relation), typeof(Source) }
                .Select(t => context.SchemaGenerator.GenerateSchema(t, context.SchemaRepository))
                .ToList();
            foreach (var name in new[] { "before", "after" })
            {
                target.Properties[name] = new OpenApiSchema
                {
                    Description = name == "before" ? "The record before the change; null when it was created." : "The record after the change; null when it was deleted.",
                    OneOf = [.. records, new OpenApiSchema { Type = JsonSchemaType.Null }],
                };
            }
        }
    }

    /// <summary>Adds or removes null from what a property schema allows.</summary>
    internal static IOpenApiSchema Nullable(IOpenApiSchema schema, bool nullable)
    {
        switch (schema)
        {
            case OpenApiSchemaReference reference when nullable:
                return new OpenApiSchema { OneOf = [reference, new OpenApiSchema { Type = JsonSchemaType.Null }] };
            case OpenApiSchema { AllOf: [OpenApiSchemaReference only] } wrapper when wrapper.Type is null or JsonSchemaType.Null:
                return Nullable(only, nullable);
            case OpenApiSchema concrete when concrete.Type is { } type:
                concrete.Type = nullable ? type | JsonSchemaType.Null : type & ~JsonSchemaType.Null;
                if (nullable && concrete.Enum is { Count: > 0 } values && !values.Any(v => v is null))
                {
                    values.Add(null!);
                }

                return concrete;
            default:
                return schema;
        }
    }

    private static void ApplyMemberValues(OpenApiSchema target, MemberInfo member)
    {
        var values = member.GetCustomAttribute<ValuesAttribute>() ?? ParameterAttribute<ValuesAttribute>(member);
        if (values is not null)
        {
            var valueSchema = target.Type?.HasFlag(JsonSchemaType.Array) == true && target.Items is OpenApiSchema items ? items : target;
            valueSchema.Enum = [.. values.Values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
    }

    // A positional record's attributes sit on its constructor parameter unless written with 'property:'.
    private static T? ParameterAttribute<T>(MemberInfo member)
        where T : Attribute =>
        member.DeclaringType?.GetConstructors().SelectMany(c => c.GetParameters())
            .FirstOrDefault(p => string.Equals(p.Name, member.Name, StringComparison.OrdinalIgnoreCase))
            ?.GetCustomAttribute<T>();
}
