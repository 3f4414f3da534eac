using System.Text.Json;
using System.Text.Json.Nodes;

namespace IomGraph.Api.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document through the tools its users run: Redocly's recommended rules and Spectral's OpenAPI
/// rules lint it with no error, and a TypeScript client generated from it (openapi-typescript + openapi-fetch) compiles
/// and calls every read operation and a write against a running API. The versions are pinned in tests/openapi.
/// </summary>
public sealed class OpenApiToolchainTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string ApiKey = "a-key-for-the-generated-client";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Redocly_with_its_recommended_rules_reports_no_errors()
    {
        NodeTools.Require("@redocly/cli");
        var document = await SaveDocumentAsync();

        var (exitCode, stdout, stderr) = await NodeTools.RunAsync("redocly", "lint", "--config", "redocly.yaml", "--format", "json", document);

        var report = JsonNode.Parse(stdout) ?? throw new Xunit.Sdk.XunitException($"redocly printed no report: {stderr}");
        var errors = report["problems"]!.AsArray().Where(p => (string?)p!["severity"] == "error")
            .Select(p => $"{p!["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}").ToList();
        Assert.True(errors.Count == 0 && exitCode == 0, $"Redocly (recommended) reports {errors.Count} errors:\n{string.Join('\n', errors)}\n{stderr}");
        Assert.Equal(0, (int)report["totals"]!["errors"]!);
    }

    [Fact]
    public async Task Spectral_with_its_openapi_rules_reports_no_errors()
    {
        NodeTools.Require("@stoplight/spectral-cli");
        var document = await SaveDocumentAsync();

        var (exitCode, stdout, stderr) = await NodeTools.RunAsync("spectral", "lint", "--ruleset", ".spectral.yaml", "--format", "json", "--quiet", document);

        // Spectral prints [] when the document is clean, and severity 0 marks an error.
        var results = stdout.Trim() is { Length: > 0 } text ? JsonNode.Parse(text)!.AsArray() : [];
        var errors = results.Where(r => (int)r!["severity"]! == 0)
            .Select(r => $"{r!["code"]}: {r["message"]} at {string.Join('.', r["path"]!.AsArray())}").ToList();
        Assert.True(errors.Count == 0, $"Spectral (spectral:oas) reports {errors.Count} errors:\n{string.Join('\n', errors)}\n{stderr}");
        Assert.True(exitCode == 0, $"spectral exited with {exitCode}: {stderr}");
    }

    [Fact]
    public async Task A_client_generated_from_the_document_compiles_and_calls_every_read_operation_and_a_write()
    {
        NodeTools.Require("openapi-typescript");
        NodeTools.Require("openapi-fetch");
        NodeTools.Require("typescript");
        await using var server = new KestrelApi(new Dictionary<string, string?> { [$"Auth:ApiKeys:client"] = ApiKey });
        var baseAddress = server.Start().ToString().TrimEnd('/');

        // Generated from the document as served to the client, over HTTP.
        var generate = await NodeTools.RunAsync("openapi-typescript", $"{baseAddress}/swagger/v1/swagger.json", "-o", "client/generated/schema.d.ts");
        Assert.True(generate.ExitCode == 0, $"openapi-typescript failed:\n{generate.Stdout}\n{generate.Stderr}");

        var compile = await NodeTools.RunAsync("tsc", "-p", "client");
        Assert.True(compile.ExitCode == 0, $"The client does not compile against the generated types:\n{compile.Stdout}\n{compile.Stderr}");

        var run = await NodeTools.RunAsync("node", "client/dist/src/calls.js", baseAddress, ApiKey);
        var lastLine = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "{}";
        var report = JsonNode.Parse(lastLine)!;
        var failures = report["failures"]?.AsArray().Select(f => (string?)f).ToList() ?? [];
        Assert.True(run.ExitCode == 0 && failures.Count == 0, $"The generated client's calls failed ({run.ExitCode}):\n{string.Join('\n', failures)}\n{run.Stderr}");

        var called = report["called"]!.AsArray().Select(c => (string)c!).ToHashSet(StringComparer.Ordinal);
        var contract = new OpenApiContract(JsonNode.Parse(await api.Client().GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative), Ct))!);
        var reads = contract.Operations().Where(o => o.Method == "get").Select(o => $"GET {o.Path}").ToList();
        Assert.All(reads, read => Assert.True(called.Contains(read), $"The generated client does not call {read}."));
        Assert.Contains(called, c => !c.StartsWith("GET ", StringComparison.Ordinal));
    }

    private async Task<string> SaveDocumentAsync()
    {
        var text = await api.Client().GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative), Ct);
        using var _ = JsonDocument.Parse(text);
        var path = Path.Combine(Path.GetTempPath(), $"iomgraph-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, text, Ct);
        return path;
    }
}
