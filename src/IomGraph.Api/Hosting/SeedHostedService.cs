using System.Diagnostics;
using IomGraph.Api.Application;
using IomGraph.Api.Telemetry;
using IomGraph.Core.Seed;
using IomGraph.Core.Storage;
using Microsoft.Extensions.Options;

namespace IomGraph.Api.Hosting;

/// <summary>
/// Prepares the store before the server takes requests: creates or migrates its schema, then applies the seed
/// unless the store already holds this exact seed. A bad seed file stops start-up with an error naming the file,
/// the record and the field.
/// </summary>
public sealed partial class SeedHostedService(IGraphReader reads, IGraphWriter store, SourceDirectory sources, GraphVersion version, IOptions<GraphOptions> options, ILogger<SeedHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = ApiTelemetry.StartWrite("seed");
        var started = Stopwatch.GetTimestamp();
        await store.InitialiseAsync(cancellationToken);
        var seed = options.Value.Seed;
        if (!seed.Enabled)
        {
            LogSeedDisabled(logger);
            ApiTelemetry.Seeded(started, "disabled", activity);
            return;
        }

        var data = await SeedReader.ReadDirectoryAsync(seed.Path, cancellationToken);
        var current = await reads.GetSeedStateAsync(cancellationToken);
        if (current?.Fingerprint == data.Fingerprint)
        {
            LogSeedCurrent(logger, data.Fingerprint[..12]);
            ApiTelemetry.Seeded(started, "current", activity);
            return;
        }

        var written = await store.WriteAsync(CurationWrite.Seed(data.Bundle), cancellationToken);
        ApiTelemetry.Written("seed", activity, written);
        ApiTelemetry.Seeded(started, written.Applied ? "applied" : "refused", activity);
        if (!written.Applied)
        {
            throw new SeedDataException($"The store refused the seed from {seed.Path}: {written.Message}");
        }

        var result = written.Counts;
        sources.Invalidate();
        version.Invalidate();
        if (logger.IsEnabled(LogLevel.Information))
        {
            var files = string.Join(", ", data.Files);
            var counts = $"actors {Describe(result.Actors)}; relations {Describe(result.Relations)}; sources {Describe(result.Sources)}";
            LogSeedApplied(logger, files, counts);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Describe(RecordCounts c) =>
        $"{c.Created} created, {c.Updated} updated, {c.Unchanged} unchanged, {c.Deleted} deleted";

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding is disabled (Graph:Seed:Enabled=false)")]
    private static partial void LogSeedDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store already holds seed {Fingerprint}; nothing to apply")]
    private static partial void LogSeedCurrent(ILogger logger, string fingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied seed from {Files}: {Counts}")]
    private static partial void LogSeedApplied(ILogger logger, string files, string counts);
}
