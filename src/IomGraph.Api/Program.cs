using IomGraph.Api.Cli;
using IomGraph.Api.Endpoints;
using IomGraph.Api.Hosting;
using IomGraph.Api.Http;
using IomGraph.Api.Http.OpenApi;
using IomGraph.Api.Telemetry;

if (args is ["healthcheck", var url])
{
    return await HealthProbe.RunAsync(url);
}

if (args is ["import", ..])
{
    return await ConfigurationErrors.ReportAsync(() => ImportCommand.RunAsync(args));
}

if (args is ["backup", ..])
{
    return await ConfigurationErrors.ReportAsync(() => BackupCommand.RunAsync(args));
}

// A bad setting stops the start with one sentence per problem (ConfigurationErrors), never a stack trace.
return await ConfigurationErrors.ReportAsync(() => ServeAsync(args));

static async Task<int> ServeAsync(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);

    builder.Services.AddGraphStore(builder.Configuration);
    builder.Services.AddGraphUseCases();
    builder.Services.AddGraphApi();
    builder.Services.AddExplorer();
    builder.Services.AddHostedService<SeedHostedService>();
    builder.Services.AddGraphTelemetry(builder.Configuration);

    var app = builder.Build();

    // Every setting is checked before the host starts, so that a bad one is reported as a sentence by
    // ConfigurationErrors rather than logged by the host with a stack trace.
    app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();

    // First, so that every answer, errors and 429s included, carries them, and everything after sees the proxy's client.
    app.UseSecurityHeaders();
    app.UseGraphForwardedHeaders();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseCors();

    // Graph requests answer 503 until the store has answered once (it may come up after the API).
    app.UseStoreGate();

    // Before authentication, so that a refused write's answer names the graph's version too.
    app.UseGraphVersionHeader();
    app.UseAuthentication();
    app.UseAuthorization();

    // After authentication, which names the client; before the read cache, so that answers from memory count too.
    app.UseGeneralRateLimit();

    // After CORS and the version header, which add their headers as an answer starts, to answers from memory too.
    app.UseReadCache();

    // After the read cache: only requests that reach their handler cost the store, count as expensive, and can time out.
    app.UseExpensiveRateLimit();
    app.UseGraphRequestTimeouts();
    app.UseGraphOpenApi();
    app.UseExplorerBundle();

    app.MapSite();
    app.MapHealth().AnswerHead();

    var api = app.MapGroup("/api/v1").AnswerHead().RateLimited();
    api.MapActors();
    api.MapRelations();
    api.MapPaths();
    api.MapSources();
    api.MapVocabulary();
    api.MapStats();
    api.MapExport();
    api.MapChanges();
    api.MapImport();

    await app.RunAsync();
    return 0;
}

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
