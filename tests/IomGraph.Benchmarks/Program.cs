using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using IomGraph.Benchmarks;
using IomGraph.Core.Model;
using IomGraph.Core.Validation;

// Usage (docs/performance.md):
//   dotnet run -c Release --project tests/IomGraph.Benchmarks -- [--scale tiny|small|large] [--quick] [--iterations N] [--rebuild] [BenchmarkDotNet options]
//   dotnet run -c Release --project tests/IomGraph.Benchmarks -- prepare  [--scale ...] [--rebuild]   build the cached database only
//   dotnet run -c Release --project tests/IomGraph.Benchmarks -- validate [--scale ...] [--full]      check the generated graph with BundleValidator
//   dotnet run -c Release --project tests/IomGraph.Benchmarks -- import   [--scale ...]               time a bulk import (read, validate, write), twice
//   dotnet run -c Release --project tests/IomGraph.Benchmarks -- explorer --url URL [--runs N]        the explorer's bundle size and time to IOM's drawn graph
//   dotnet run -c Release --project tests/IomGraph.Benchmarks -- load [--scale ...] [--neo4j-url URL] [--duration S] [--out FILE]
//                                                                  the API under wrk on the seed and the synthetic graph (LoadTiming)
// Without --filter (or --list), every benchmark runs. --quick defaults to the tiny scale.
var forwarded = new List<string>();
string? scaleName = null;
bool quick = false, rebuild = false, full = false;
string? command = null;
string? url = null;
var runs = 10;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--scale" when i + 1 < args.Length:
            scaleName = args[++i];
            break;
        case "--quick":
            quick = true;
            break;
        case "--iterations" when i + 1 < args.Length:
            RunSettings.WriteIterations = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--rebuild":
            rebuild = true;
            break;
        case "--full":
            full = true;
            break;
        case "--url" when i + 1 < args.Length:
            url = args[++i];
            break;
        case "--runs" when i + 1 < args.Length:
            runs = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "prepare" or "validate" or "import" or "explorer" or "load" when i == 0:
            command = args[i];
            break;
        default:
            forwarded.Add(args[i]);
            break;
    }
}

var scale = Scale.Parse(scaleName ?? (quick ? Scale.Tiny.Name : Scale.Small.Name));
RunSettings.Scale = scale;
RunSettings.Quick = quick;

switch (command)
{
    case "prepare":
        await BenchmarkGraphs.EnsureAsync(scale, rebuild);
        return 0;
    case "validate":
        return Validate(scale, full);
    case "import":
        return await ImportTiming.RunAsync(scale);
    case "explorer":
        return await ExplorerTiming.RunAsync(url ?? "http://localhost:5080", runs);
    case "load":
        return await LoadTiming.RunAsync(scale, forwarded, rebuild);
}

if (rebuild)
{
    await BenchmarkGraphs.EnsureAsync(scale, rebuild: true);
}

if (!forwarded.Any(a => a is "--filter" or "-f" or "--list" or "--allCategories" or "--anyCategories" or "--help" or "-h" or "--info"))
{
    forwarded.AddRange(["--filter", "*"]);
}

Console.WriteLine($"// Scale: {scale}{(quick ? "; quick mode (a smoke run, not a measurement)" : string.Empty)}. Cached databases: {BenchmarkGraphs.CacheDirectory}");
// BenchmarkDotNet builds a runner project per job; on a busy two-core machine that outlasts its default two minutes.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(ReadBenchmarks).Assembly).Run([.. forwarded], config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

