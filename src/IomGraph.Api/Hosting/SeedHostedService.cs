using System.Diagnostics;
using IomGraph.Api.Application;
using IomGraph.Api.Telemetry;
using IomGraph.Core.Seed;
using IomGraph.Core.Storage;
using Microsoft.Extensions.Options;

namespace IomGraph.Api.Hosting;

/// <summary>
/// Prepares the store: creates or migrates its schema, then applies the seed unless the store already holds this exact
/// seed. A bad seed file stops start-up with an error naming the file, the record and the field, before the store is
/// touched. A Neo4j server that does not answer does not stop the start: the API serves (live, not ready, graph
/// requests 503) and retries with bounded exponential backoff (<see cref="StoreWaitOptions"/>) until it answers, then
/// seeds. SQLite is always reachable, so a store it cannot open is a configuration error (Graph:Sqlite:Path).
/// </summary>
public sealed partial class SeedHostedService(
    IGraphReader reads,
    IGraphWriter store,
    SourceDirectory sources,
    GraphVersion version,
    StoreStatus status,
    TimeProvider time,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    IOptions<GraphOptions> options,
    ILogger<SeedHostedService> logger) : IHostedService
{
    private Task _waiting = Task.CompletedTask;

    /// <summary>The retries in the background, for tests: complete once the store is ready or the host stops.</summary>
    public Task Waiting => _waiting;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seed = options.Value.Seed;
        var data = seed.Enabled ? await SeedReader.ReadDirectoryAsync(seed.Path, cancellationToken) : null;
        try
        {
            await PrepareAsync(data, cancellationToken);
        }
        catch (StoreUnavailableException e) when (options.Value.Provider == GraphProvider.Sqlite)
        {
            var key = $"{GraphOptions.Section}:Sqlite:Path";
            throw new ConfigurationErrorException($"{key} is '{configuration[key]}', which the SQLite store cannot open: {Reason(e)}");
        }
        catch (StoreUnavailableException e)
        {
            _waiting = WaitForStoreAsync(data, Reason(e), lifetime.ApplicationStopping);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host has signalled ApplicationStopping, which ends the retries.
        await _waiting.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WaitForStoreAsync(SeedData? data, string reason, CancellationToken cancellationToken)
    {
        var wait = options.Value.StoreWait;
        for (var retry = 0; !cancellationToken.IsCancellationRequested; retry++)
        {
            var delay = wait.Delay(retry, Random.Shared.NextDouble());
            status.Unreachable(reason, time.GetUtcNow() + delay);
            try
            {
                await Task.Delay(delay, time, cancellationToken);
                await PrepareAsync(data, cancellationToken);
                return;
            }
            catch (StoreUnavailableException e)
            {
                reason = Reason(e);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Not an outage (a refused seed, a wrong password): retrying cannot help, and serving 503s for ever would hide it.
                LogCannotPrepare(logger, e);
                Environment.ExitCode = 1;
                lifetime.StopApplication();
                return;
            }
        }
    }

    private async Task PrepareAsync(SeedData? data, CancellationToken cancellationToken)
    {
        // One span and one duration per attempt that reaches the store.
        using var activity = ApiTelemetry.StartWrite("seed");
        var started = Stopwatch.GetTimestamp();
        await store.InitialiseAsync(cancellationToken);
        if (data is null)
        {
            LogSeedDisabled(logger);
            ApiTelemetry.Seeded(started, "disabled", activity);
            status.Ready("The store answers; seeding is disabled (Graph:Seed:Enabled=false).");
            return;
        }

        var current = await reads.GetSeedStateAsync(cancellationToken);
        if (current?.Fingerprint == data.Fingerprint)
        {
            LogSeedCurrent(logger, data.Fingerprint[..12]);
            ApiTelemetry.Seeded(started, "current", activity);
            status.Ready($"The store answers and holds seed {data.Fingerprint[..12]}.");
            return;
        }

        status.Seeding($"The store answers; applying seed {data.Fingerprint[..12]}.");
        var written = await store.WriteAsync(CurationWrite.Seed(data.Bundle), cancellationToken);
        ApiTelemetry.Written("seed", activity, written);
        ApiTelemetry.Seeded(started, written.Applied ? "applied" : "refused", activity);
        if (!written.Applied)
        {
            throw new SeedDataException($"The store refused the seed from {options.Value.Seed.Path}: {written.Message}");
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

        status.Ready($"The store answers and holds seed {data.Fingerprint[..12]}.");
    }

    private static string Reason(StoreUnavailableException e) =>
        e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{e.Message} ({inner.Message})" : e.Message;

    private static string Describe(RecordCounts c) =>
        $"{c.Created} created, {c.Updated} updated, {c.Unchanged} unchanged, {c.Deleted} deleted";

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding is disabled (Graph:Seed:Enabled=false)")]
    private static partial void LogSeedDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store already holds seed {Fingerprint}; nothing to apply")]
    private static partial void LogSeedCurrent(ILogger logger, string fingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied seed from {Files}: {Counts}")]
    private static partial void LogSeedApplied(ILogger logger, string files, string counts);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The store answers but cannot be prepared; stopping")]
    private static partial void LogCannotPrepare(ILogger logger, Exception exception);
}
