using System.Globalization;
using System.Text.Json.Nodes;
using IomGraph.Api.Application;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IomGraph.Api.Http.OpenApi;

/// <summary>Declares the tags with their descriptions, in the order Swagger UI shows them: reads, then writes.</summary>
public sealed class TagsFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        var used = swaggerDoc.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = used.Except(OpenApiSetup.Tags.Select(t => t.Name)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"Operations use tags that OpenApiSetup.Tags does not describe: {string.Join(", ", unknown)}.");
        }

        swaggerDoc.Tags = new SortedSet<OpenApiTag>(
            OpenApiSetup.Tags.Where(t => used.Contains(t.Name)).Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }),
            new TagOrder());
    }

    private sealed class TagOrder : IComparer<OpenApiTag>
    {
        public int Compare(OpenApiTag? x, OpenApiTag? y) => Index(x).CompareTo(Index(y));

        private static int Index(OpenApiTag? tag) => OpenApiSetup.Tags.Select(t => t.Name).ToList().IndexOf(tag?.Name ?? string.Empty);
    }
}

/// <summary>Removes component schemas that nothing references (left behind by filters that replaced a property's schema).</summary>
public sealed class UnusedSchemasFilter : IDocumentFilter
{
    private const string Prefix = "#/components/schemas/";

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        if (swaggerDoc.Components?.Schemas is not { } schemas)
        {
            return;
        }

        // Walk the serialised document: every "$ref" outside the schemas section is a root, then follow refs inside.
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        swaggerDoc.SerializeAsV31(new OpenApiJsonWriter(text));
        var json = JsonNode.Parse(text.ToString())!;
        var componentSchemas = json["components"]?["schemas"]?.AsObject();
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var (name, node) in json.AsObject())
        {
            if (name != "components")
            {
                Collect(node, pending);
            }
        }

        Collect(json["components"]?["responses"], pending);
        Collect(json["components"]?["requestBodies"], pending);
        while (pending.TryPop(out var id))
        {
            if (reachable.Add(id))
            {
                Collect(componentSchemas?[id], pending);
            }
        }

        foreach (var id in schemas.Keys.Where(id => !reachable.Contains(id)).ToList())
        {
            schemas.Remove(id);
        }
    }

    private static void Collect(JsonNode? node, Stack<string> pending)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name == "$ref" && value?.GetValue<string>() is { } target && target.StartsWith(Prefix, StringComparison.Ordinal))
                    {
                        pending.Push(target[Prefix.Length..]);
                    }
                    else
                    {
                        Collect(value, pending);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, pending);
                }

                break;
        }
    }
}

/// <summary>
/// Documents the <see cref="GraphVersion.HeaderName"/> response header, once under components, on every response of
/// every operation under /api/v1 (see <see cref="GraphVersionHeader"/>).
/// </summary>
public sealed class GraphVersionHeaderFilter : IDocumentFilter
{
    public const string Description =
        "The version of the whole graph this answer comes from: the first 12 hex digits of the seed's fingerprint and the " +
        "last change-log sequence number, such as '3f9a0c1d2e4b.1287' ('unseeded.N' for a store never seeded). Name it " +
        "when citing; a write through this server is in the next answer's version.";

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        swaggerDoc.Components ??= new OpenApiComponents();
        swaggerDoc.Components.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        swaggerDoc.Components.Headers[GraphVersion.HeaderName] = new OpenApiHeader
        {
            Description = Description,
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^([0-9a-f]{12}|unseeded)\\.[0-9]+$" },
            Example = JsonValue.Create("3f9a0c1d2e4b.1287"),
        };

        foreach (var (path, item) in swaggerDoc.Paths)
        {
            if (!path.StartsWith(GraphVersionHeader.ApiPrefix + "/", StringComparison.Ordinal) && path != GraphVersionHeader.ApiPrefix)
            {
                continue;
            }

            foreach (var operation in item.Operations?.Values.AsEnumerable() ?? [])
            {
                foreach (var response in operation.Responses?.Values.OfType<OpenApiResponse>() ?? [])
                {
                    response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                    response.Headers[GraphVersion.HeaderName] = new OpenApiHeaderReference(GraphVersion.HeaderName, swaggerDoc);
                }
            }
        }
    }
}

/// <summary>
/// Documents conditional reads (see <see cref="ReadCacheMiddleware"/>): the ETag header, once under components, on the
/// 200 and 304 answers of every GET under /api/v1, and the 304 answer itself. Runs before
/// <see cref="GraphVersionHeaderFilter"/>, so that the 304 names the graph's version too.
/// </summary>
public sealed class ConditionalReadsFilter : IDocumentFilter
{
    public const string ETagDescription =
        "Send it back in If-None-Match to get 304 Not Modified, without a body, while the answer is unchanged. On one actor, " +
        "relation or source it is the record's version (also for If-Match on writes); on every other answer it is the " +
        "graph's version with a digest of the request, so it changes with any write to the graph.";

    public const string NotModifiedDescription =
        "Not modified: If-None-Match names the current ETag. No body; the ETag and the graph's version are sent again.";

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        swaggerDoc.Components ??= new OpenApiComponents();
        swaggerDoc.Components.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        swaggerDoc.Components.Headers[Microsoft.Net.Http.Headers.HeaderNames.ETag] = new OpenApiHeader
        {
            Description = ETagDescription,
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = JsonValue.Create("\"3f9a0c1d2e4b.1287.5c1e0a9b7d3f2e61\""),
        };

        foreach (var (path, item) in swaggerDoc.Paths)
        {
            if (!path.StartsWith(GraphVersionHeader.ApiPrefix + "/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (method, operation) in item.Operations ?? [])
            {
                if (method != HttpMethod.Get || operation.Responses is not { } responses)
                {
                    continue;
                }

                if (!responses.TryGetValue("304", out var notModified) || notModified is not OpenApiResponse)
                {
                    responses["304"] = notModified = new OpenApiResponse();
                }

                ((OpenApiResponse)notModified).Description = NotModifiedDescription;
                ((OpenApiResponse)notModified).Content = null;
                foreach (var status in new[] { "200", "304" })
                {
                    if (responses.TryGetValue(status, out var answer) && answer is OpenApiResponse response)
                    {
                        response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                        response.Headers[Microsoft.Net.Http.Headers.HeaderNames.ETag] = new OpenApiHeaderReference(Microsoft.Net.Http.Headers.HeaderNames.ETag, swaggerDoc);
                    }
                }
            }
        }
    }
}
