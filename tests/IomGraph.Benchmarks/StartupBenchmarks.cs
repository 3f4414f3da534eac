using BenchmarkDotNet.Attributes;
using IomGraph.Core.Seed;
using IomGraph.Core.Storage;
using IomGraph.Storage.Sqlite;

namespace IomGraph.Benchmarks;

/// <summary>
/// What the API's start-up (SeedHostedService) does with the store, on the real curated seed: read and validate the
/// seed directory, create or migrate the schema, compare fingerprints, and apply the seed when the store lacks it.
/// Host building and Kestrel are not included.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(StartupJobs))]
public class StartupBenchmarks
{
    private string? _directory;
    private string? _seedDirectory;
    private SqliteGraphStore? _store;

    private string EmptyPath => Path.Combine(_directory!, "empty.db");

    private string SeededPath => Path.Combine(_directory!, "seeded.db");

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("iomgraph-bench-startup-").FullName;
        _seedDirectory = FindSeedDirectory();
        using var store = BenchmarkGraphs.Open(SeededPath);
        store.InitialiseAsync().GetAwaiter().GetResult();
        var seed = SeedReader.ReadDirectoryAsync(_seedDirectory).GetAwaiter().GetResult();
        store.WriteAsync(CurationWrite.Seed(seed.Bundle)).GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(Start_on_empty_store))]
    public void DeleteEmptyStore() => BenchmarkGraphs.Delete(EmptyPath);

    [IterationCleanup]
    public void DisposeStore()
    {
        _store?.Dispose();
        _store = null;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>First start: a new database file, the schema created, the whole seed applied.</summary>
    [Benchmark]
    public Task<bool> Start_on_empty_store() => StartAsync(EmptyPath);

    /// <summary>Every later start: the schema is current and the store already holds this seed, so nothing is applied.</summary>
    [Benchmark]
    public Task<bool> Start_on_seeded_store() => StartAsync(SeededPath);

    /// <summary>The seed reader alone: parse the JSON files, validate the merged bundle, fingerprint it.</summary>
    [Benchmark]
    public Task<SeedData> Read_and_validate_seed() => SeedReader.ReadDirectoryAsync(_seedDirectory!);

    private async Task<bool> StartAsync(string path)
    {
        _store = BenchmarkGraphs.Open(path);
        await _store.InitialiseAsync();
        var seed = await SeedReader.ReadDirectoryAsync(_seedDirectory!);
        var current = await _store.GetSeedStateAsync();
        if (current?.Fingerprint == seed.Fingerprint)
        {
            return false;
        }

        await _store.WriteAsync(CurationWrite.Seed(seed.Bundle));
        return true;
    }

    /// <summary>The seed copied beside the binaries, or the repository's seed-data/ above them.</summary>
    private static string FindSeedDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "seed-data");
            if (File.Exists(Path.Combine(candidate, "actors.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No seed-data/ directory at or above {AppContext.BaseDirectory}.");
    }
}
