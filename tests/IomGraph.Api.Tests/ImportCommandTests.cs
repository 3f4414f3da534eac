using System.IO.Compression;
using System.Text.Json;
using IomGraph.Api.Cli;
using IomGraph.Core.Model;
using IomGraph.Core.Seed;
using IomGraph.Core.Storage;
using IomGraph.Formats;
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

    /// <summary>The seed as the CSV export writes it: a zip of nodes.csv, edges.csv and sources.csv.</summary>
    private async Task<string> WriteSeedZipAsync()
    {
        var seed = await SeedReader.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "seed-data"), TestContext.Current.CancellationToken);
        var path = Path.Combine(_directory, "iomgraph.zip");
        await using var file = File.Create(path);
        await GraphFormats.Csv.WriteAsync(Items(seed.Bundle), file, new ExportContext(_ => string.Empty), TestContext.Current.CancellationToken);
        return path;

        static async IAsyncEnumerable<ExportItem> Items(GraphBundle bundle)
        {
            foreach (var item in bundle.Actors.Select(ExportItem (a) => new ActorItem(a))
                .Concat(bundle.Relations.Select(r => new RelationItem(r)))
                .Concat(bundle.Sources.Select(s => new SourceItem(s))))
            {
                await Task.Yield();
                yield return item;
            }
        }
    }

    private async Task<long> CountRelationsAsync(string? database = null)
    {
        await using var store = new SqliteGraphStore(Options.Create(new SqliteGraphStoreOptions { Path = database ?? Database }), TimeProvider.System, NullLogger<SqliteGraphStore>.Instance);
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
    public async Task A_csv_export_imports_as_its_zip_or_as_its_files_and_again_changes_nothing()
    {
        var zip = await WriteSeedZipAsync();
        var folder = Path.Combine(_directory, "unzipped");
        await ZipFile.ExtractToDirectoryAsync(zip, folder, TestContext.Current.CancellationToken);
        var fromFiles = Path.Combine(_directory, "from-files.db");

        var fromZip = await ImportCommand.RunAsync(["import", zip, $"--Graph:Sqlite:Path={Database}"]);
        var fromNodes = await ImportCommand.RunAsync(["import", Path.Combine(folder, "nodes.csv"), $"--Graph:Sqlite:Path={fromFiles}"]);
        var again = await ImportCommand.RunAsync(["import", Path.Combine(folder, "edges.csv"), $"--Graph:Sqlite:Path={fromFiles}"]);

        Assert.Equal((0, 0, 0), (fromZip, fromNodes, again));
        var seed = await SeedReader.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "seed-data"), TestContext.Current.CancellationToken);
        Assert.Equal(seed.Bundle.Relations.Count, await CountRelationsAsync());
        Assert.Equal(seed.Bundle.Relations.Count, await CountRelationsAsync(fromFiles));
    }

    [Fact]
    public async Task A_csv_import_that_does_not_read_or_does_not_validate_exits_1_and_writes_nothing()
    {
        var nodes = Path.Combine(_directory, "nodes.csv");
        var edges = Path.Combine(_directory, "edges.csv");
        string[] args = ["import", nodes, $"--Graph:Sqlite:Path={Database}"];
        await File.WriteAllTextAsync(nodes, "id,name,kind\r\ncsv-forum,CSV Forum,agency\r\n", TestContext.Current.CancellationToken);

        var withoutEdges = await ImportCommand.RunAsync(args);
        await File.WriteAllTextAsync(edges, "id,from,to,type,confidence,citations\r\n", TestContext.Current.CancellationToken);
        var badKind = await ImportCommand.RunAsync(args);
        File.Copy(nodes, Path.Combine(_directory, "actors.csv"));
        var notAnExportFile = await ImportCommand.RunAsync(["import", Path.Combine(_directory, "actors.csv"), $"--Graph:Sqlite:Path={Database}"]);
        var storeOpened = File.Exists(Database);
        await File.WriteAllTextAsync(nodes, "id,name,kind\r\ncsv-forum,CSV Forum,forum-or-commission\r\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(edges, "id,from,to,type,confidence,citations\r\ncsv-forum.leads.nowhere,csv-forum,nowhere,LEADS,high,[]\r\n", TestContext.Current.CancellationToken);
        var invalid = await ImportCommand.RunAsync(args);

        Assert.Equal((1, 1, 1, 1), (withoutEdges, badKind, notAnExportFile, invalid));
        Assert.False(storeOpened, "A CSV file that does not read should be refused before the store is opened.");
        Assert.Equal(0, await CountRelationsAsync());
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        Assert.Equal(2, await ImportCommand.RunAsync(["import", Path.Combine(_directory, "none.json"), $"--Graph:Sqlite:Path={Database}"]));
        Assert.Equal(2, await ImportCommand.RunAsync(["import"]));
    }
}
