using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace IomGraph.Api.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document as a client generator reads it: which operation a request hits, and the JSON Schema
/// (2020-12, as OpenAPI 3.1 defines) of each answer it documents. Object schemas are closed here
/// (additionalProperties false) so that a property the API sends but the document does not name fails validation.
/// </summary>
public sealed class OpenApiContract
{
    private readonly JsonObject _document;
    private readonly JsonObject _definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private int _built;

    public OpenApiContract(JsonNode document)
    {
        _document = document.AsObject();
        _definitions = Close(Rewrite(_document["components"]?["schemas"]?.DeepClone() ?? new JsonObject()))!.AsObject();
    }

    public JsonObject Document => _document;

    /// <summary>Every operation: its method, path template and object.</summary>
    public IEnumerable<(string Method, string Path, JsonObject Operation)> Operations() =>
        _document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => o.Key is "get" or "put" or "post" or "delete" or "patch" or "head")
            .Select(o => (o.Key, path.Key, o.Value!.AsObject())));

    /// <summary>The operation whose template matches <paramref name="path"/> (a concrete path, without the query).</summary>
    public (string Template, JsonObject Operation)? Find(string method, string path)
    {
        var segments = path.Split('/');
        foreach (var (verb, template, operation) in Operations())
        {
            var parts = template.Split('/');
            if (verb == method && parts.Length == segments.Length
                && parts.Zip(segments).All(p => p.First.StartsWith('{') || string.Equals(p.First, p.Second, StringComparison.Ordinal)))
            {
                return (template, operation);
            }
        }

        return null;
    }

    /// <summary>The documented schema of an answer, or why there is none.</summary>
    public (JsonSchema? Schema, string? Missing) ResponseSchema(JsonObject operation, int status, string mediaType)
    {
        var responses = operation["responses"]?.AsObject();
        var response = responses?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses?["default"];
        if (response is null)
        {
            return (null, $"no {status} response is documented (documented: {string.Join(", ", responses?.Select(r => r.Key) ?? [])})");
        }

        if (response["content"] is not JsonObject content)
        {
            return (null, $"the {status} response documents no body, but one with {mediaType} came");
        }

        if (content[mediaType] is not JsonObject media)
        {
            return (null, $"the {status} response does not document {mediaType} (documented: {string.Join(", ", content.Select(c => c.Key))})");
        }

        var schema = media["schema"] ?? new JsonObject();
        return (SchemaFor(schema), null);
    }

    /// <summary>The schema of a request body, as a client would build it.</summary>
    public JsonSchema SchemaOf(string componentName) => SchemaFor(new JsonObject { ["$ref"] = "#/components/schemas/" + componentName });

    private JsonSchema SchemaFor(JsonNode schema)
    {
        var key = schema.ToJsonString();
        return _schemas.GetOrAdd(key, _ =>
        {
            var root = Close(Rewrite(schema.DeepClone()))!.AsObject();
            root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            root["$defs"] = _definitions.DeepClone();
            var id = Interlocked.Increment(ref _built);
            return JsonSchema.FromText(
                root.ToJsonString(),
                new BuildOptions { SchemaRegistry = new SchemaRegistry() },
                new Uri($"https://iomgraph.test/openapi/{id}"));
        });
    }

    /// <summary>Points component references at <c>$defs</c>, where a JSON Schema validator looks for them.</summary>
    private static JsonNode? Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name == "$ref" && value is JsonValue reference && reference.GetValue<string>() is { } target)
                    {
                        obj["$ref"] = target.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
                    }
                    else
                    {
                        Rewrite(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Rewrite(item);
                }

                break;
        }

        return node;
    }

    /// <summary>Closes every object schema that lists properties and says nothing of others.</summary>
    private static JsonNode? Close(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject && !obj.ContainsKey("additionalProperties"))
                {
                    obj["additionalProperties"] = false;
                }

                foreach (var (_, value) in obj.ToList())
                {
                    Close(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Close(item);
                }

                break;
        }

        return node;
    }
}
