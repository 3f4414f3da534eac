using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IomGraph.Api.Http.OpenApi;

/// <summary>
/// Sample bodies for the writes, valid as they stand and in the order a curator would send them (the source, then the
/// actor, then the relation that cites the source). They are visibly samples, so that a write executed from Swagger UI
/// without editing never touches or imitates a real record.
/// </summary>
public static class RequestExamples
{
    public const string SourceId = "example-source";
    public const string ActorId = "example-working-group";
    public const string RelationId = "iom.chairs.example-working-group";

    public const string Source = """
        { "id": "example-source", "title": "Example source (a sample record: replace it)", "kind": "secondary", "author": null, "year": 2026, "url": null }
        """;

    public const string Actor = """
        { "id": "example-working-group", "name": "Example Working Group (a sample record: replace it)", "kind": "inter-agency-group", "founded": "2019-05",
          "aliases": ["EWG"], "sources": [ { "sourceId": "example-source", "quote": "The words of the source that the record rests on", "locator": "p. 1" } ] }
        """;

    public const string Relation = """
        { "id": "iom.chairs.example-working-group", "from": "iom", "to": "example-working-group", "type": "CHAIRS", "start": "2019-05", "end": "2020",
          "role": "co-chair", "confidence": "medium",
          "sources": [ { "sourceId": "example-source", "quote": "The words of the source that the relation rests on", "locator": "p. 2" } ] }
        """;

    /// <summary>Shows <paramref name="json"/> as the operation's example JSON body.</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, string json) =>
        builder.WithMetadata(new RequestExampleMetadata(JsonNode.Parse(json)!));
}

/// <summary>An operation's example request body.</summary>
public sealed record RequestExampleMetadata(JsonNode Example);

/// <summary>Puts <see cref="RequestExampleMetadata"/> into the document, on the JSON request body.</summary>
public sealed class RequestExampleFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var example = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequestExampleMetadata>().FirstOrDefault();
        if (example is not null && operation.RequestBody?.Content?.TryGetValue("application/json", out var json) == true && json is OpenApiMediaType media)
        {
            media.Example = example.Example.DeepClone();
        }
    }
}
