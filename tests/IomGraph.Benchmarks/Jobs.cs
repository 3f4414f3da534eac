using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace IomGraph.Benchmarks;

/// <summary>
/// What the command line chose, read by the host process when it lists the benchmarks. The benchmark processes get
/// the scale as a parameter value (<see cref="Scales"/>), so they need nothing from here.
/// </summary>
public static class RunSettings
{
    public static Scale Scale { get; set; } = Scale.Small;

    /// <summary>A smoke run: a handful of iterations, to see that everything runs, not to measure.</summary>
    public static bool Quick { get; set; }

    /// <summary>Iterations of each whole-bundle write (--iterations); each one takes about a minute at the large scale.</summary>
    public static int WriteIterations { get; set; } = 3;

    /// <summary>The [ParamsSource] of every benchmark that needs a graph: the one scale chosen.</summary>
    public static IEnumerable<string> Scales() => [Scale.Name];
}

/// <summary>Reads: a few milliseconds or less each, so many invocations per iteration and 15 iterations.</summary>
public sealed class ReadJobs : ManualConfig
{
    public ReadJobs() => AddJob(RunSettings.Quick
        ? Job.Dry.WithWarmupCount(1).WithIterationCount(3).WithId("quick")
        : Job.Default.WithWarmupCount(3).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(250)).WithId("reads"));
}

/// <summary>
/// Writes of a whole bundle: seconds to a minute each, one invocation per iteration on a fresh store, no warm-up.
/// BenchmarkDotNet also runs one jitting invocation first, so each case runs iterations + 1 times.
/// </summary>
public sealed class WriteJobs : ManualConfig
{
    public WriteJobs() => AddJob(Job.Default
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(0)
        .WithIterationCount(RunSettings.Quick ? 1 : RunSettings.WriteIterations)
        .WithInvocationCount(1)
        .WithUnrollFactor(1)
        .WithId(RunSettings.Quick ? "quick" : "writes"));
}

/// <summary>Start-up on the curated seed: about a second, so more iterations than the bundle writes.</summary>
public sealed class StartupJobs : ManualConfig
{
    public StartupJobs() => AddJob(Job.Default
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(RunSettings.Quick ? 0 : 1)
        .WithIterationCount(RunSettings.Quick ? 1 : 10)
        .WithInvocationCount(1)
        .WithUnrollFactor(1)
        .WithId(RunSettings.Quick ? "quick" : "startup"));
}
