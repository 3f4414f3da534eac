using System.Text.Json.Serialization;
using FluentValidation;
using IomGraph.Api.Endpoints;
using IomGraph.Api.Infrastructure;
using IomGraph.Storage.Sqlite;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<GraphOptions>()
    .BindConfiguration(GraphOptions.Section)
    .Validate(o => Enum.IsDefined(o.Provider), "Graph:Provider must be 'Sqlite' or 'Neo4j'.")
    .Validate(o => o.Provider == GraphProvider.Sqlite, "Graph:Provider=Neo4j is not available in this build yet; use 'Sqlite'.")
    .Validate(o => !o.Seed.Enabled || !string.IsNullOrWhiteSpace(o.Seed.Path), "Graph:Seed:Path must name the seed directory.")
    .ValidateOnStart();

builder.Services.AddSqliteGraphStore();
builder.Services.AddHostedService<SeedHostedService>();

builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: false);
ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNames.Camel(member.Name);
ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNames.Camel(member.Name);

builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
{
    c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
    c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
});
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddGraphHealthChecks();
builder.Services.AddGraphOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseGraphOpenApi();

app.MapGet("/", () => TypedResults.Redirect("/swagger")).ExcludeFromDescription();
app.MapHealth();
app.MapActors();
app.MapRelations();
app.MapPaths();
app.MapSources();
app.MapVocabulary();
app.MapStats();

app.Run();

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
