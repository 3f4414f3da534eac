using IomGraph.Core.Model;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerUI;

namespace IomGraph.Api.Http.OpenApi;

/// <summary>
/// The OpenAPI document and Swagger UI. The document is meant to be the wire: what a client generated from it sends
/// and receives is what the API accepts and answers (a test validates real responses against it, another lints it,
/// another generates a client from it and calls the API).
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public const string DocumentPath = "/swagger/v1/swagger.json";

    /// <summary>The tags in the order Swagger UI shows them: reads first, then writes, then operations' health.</summary>
    public static IReadOnlyList<(string Name, string Description)> Tags { get; } =
    [
        (ApiTags.Actors, "Organisations, groups, processes, states, people, events and values: search them, read one, list its relations, draw its neighbourhood."),
        (ApiTags.Relations, "Typed, directed, dated relations between two actors, each with a plain-English sentence, a confidence and the sources it cites: the records to cite."),
        (ApiTags.Paths, "How two actors are connected: the shortest chains of relations between them."),
        (ApiTags.Sources, "The documents the graph cites, and what each is cited for."),
        (ApiTags.Vocabulary, "The closed vocabularies: the relation types and the actor kinds, with what each means."),
        (ApiTags.Statistics, "How much the graph holds, and its most connected actors."),
        (ApiTags.Export, "The graph, or a part of it, as a file for Gephi, Cytoscape, yEd, a spreadsheet or a web page."),
        (ApiTags.Changes, "Every change to the graph, in order: to audit it or to keep a copy in sync."),
        (ApiTags.Curation, "Writes: create, replace and delete actors, relations and sources, and import many at once. Each needs a curator's API key: click Authorize."),
        (ApiTags.Health, "For operators: is the process up, is the store ready."),
    ];

    private const string Description = """
        A sourced knowledge graph of the actors of global migration governance (the IOM, the Geneva and Global Migration
        Groups, the UN Network on Migration, the Berne Initiative, UNHCR, the ILO, UN bodies and member states) and their
        typed, dated relations. **Every relation cites its sources, with the words it rests on, and carries a confidence**
        (`high`, `medium` or `low`).

        **Questions to start with.** Each link opens the answer as JSON; "try it" opens the operation below, where
        *Execute* sends it.

        - What is the IOM, and how many relations does it have? [answer](/api/v1/actors/iom) · [try it](#/Actors/GetActor)
        - Who chaired the Global Migration Group, and when? [answer](/api/v1/relations?type=CHAIRS&to=global-migration-group) · [try it](#/Relations/ListRelations)
        - Which organisations belonged to the Global Migration Group in 2010? [answer](/api/v1/actors/global-migration-group/relations?type=MEMBER_OF&direction=in&asOf=2010) · [try it](#/Actors/GetActorRelations)
        - How is the United States connected to UNHCR? [answer](/api/v1/paths?from=usa&to=unhcr) · [try it](#/Paths/FindPaths)
        - Where does a claim come from? [the sources](/api/v1/sources) · [try it](#/Sources/ListSources)

        Reads need no key and may come from a page on any origin (CORS). Every GET also answers HEAD. Every answer under
        `/api/v1` carries the graph's version in the `Graph-Version` header: name it when you cite. Every read answers
        with an `ETag`; send it back in `If-None-Match` for a 304 while nothing changed. Errors are
        `application/problem+json`; a 400 names each bad parameter or field in `errors`. Each client has a budget of
        requests (429 with `Retry-After` when it is spent), and expensive questions a time limit (504). Dates are written `YYYY`,
        `YYYY-MM` or `YYYY-MM-DD` and keep their precision.
        """;

    public static IServiceCollection AddGraphOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "IomGraph API",
                Version = "v1",
                Description = Description,
                License = new OpenApiLicense
                {
                    Name = "Data: CC BY 4.0 (quotations remain their authors'); code: MIT",
                    Url = new Uri("https://creativecommons.org/licenses/by/4.0/"),
                },
            });

            // HEAD answers every GET (see HeadRequests), but listing each twice would only crowd Swagger UI.
            o.DocInclusionPredicate((_, description) => !string.Equals(description.HttpMethod, HttpMethods.Head, StringComparison.OrdinalIgnoreCase));
            o.OrderActionsBy(description => TagOrder(description.GroupName ?? FirstTag(description)));

            var date = () => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Pattern = PartialDateSchema.Pattern,
                Description = PartialDateSchema.Description,
            };
            o.MapType<PartialDate>(date);
            o.MapType<PartialDate?>(date);

            o.CustomSchemaIds(SchemaNames.Of);
            o.SupportNonNullableReferenceTypes();
            o.SchemaFilter<WireSchemaFilter>();
            o.ParameterFilter<ParameterMetadataFilter>();
            o.OperationFilter<SecurityFilter>();
            o.OperationFilter<RepresentationsFilter>();
            o.OperationFilter<RequestExampleFilter>();
            o.DocumentFilter<TagsFilter>();
            o.DocumentFilter<UnusedSchemasFilter>();
            o.DocumentFilter<ConditionalReadsFilter>();
            o.DocumentFilter<LimitsFilter>();
            o.DocumentFilter<GraphVersionHeaderFilter>();

            o.AddSecurityDefinition(SecurityFilter.SchemeId, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = AuthOptions.HeaderName,
                Description = "A curator's API key, for writes and imports. Reads need none. Operators configure keys as Auth:ApiKeys:<name>=<key>.",
            });
        });
        return services;
    }

    public static WebApplication UseGraphOpenApi(this WebApplication app)
    {
        app.UseSwagger(o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;

            // The server a generated client should call is the one that served the document.
            o.PreSerializeFilters.Add((document, request) => document.Servers =
            [
                new OpenApiServer { Url = $"{request.Scheme}://{request.Host}{request.PathBase}", Description = "This server" },
            ]);
        });
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint(DocumentPath, "IomGraph API v1");
            o.DocumentTitle = "IomGraph API";
            o.DisplayRequestDuration();
            o.EnableTryItOutByDefault();
            o.EnableDeepLinking();
            o.DocExpansion(DocExpansion.List);
            o.DefaultModelsExpandDepth(0);
        });
        return app;
    }

    private static string FirstTag(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description) =>
        description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>().SelectMany(t => t.Tags).FirstOrDefault() ?? string.Empty;

    // OrderBy is stable, so operations keep the order Program.cs maps them in within their tag.
    private static string TagOrder(string tag)
    {
        var index = Tags.Select(t => t.Name).ToList().IndexOf(tag) is var i and >= 0 ? i : Tags.Count;
        return index.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The tag names, shared by the endpoints and the document's tag list.</summary>
public static class ApiTags
{
    public const string Actors = "Actors";
    public const string Relations = "Relations";
    public const string Paths = "Paths";
    public const string Sources = "Sources";
    public const string Vocabulary = "Vocabulary";
    public const string Statistics = "Statistics";
    public const string Export = "Export";
    public const string Changes = "Changes";
    public const string Curation = "Curation";
    public const string Health = "Health";
}

/// <summary>How a partial date is written on the wire.</summary>
public static class PartialDateSchema
{
    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD; the API also rejects impossible days (2021-02-30).</summary>
    public const string Pattern = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

    public const string Description = "A date known to the year, the month or the day: YYYY, YYYY-MM or YYYY-MM-DD. It keeps its precision: \"2006\" means some time in 2006.";
}
