using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using IomGraph.Api.Application;
using IomGraph.Api.Cli;
using IomGraph.Testing;

namespace IomGraph.Api.Tests;

/// <summary>
/// Backups: the <c>backup</c> command's online copy of a SQLite store taken while curators write, and the JSON export
/// as the store-neutral backup, imported into an empty store of either kind.
/// </summary>
[Collection(Neo4jApiTestGroup.Name)]
public sealed class BackupTests(Neo4jApi neo4j) : IDisposable
{
    private const string CuratorKey = "curator-key-0123456789abcdef";
    private readonly string _directory = Directory.CreateTempSubdirectory("iomgraph-backup-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_directory, "graph.db");

    [Fact]
    public async Task A_backup_taken_during_writes_answers_as_the_original_did_at_the_backups_graph_version()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Graph:Sqlite:Path"] = Database, ["Auth:ApiKeys:curator"] = CuratorKey });
        var client = api.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", CuratorKey);
        var exports = new ConcurrentDictionary<string, string>();
        var order = new ConcurrentQueue<string>();
        var started = new TaskCompletionSource();
        var backedUp = false;

        // One curator writes one actor after another; after each write the export says what the graph is at its version.
        var writes = Task.Run(
            async () =>
            {
                try
                {
                    await WriteUntilBackedUpAsync();
                }
                catch (Exception e)
                {
                    started.TrySetException(e);
                    throw;
                }
            },
            Ct);

        async Task WriteUntilBackedUpAsync()
        {
            for (var i = 0; i < 5 || !Volatile.Read(ref backedUp); i++)
            {
                using var put = await client.PutAsJsonAsync($"/api/v1/actors/backup-test-{i}", new { id = $"backup-test-{i}", name = $"Backup test {i}", kind = "intergovernmental-organisation" }, Ct);
                Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
                var (version, body) = await ExportAsync(client);
                exports[version] = body;
                order.Enqueue(version);
                if (i == 2)
                {
                    started.SetResult();
                }
            }
        }

        await started.Task.WaitAsync(Ct);
        var target = Path.Combine(_directory, "copy.db");
        var exit = await BackupCommand.RunAsync(["backup", target, $"--Graph:Sqlite:Path={Database}"]);
        Volatile.Write(ref backedUp, true);
        await writes;

        await using var restored = new ApiFactory(new Dictionary<string, string?> { ["Graph:Sqlite:Path"] = target, ["Graph:Seed:Enabled"] = "false" });
        var (restoredVersion, restoredExport) = await ExportAsync(restored.Client());
        var versions = order.ToArray();

        Assert.Equal(0, exit);
        Assert.Contains(restoredVersion, versions);
        Assert.Equal(exports[restoredVersion], restoredExport);
        Assert.NotEqual(versions[^1], restoredVersion);
    }

    [Fact]
    public async Task The_backup_command_refuses_to_overwrite_a_file_without_force_and_names_a_missing_store()
    {
        await using (var api = new ApiFactory(new Dictionary<string, string?> { ["Graph:Sqlite:Path"] = Database }))
        {
            _ = api.Client();
        }

        var target = Path.Combine(_directory, "copy.db");
        await File.WriteAllTextAsync(target, "keep me", Ct);

        var refused = await BackupCommand.RunAsync(["backup", target, $"--Graph:Sqlite:Path={Database}"]);
        var kept = await File.ReadAllTextAsync(target, Ct);
        var forced = await BackupCommand.RunAsync(["backup", target, "--force", $"--Graph:Sqlite:Path={Database}"]);
        var noStore = await BackupCommand.RunAsync(["backup", Path.Combine(_directory, "other.db"), $"--Graph:Sqlite:Path={Path.Combine(_directory, "none.db")}"]);
        var usage = await BackupCommand.RunAsync(["backup"]);

        Assert.Equal(2, refused);
        Assert.Equal("keep me", kept);
        Assert.Equal(0, forced);
        Assert.StartsWith("SQLite format 3", await File.ReadAllTextAsync(target, Ct), StringComparison.Ordinal);
        Assert.Equal(2, noStore);
        Assert.False(File.Exists(Path.Combine(_directory, "other.db")));
        Assert.Equal(2, usage);
    }

    public static TheoryData<string> Stores => ["Sqlite", "Neo4j"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task The_json_export_imported_into_an_empty_store_answers_as_the_original(string provider)
    {
        await using var original = new SqliteApi();
        var (_, export) = await ExportAsync(original.Client());
        var file = Path.Combine(_directory, "iomgraph.json");
        await File.WriteAllTextAsync(file, export, Ct);

        var settings = new Dictionary<string, string?> { ["Graph:Seed:Enabled"] = "false" };
        await using var borrowed = neo4j.Borrow();
        ApiFactory restored;
        if (provider == "Neo4j")
        {
            restored = await borrowed.StartApiAsync(settings);
            Assert.Equal(0, await ImportCommand.RunAsync(["import", file, "--Graph:Provider=Neo4j", $"--Neo4j:Url={Neo4jTestServer.RequireUrl()}"]));
        }
        else
        {
            Assert.Equal(0, await ImportCommand.RunAsync(["import", file, $"--Graph:Sqlite:Path={Database}"]));
            settings["Graph:Sqlite:Path"] = Database;
            restored = new ApiFactory(settings);
        }

        await using (restored)
        {
            var (_, again) = await ExportAsync(restored.Client());
            var stats = await restored.Client().GetJsonAsync("/api/v1/stats?top=5");
            var paths = await restored.Client().GetJsonAsync("/api/v1/paths?from=che&to=un-network-on-migration&maxDepth=5");

            Assert.Equal(export, again);
            Assert.Equal((await original.Client().GetJsonAsync("/api/v1/stats?top=5")).GetRawText(), stats.GetRawText());
            Assert.Equal((await original.Client().GetJsonAsync("/api/v1/paths?from=che&to=un-network-on-migration&maxDepth=5")).GetRawText(), paths.GetRawText());
        }
    }

    private static async Task<(string Version, string Body)> ExportAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/export?format=json", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.GetValues(GraphVersion.HeaderName).Single(), await response.Content.ReadAsStringAsync(Ct));
    }
}
