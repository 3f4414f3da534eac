using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Storage.Sqlite;

namespace IomGraph.Benchmarks;

/// <summary>
/// a seed write (<see cref="CurationWrite.Seed"/>) of the whole synthetic bundle, into an empty database file
/// (what a first start on a big seed does), and again into a store that already holds it (what every later start
/// would do if it did not compare fingerprints first; also the cost of an import that changes nothing).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(WriteJobs))]
public class WriteBenchmarks
{
    private GraphBundle? _bundle;
    private string? _directory;
    private SqliteGraphStore? _store;
    private TimeSpan _cpuAtStart;

    [ParamsSource(typeof(RunSettings), nameof(RunSettings.Scales))]
    public string Scale { get; set; } = RunSettings.Scale.Name;

    private string EmptyPath => Path.Combine(_directory!, "empty.db");

    private string SeededPath => Path.Combine(_directory!, "seeded.db");

    [GlobalSetup(Target = nameof(Apply_into_empty_store))]
    public void SetupEmpty()
    {
        _directory = Directory.CreateTempSubdirectory("iomgraph-bench-write-").FullName;
        _bundle = SyntheticGraph.Generate(Benchmarks.Scale.Parse(Scale));
    }

    [IterationSetup(Target = nameof(Apply_into_empty_store))]
    public void CreateEmptyStore()
    {
        BenchmarkGraphs.Delete(EmptyPath);
        _store = BenchmarkGraphs.Open(EmptyPath);
        _store.InitialiseAsync().GetAwaiter().GetResult();
        StartCpuClock();
    }

    [IterationCleanup(Target = nameof(Apply_into_empty_store))]
    public void DisposeEmptyStore()
    {
        ReportCpuTime();
        _store?.Dispose();
        _store = null;
        Console.WriteLine($"// Database after the apply: {new FileInfo(EmptyPath).Length / (1024.0 * 1024.0):F0} MiB.");
    }

    [Benchmark]
    public async Task<BundleResult> Apply_into_empty_store()
    {
        var result = (await _store!.WriteAsync(CurationWrite.Seed(_bundle!))).Counts;
        return result.Relations.Created == _bundle!.Relations.Count
            ? result
            : throw new InvalidOperationException($"Expected {_bundle.Relations.Count} relations created, got {result.Relations}.");
    }

    [GlobalSetup(Target = nameof(Reapply_unchanged))]
    public void SetupSeeded()
    {
        // A copy of the cached database of this scale, which holds exactly this bundle.
        var scale = Benchmarks.Scale.Parse(Scale);
        BenchmarkGraphs.EnsureAsync(scale).GetAwaiter().GetResult();
        _directory = Directory.CreateTempSubdirectory("iomgraph-bench-write-").FullName;
        File.Copy(BenchmarkGraphs.DatabasePath(scale), SeededPath);
        _bundle = SyntheticGraph.Generate(scale);
        _store = BenchmarkGraphs.Open(SeededPath);
        _store.InitialiseAsync().GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(Reapply_unchanged))]
    public void StartCpuClock() => _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>
    /// CPU time of the iteration, all threads: on a machine shared with other work, wall-clock time measures the
    /// contention as much as the store, while CPU time does not.
    /// </summary>
    [IterationCleanup(Target = nameof(Reapply_unchanged))]
    public void ReportCpuTime() =>
        Console.WriteLine($"// CPU time of this iteration: {(Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalSeconds:F1} s.");

    [Benchmark]
    public async Task<BundleResult> Reapply_unchanged()
    {
        var result = (await _store!.WriteAsync(CurationWrite.Seed(_bundle!))).Counts;
        return result.Changed
            ? throw new InvalidOperationException($"Re-applying the same bundle changed the store: {result}.")
            : result;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        _store = null;
        Console.WriteLine($"// Peak working set of this benchmark process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB.");
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
