using System.Text.Json;
using IomGraph.Api.Infrastructure;
using IomGraph.Core.Model;
using IomGraph.Core.Seed;
using IomGraph.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IomGraph.Api.Tests;

/// <summary>The <c>import</c> command: the same import as the API, from a file, against the configured store.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("iomgraph-cli-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string Database => Path.Combine(_directory, "graph.db");

    private async Task<string> WriteSeedBundleAsync()
    {
        var seed = await SeedReader.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "seed-data"), TestContext.Current.CancellationToken);
        var path = Path.Combine(_directory, "bundle.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(seed.Bundle, GraphJson.Options), TestContext.Current.CancellationToken);
        return path;
    }

    private async Task<long> CountRelationsAsync()
    {
        await using var store = new SqliteGraphStore(Options.Create(new SqliteGraphStoreOptions { Path = Database }), TimeProvider.System, NullLogger<SqliteGraphStore>.Instance);
        return (await store.GetStatsAsync(1, TestContext.Current.CancellationToken)).Relations;
    }

    [Fact]
    public async Task A_bundle_file_imports_into_the_configured_store_and_again_changes_nothing()
    {
        var bundle = await WriteSeedBundleAsync();
        string[] args = ["import", bundle, $"--Graph:Sqlite:Path={Database}"];

        var first = await ImportCommand.RunAsync(args);
        var relations = await CountRelationsAsync();
        var second = await ImportCommand.RunAsync(args);

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        var seed = await SeedReader.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "seed-data"), TestContext.Current.CancellationToken);
        Assert.True(relations > 300);
        Assert.Equal(seed.Bundle.Relations.Count, relations);
        Assert.Equal(relations, await CountRelationsAsync());
    }

    [Fact]
    public async Task An_invalid_bundle_exits_1_and_writes_nothing()
    {
        var path = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(path, """{ "relations": [ { "id": "a.leads.b", "from": "a", "to": "b", "type": "LEADS", "confidence": "high", "sources": [] } ] }""", TestContext.Current.CancellationToken);

        var exit = await ImportCommand.RunAsync(["import", path, $"--Graph:Sqlite:Path={Database}"]);

        Assert.Equal(1, exit);
        Assert.Equal(0, await CountRelationsAsync());
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        Assert.Equal(2, await ImportCommand.RunAsync(["import", Path.Combine(_directory, "none.json"), $"--Graph:Sqlite:Path={Database}"]));
        Assert.Equal(2, await ImportCommand.RunAsync(["import"]));
    }
}