// The generated bundle must be one the API would accept. BundleValidator's duplicate-id rules compare every record
// with every other (quadratic), so by default it runs on slices (sources, then actors and relations 2,000 at a time,
// each slice validated against everything else as existing records) with a linear duplicate check over the whole
// bundle; --full runs it once on the whole bundle, which takes minutes from the small scale up.
static int Validate(Scale scale, bool full)
{
    var clock = Stopwatch.StartNew();
    var bundle = SyntheticGraph.Generate(scale);
    Console.WriteLine($"Generated {scale} in {clock.Elapsed.TotalSeconds:F1} s.");
    Describe(bundle);

    var failures = new List<string>();
    clock.Restart();
    if (full)
    {
        var result = new BundleValidator(ExistingRecords.None).Validate(bundle);
        failures.AddRange(result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
        Console.WriteLine($"BundleValidator on the whole bundle: {clock.Elapsed.TotalSeconds:F1} s.");
    }
    else
    {
        foreach (var (name, ids) in new[] { ("source", bundle.Sources.Select(s => s.Id)), ("actor", bundle.Actors.Select(a => a.Id)), ("relation", bundle.Relations.Select(r => r.Id)) })
        {
            failures.AddRange(ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{name} id '{g.Key}' appears {g.Count()} times."));
        }

        var sources = bundle.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var actors = bundle.Actors.ToDictionary(a => a.Id, a => a.Kind, StringComparer.Ordinal);
        var validator = new BundleValidator(new ExistingRecords(actors, sources));
        failures.AddRange(Errors(new BundleValidator(ExistingRecords.None), new GraphBundle { Sources = bundle.Sources }));
        foreach (var slice in bundle.Actors.Chunk(2000))
        {
            failures.AddRange(Errors(validator, new GraphBundle { Actors = slice }));
        }

        foreach (var slice in bundle.Relations.Chunk(2000))
        {
            failures.AddRange(Errors(validator, new GraphBundle { Relations = slice }));
        }

        Console.WriteLine($"BundleValidator in slices of 2,000: {clock.Elapsed.TotalSeconds:F1} s.");
    }

    foreach (var failure in failures.Take(20))
    {
        Console.WriteLine("  " + failure);
    }

    Console.WriteLine(failures.Count == 0 ? "Valid." : $"INVALID: {failures.Count} problems.");
    return failures.Count == 0 ? 0 : 1;

    static IEnumerable<string> Errors(BundleValidator validator, GraphBundle bundle) =>
        validator.Validate(bundle).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}");
}

static void Describe(GraphBundle bundle)
{
    var degree = new Dictionary<string, int>(StringComparer.Ordinal);
    foreach (var relation in bundle.Relations)
    {
        degree[relation.From] = degree.GetValueOrDefault(relation.From) + 1;
        degree[relation.To] = degree.GetValueOrDefault(relation.To) + 1;
    }

    var degrees = bundle.Actors.Select(a => degree.GetValueOrDefault(a.Id)).Order().ToArray();
    var top = bundle.Actors.OrderByDescending(a => degree.GetValueOrDefault(a.Id)).Take(5).Select(a => $"{a.Id} ({a.Kind}, {degree.GetValueOrDefault(a.Id)})");
    Console.WriteLine($"  most connected: {string.Join(", ", top)}");
    Console.WriteLine($"  {bundle.Sources.Count} sources, {bundle.Actors.Count} actors, {bundle.Relations.Count} relations");
    Console.WriteLine("  actors by kind: " + string.Join(", ", bundle.Actors.GroupBy(a => a.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
    Console.WriteLine("  relations by type: " + string.Join(", ", bundle.Relations.GroupBy(r => r.Type).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
    Console.WriteLine(
        $"  degree: max {degrees[^1]}, 99th percentile {degrees[(int)(degrees.Length * 0.99)]}, median {degrees[degrees.Length / 2]}, "
        + $"no relation {degrees.Count(d => d == 0)}, 1-3 relations {degrees.Count(d => d is >= 1 and <= 3)}");
    Console.WriteLine(
        $"  dated: start {bundle.Relations.Count(r => r.Start is not null)}, end {bundle.Relations.Count(r => r.End is not null)}; "
        + $"two citations {bundle.Relations.Count(r => r.Sources.Count == 2)}; aliases per actor {bundle.Actors.Average(a => a.Aliases.Count):F2}; "
        + $"names with non-ASCII letters {bundle.Actors.Count(a => a.Name.Any(c => c > 127))}");
    Console.WriteLine($"  folded-name check: '{bundle.Actors[1].Name}' -> '{TextFolding.Fold(bundle.Actors[1].Name)}'");
}
