using System.Diagnostics;
using System.Text.Json;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Validation;
using IomGraph.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IomGraph.Benchmarks;

/// <summary>
/// `import --scale S`: times a bulk import of the generated bundle the way POST /api/v1/import and the import command
/// run it (read the JSON file, validate the whole bundle, one logged atomic write into a SQLite file), then the same
/// import again, which must change nothing. Wall-clock phases on stdout.
/// </summary>
public static class ImportTiming
{
    public static async Task<int> RunAsync(Scale scale)
    {
        var directory = Directory.CreateTempSubdirectory("iomgraph-import-timing-").FullName;
        try
        {
            var file = Path.Combine(directory, "bundle.json");
            await using (var output = File.Create(file))
            {
                await JsonSerializer.SerializeAsync(output, SyntheticGraph.Generate(scale), GraphJson.Options);
            }

            Console.WriteLine($"// Import timing, scale {scale}: bundle file {new FileInfo(file).Length / (1024 * 1024)} MiB");
            await using var store = new SqliteGraphStore(
                Options.Create(new SqliteGraphStoreOptions { Path = Path.Combine(directory, "graph.db") }), TimeProvider.System, NullLogger<SqliteGraphStore>.Instance);
            await store.InitialiseAsync();
            for (var run = 1; run <= 2; run++)
            {
                var clock = Stopwatch.StartNew();
                GraphBundle bundle;
                await using (var input = File.OpenRead(file))
                {
                    bundle = (await JsonSerializer.DeserializeAsync<GraphBundle>(input, GraphJson.Options))!;
                }

                var read = clock.Elapsed;
                var errors = new BundleValidator(ExistingRecords.None).Validate(bundle).Errors.Count;
                var validated = clock.Elapsed;
                var result = await store.WriteAsync(CurationWrite.Upsert("benchmark", bundle));
                var written = clock.Elapsed;
                Console.WriteLine(
                    $"run {run}: {bundle.Relations.Count:N0} relations, {bundle.Actors.Count:N0} actors; read {read.TotalSeconds:F1} s, " +
                    $"validate {(validated - read).TotalSeconds:F1} s ({errors} errors), write {(written - validated).TotalSeconds:F1} s " +
                    $"({result.Status}; relations created {result.Counts.Relations.Created:N0}, unchanged {result.Counts.Relations.Unchanged:N0}); " +
                    $"total {written.TotalSeconds:F1} s");
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
