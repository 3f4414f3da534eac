using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using IomGraph.Api.Tests.OpenApi;
using IomGraph.Testing;

namespace IomGraph.Api.Tests.Explorer;

/// <summary>
/// The explorer's API client is typed from src/IomGraph.Explorer/openapi.json, a committed snapshot of the served
/// document (its build runs openapi-typescript on it, then tsc), so that it builds without a running API. This test
/// keeps the snapshot honest: when the served document moves, it fails and says how to refresh the snapshot, after
/// which the explorer's build fails if the change breaks it.
/// </summary>
public sealed class ExplorerOpenApiSnapshotTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    public const string UpdateVariable = "IOMGRAPH_UPDATE_SNAPSHOTS";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string SnapshotPath => Path.Combine(TestEnvironment.RepositoryRoot, "src", "IomGraph.Explorer", "openapi.json");

    [Fact]
    public async Task The_explorers_snapshot_of_the_openapi_document_is_the_served_document()
    {
        var served = JsonNode.Parse(await api.Client().GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative), TestContext.Current.CancellationToken))!.AsObject();

        // The server's own address is the only part that depends on where the document is asked for.
        served.Remove("servers");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Assert.False(TestEnvironment.IsCi, $"{UpdateVariable}=1 rewrites the snapshot; CI must check it instead.");
            await File.WriteAllTextAsync(SnapshotPath, served.ToJsonString(Indented) + "\n", TestContext.Current.CancellationToken);
            return;
        }

        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(SnapshotPath, TestContext.Current.CancellationToken));
        var difference = FirstDifference(snapshot, served, "$");
        Assert.True(
            difference is null,
            $"src/IomGraph.Explorer/openapi.json is not the document the API serves (first difference at {difference}). Refresh it with{Environment.NewLine}"
            + $"  {UpdateVariable}=1 dotnet test tests/IomGraph.Api.Tests --filter FullyQualifiedName~{nameof(ExplorerOpenApiSnapshotTests)}{Environment.NewLine}"
            + "then build the API (dotnet build src/IomGraph.Api), whose explorer build type-checks the client against it, and commit both.");
    }

    [Fact]
    public async Task The_explorers_own_unit_tests_pass()
    {
        var explorer = Path.Combine(TestEnvironment.RepositoryRoot, "src", "IomGraph.Explorer");
        if (!Directory.Exists(Path.Combine(explorer, "node_modules", "vitest")))
        {
            TestEnvironment.Missing("src/IomGraph.Explorer/node_modules has no vitest: the API's build installs it when node is on the PATH (or run `npm ci` there).");
        }

        // The build generated the client's types from the snapshot; the tests import them only as types.
        var (exitCode, stdout, stderr) = await NodeTools.RunInAsync(explorer, "vitest", "run", "--reporter=dot");
        Assert.True(exitCode == 0, $"vitest failed in src/IomGraph.Explorer (exit code {exitCode}):{Environment.NewLine}{stdout}{Environment.NewLine}{stderr}");
    }

    /// <summary>The JSON path of the first place where the two documents differ, or null when they are the same.</summary>
    private static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var name in e.Select(p => p.Key).Union(a.Select(p => p.Key), StringComparer.Ordinal))
                {
                    if (!e.ContainsKey(name) || !a.ContainsKey(name))
                    {
                        return $"{path}.{name} ({(e.ContainsKey(name) ? "gone from the served document" : "new in the served document")})";
                    }

                    if (FirstDifference(e[name], a[name], $"{path}.{name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                {
                    if (i >= e.Count || i >= a.Count)
                    {
                        return $"{path}[{i}] (the arrays' lengths differ: {e.Count} in the snapshot, {a.Count} served)";
                    }

                    if (FirstDifference(e[i], a[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{path} ({expected?.ToJsonString(Plain) ?? "null"} in the snapshot, {actual?.ToJsonString(Plain) ?? "null"} served)";
        }
    }
}
