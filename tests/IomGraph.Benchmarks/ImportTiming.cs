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
/// import again, which must change nothing. Wall-clock and process CPU time (all threads) per phase on stdout, and the
/// peak working set of each run: the peak is reset (Linux's <c>/proc/self/clear_refs</c>) once the bundle file is
/// written, so that generating the bundle does not count.
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
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            await using var store = new SqliteGraphStore(
                Options.Create(new SqliteGraphStoreOptions { Path = Path.Combine(directory, "graph.db") }), TimeProvider.System, NullLogger<SqliteGraphStore>.Instance);
            await store.InitialiseAsync();
            for (var run = 1; run <= 2; run++)
            {
                var peakReset = ResetPeakWorkingSet();
                var clock = Stopwatch.StartNew();
                var cpu = new CpuClock();
                GraphBundle bundle;
                await using (var input = File.OpenRead(file))
                {
                    bundle = (await JsonSerializer.DeserializeAsync<GraphBundle>(input, GraphJson.Options))!;
                }

                var read = clock.Elapsed;
                var readCpu = cpu.Lap();
                var errors = new BundleValidator(ExistingRecords.None).Validate(bundle).Errors.Count;
                var validated = clock.Elapsed;
                var validateCpu = cpu.Lap();
                var result = await store.WriteAsync(CurationWrite.Import("benchmark", bundle));
                var written = clock.Elapsed;
                var writeCpu = cpu.Lap();
                var relationsPerSecond = bundle.Relations.Count / (written - validated).TotalSeconds;
                Console.WriteLine(
                    $"run {run}: {bundle.Relations.Count:N0} relations, {bundle.Actors.Count:N0} actors; read {read.TotalSeconds:F1} s (CPU {readCpu:F1} s), " +
                    $"validate {(validated - read).TotalSeconds:F1} s (CPU {validateCpu:F1} s; {errors} errors), write {(written - validated).TotalSeconds:F1} s " +
                    $"(CPU {writeCpu:F1} s; {relationsPerSecond:N0} relations/s; {result.Status}; relations created {result.Counts.Relations.Created:N0}, unchanged {result.Counts.Relations.Unchanged:N0}); " +
                    $"total {written.TotalSeconds:F1} s (CPU {cpu.Total:F1} s); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB" +
                    (peakReset ? "" : " (over the whole process: the peak could not be reset)") +
                    $"; load average {LoadAverage()}");
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Resets the process's peak resident set (VmHWM) on Linux; false where that is not possible.</summary>
    private static bool ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    /// <summary>The process's CPU time, all threads, in seconds since the last lap.</summary>
    private sealed class CpuClock
    {
        private readonly TimeSpan _start = Process.GetCurrentProcess().TotalProcessorTime;
        private TimeSpan _last;

        public CpuClock() => _last = _start;

        public double Total => (Process.GetCurrentProcess().TotalProcessorTime - _start).TotalSeconds;

        public double Lap()
        {
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            var lap = (now - _last).TotalSeconds;
            _last = now;
            return lap;
        }
    }
}
