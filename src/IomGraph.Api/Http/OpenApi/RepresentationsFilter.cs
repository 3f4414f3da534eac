using IomGraph.Api.Contracts;
using IomGraph.Core.Model;
using IomGraph.Formats;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IomGraph.Api.Http.OpenApi;

/// <summary>
/// Lists, on each operation that answers graphs, every media type it can send with its schema: the operation's own JSON
/// first (what Swagger UI asks for by default), then each export format. Swagger UI's "Media type" menu sets Accept.
/// </summary>
public sealed class RepresentationsFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var also in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<AlsoAnswersMetadata>())
        {
            if (operation.Responses?.TryGetValue("200", out var answer) == true && answer is OpenApiResponse text)
            {
                text.Content ??= new Dictionary<string, OpenApiMediaType>();
                text.Content[also.MediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = also.Description } };
            }
        }

        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Citations.CitationFormatsMetadata>().FirstOrDefault() is { } citations
            && operation.Responses?.TryGetValue("200", out var citable) == true && citable is OpenApiResponse ok200)
        {
            ok200.Content ??= new Dictionary<string, OpenApiMediaType>();
            if (citations.Offered.Contains(Citations.CitationFormat.CslJson))
            {
                ok200.Content[Citations.CslJson.MediaType] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(citations.CslSchema, context.SchemaRepository) };
            }

            if (citations.Offered.Contains(Citations.CitationFormat.BibTex))
            {
                ok200.Content[Citations.BibTex.MediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "BibTeX entries (UTF-8), each keyed by the source's id: @article, @techreport, @online or @misc." },
                };
            }

            ok200.Description = "The answer as JSON (the default), or the citation data asked for with 'format' or Accept.";
        }

        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<GraphRepresentationsMetadata>().FirstOrDefault();
        if (metadata is null)
        {
            return;
        }

        operation.Responses ??= [];
        var ok = operation.Responses.TryGetValue("200", out var existing) && existing is OpenApiResponse response
            ? response
            : new OpenApiResponse();
        ok.Description = metadata.DefaultFormat is null
            ? "The answer as JSON (the default), or in the export format asked for with 'format' or Accept."
            : "The export, in the format asked for with 'format' or Accept (the JSON bundle by default).";
        var content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
        if (metadata.DefaultFormat is null && ok.Content?.TryGetValue("application/json", out var json) == true)
        {
            content["application/json"] = json;
        }

        var formats = metadata.DefaultFormat is null ? GraphFormats.All : [metadata.DefaultFormat, .. GraphFormats.All.Where(f => f != metadata.DefaultFormat)];
        foreach (var format in formats)
        {
            content[format.ContentType] = new OpenApiMediaType { Schema = SchemaOf(format, context) };
        }

        ok.Content = content;
        operation.Responses["200"] = ok;
    }

    private static IOpenApiSchema SchemaOf(IGraphFormat format, OperationFilterContext context) => format.Name switch
    {
        "json" => context.SchemaGenerator.GenerateSchema(typeof(GraphBundle), context.SchemaRepository),
        "cytoscape" => context.SchemaGenerator.GenerateSchema(typeof(CytoscapeGraph), context.SchemaRepository),
        "csv" => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Format = "binary",
            Description = "A zip of nodes.csv, edges.csv and sources.csv (RFC 4180, UTF-8).",
        },
        "graphml" => new OpenApiSchema { Type = JsonSchemaType.String, Description = "GraphML (XML) with a key for every property: yEd, Gephi, Cytoscape desktop, NetworkX." },
        "gexf" => new OpenApiSchema { Type = JsonSchemaType.String, Description = "GEXF 1.3 (XML) in dynamic mode, for Gephi's timeline." },
        _ => throw new InvalidOperationException($"No schema is documented for the format '{format.Name}'."),
    };
}
