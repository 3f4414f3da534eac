using System.Diagnostics;
using System.Text.Json;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IomGraph.Benchmarks;

/// <summary>
/// The actors and queries the read benchmarks use, picked from the generated bundle: the most connected actor (the
/// hub), two actors with two or three relations (leaves), and the hub's acronym.
/// </summary>
public sealed record Landmarks(
    string Scale,
    int Actors,
    int Relations,
    string Fingerprint,
    string Hub,
    int HubDegree,
    string HubAcronym,
    string Leaf,
    int LeafDegree,
    string OtherLeaf,
    int OtherLeafDegree)
{
    /// <summary>A substring that many names contain, for the scan-heavy search.</summary>
    public const string Substring = "migra";

    public static Landmarks From(Scale scale, GraphBundle bundle, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(bundle);
        var neighbours = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var relation in bundle.Relations)
        {
            Link(relation.From, relation.To);
            Link(relation.To, relation.From);
        }

        int Degree(string id) => neighbours.TryGetValue(id, out var list) ? list.Count : 0;

        // In bundle order, so the choice is as deterministic as the bundle.
        var hub = bundle.Actors.OrderByDescending(a => Degree(a.Id)).ThenBy(a => a.Id, StringComparer.Ordinal).First();
        var leaves = bundle.Actors.Where(a => Degree(a.Id) is 2 or 3).Select(a => a.Id).ToList();
        if (leaves.Count < 2)
        {
            leaves = [.. bundle.Actors.Where(a => Degree(a.Id) > 0).OrderBy(a => Degree(a.Id)).Select(a => a.Id)];
        }

        // The other leaf is as far from the first as a path query may reach (4 hops), or else 3, so that the path
        // benchmark walks several levels and finds an answer; the first leaf that has such a partner is taken.
        foreach (var leaf in leaves)
        {
            var distance = Distances(leaf, 4);
            var other = leaves.FirstOrDefault(l => distance.GetValueOrDefault(l) == 4) ?? leaves.FirstOrDefault(l => distance.GetValueOrDefault(l) == 3);
            if (other is not null)
            {
                return Create(leaf, other);
            }
        }

        throw new InvalidOperationException("No two leaves of the generated graph are 3 or 4 hops apart.");

        void Link(string from, string to)
        {
            if (!neighbours.TryGetValue(from, out var list))
            {
                neighbours[from] = list = [];
            }

            list.Add(to);
        }

        Dictionary<string, int> Distances(string from, int maxDepth)
        {
            var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [from] = 0 };
            var queue = new Queue<string>([from]);
            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                if (distance[node] == maxDepth)
                {
                    continue;
                }

                foreach (var next in neighbours[node])
                {
                    if (distance.TryAdd(next, distance[node] + 1))
                    {
                        queue.Enqueue(next);
                    }
                }
            }

            return distance;
        }

        Landmarks Create(string leaf, string other)
        {
            var acronym = hub.Aliases.FirstOrDefault(a => a.Length is >= 2 and <= 10 && a.All(char.IsUpper)) ?? hub.Name;
            return new Landmarks(
                scale.Name,
                bundle.Actors.Count,
                bundle.Relations.Count,
                fingerprint,
                hub.Id,
                Degree(hub.Id),
                acronym,
                leaf,
                Degree(leaf),
                other,
                Degree(other));
        }
    }
}

/// <summary>
/// The benchmark databases, built once per scale and kept in a cache directory (the system temp directory unless
/// IOMGRAPH_BENCH_DIR says otherwise), so that every benchmark process reuses them. A database is rebuilt when it is
/// missing, when the generator's <see cref="SyntheticGraph.Version"/> changes, when its seed fingerprint no longer
/// matches, or on <c>--rebuild</c>.
/// </summary>
public static class BenchmarkGraphs
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string CacheDirectory =>
        Environment.GetEnvironmentVariable("IOMGRAPH_BENCH_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "iomgraph-benchmarks");

    public static string DatabasePath(Scale scale) => Path.Combine(CacheDirectory, $"graph-{scale?.Name}-v{SyntheticGraph.Version}.db");

    /// <summary>Bump when the choice of landmarks changes: they are recomputed without rebuilding the database.</summary>
    private const int LandmarksVersion = 2;

    private static string LandmarksPath(Scale scale) => Path.ChangeExtension(DatabasePath(scale), $".landmarks-v{LandmarksVersion}.json");

    public static SqliteGraphStore Open(string path) =>
        new(Options.Create(new SqliteGraphStoreOptions { Path = path }), TimeProvider.System, NullLogger<SqliteGraphStore>.Instance);

    /// <summary>Deletes a database file with its WAL and shared-memory files.</summary>
    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>The cached database of <paramref name="scale"/>, built first when needed, and its landmarks.</summary>
    public static async Task<Landmarks> EnsureAsync(Scale scale, bool rebuild = false)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var path = DatabasePath(scale);
        var landmarksPath = LandmarksPath(scale);
        if (!rebuild && File.Exists(path) && File.Exists(landmarksPath))
        {
            var cached = JsonSerializer.Deserialize<Landmarks>(await File.ReadAllBytesAsync(landmarksPath));
            if (cached is not null && await StoredFingerprintAsync(path) == cached.Fingerprint)
            {
                return cached;
            }
        }

        Directory.CreateDirectory(CacheDirectory);
        var clock = Stopwatch.StartNew();
        var bundle = SyntheticGraph.Generate(scale);
        var generated = clock.Elapsed;
        var fingerprint = CanonicalJson.Fingerprint(bundle);
        if (rebuild || !File.Exists(path) || await StoredFingerprintAsync(path) != fingerprint)
        {
            Delete(path);
            Console.WriteLine($"// Building the {scale} benchmark database at {path} (once; later runs reuse it).");
            clock.Restart();
            await using (var store = Open(path))
            {
                await store.InitialiseAsync();
                await store.WriteAsync(CurationWrite.Seed(bundle));
            }

            Console.WriteLine(
                $"// Generated in {generated.TotalSeconds:F1} s, applied in {clock.Elapsed.TotalSeconds:F1} s; "
                + $"database {new FileInfo(path).Length / (1024.0 * 1024.0):F0} MiB.");
        }

        var landmarks = Landmarks.From(scale, bundle, fingerprint);
        await File.WriteAllBytesAsync(landmarksPath, JsonSerializer.SerializeToUtf8Bytes(landmarks, Indented));
        Console.WriteLine(
            $"// Hub '{landmarks.Hub}' ({landmarks.HubDegree} relations), leaves '{landmarks.Leaf}' ({landmarks.LeafDegree}) "
            + $"and '{landmarks.OtherLeaf}' ({landmarks.OtherLeafDegree}).");
        return landmarks;
    }

    /// <summary>The fingerprint of the seed the database at <paramref name="path"/> holds, or null.</summary>
    private static async Task<string?> StoredFingerprintAsync(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var store = Open(path);
        await store.InitialiseAsync();
        return (await store.GetSeedStateAsync())?.Fingerprint;
    }
}
