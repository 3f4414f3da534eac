using IomGraph.Api.Contracts;

namespace IomGraph.Api.Http.OpenApi;

/// <summary>
/// Schema names that read well in Swagger UI and in generated clients: responses drop their C# "Response" suffix
/// (<c>ActorResponse</c> → <c>Actor</c>), the records clients send are <c>…Record</c> (<c>ActorRecord</c>), and a page
/// of results is <c>…Page</c> (<c>ActorHitPage</c>).
/// </summary>
public static class SchemaNames
{
    private const string RecordNamespace = "IomGraph.Core.Model";

    public static string Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PageResponse<>))
        {
            return Of(type.GetGenericArguments()[0]) + "Page";
        }

        if (type.IsGenericType)
        {
            throw new InvalidOperationException($"No schema name is defined for the generic type {type}; add one to SchemaNames.");
        }

        var name = type.Name;
        if (type.Namespace == RecordNamespace && type.IsClass && type != typeof(Core.Model.GraphBundle))
        {
            return name + "Record";
        }

        if (type == typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))
        {
            return "ValidationProblemDetails";
        }

        if (!name.EndsWith("Response", StringComparison.Ordinal) || name.Length == "Response".Length)
        {
            return name;
        }

        // RelationTypeResponse describes the RelationType enum: RelationTypeDefinition, beside RelationType.
        var stripped = name[..^"Response".Length];
        return typeof(Core.Model.RelationType).Assembly.GetType($"{RecordNamespace}.{stripped}") is { IsEnum: true } ? stripped + "Definition" : stripped;
    }
}
