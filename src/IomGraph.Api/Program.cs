using System.Text.Json.Serialization;
using IomGraph.Api.Endpoints;
using IomGraph.Api.Infrastructure;

if (args is ["healthcheck", var url])
{
    return await HealthProbe.RunAsync(url);
}

if (args is ["import", ..])
{
    return await ImportCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddGraph(builder.Configuration);
builder.Services.AddHostedService<SeedHostedService>();

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
builder.Services.AddApiKeys();
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
app.MapChanges();
app.MapImport();
app.MapExport();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
