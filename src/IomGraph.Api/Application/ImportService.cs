using System.Diagnostics;
using IomGraph.Api.Telemetry;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Validation;

namespace IomGraph.Api.Application;

/// <summary>One problem in an import: which record (by position and id), which field, what is wrong.</summary>
public sealed record ImportError(string Record, string? Id, string Field, string Message);

/// <summary>What an import did, or would do on a dry run.</summary>
public sealed record ImportOutcome(bool DryRun, IReadOnlyList<ImportError> Errors, BundleResult? Counts)
{
    public bool Valid => Errors.Count == 0;
}

/// <summary>
/// Validates a whole bundle against the rules of seed data and against the store, then writes it in one atomic,
/// logged write. Shared by <c>POST /api/v1/import</c> and the <c>import</c> command.
/// </summary>
public sealed class ImportService(IGraphReader reads, IGraphWriter store, SourceDirectory sources, GraphVersion version)
{
    public async Task<ImportOutcome> ImportAsync(GraphBundle bundle, string author, bool dryRun, CancellationToken cancellationToken)
    {
        using var activity = ApiTelemetry.StartWrite("import");
        var started = Stopwatch.GetTimestamp();
        activity?.SetTag("iomgraph.import.dry_run", dryRun);
        var errors = await ValidateAsync(bundle, cancellationToken);
        if (errors.Count > 0)
        {
            ApiTelemetry.Imported(started, "invalid", activity);
            return new ImportOutcome(dryRun, errors, null);
        }

        if (dryRun)
        {
            ApiTelemetry.Imported(started, "dry_run", activity);
            return new ImportOutcome(true, [], null);
        }

        var result = await store.WriteAsync(CurationWrite.Import(author, bundle), cancellationToken);
        sources.Invalidate();
        version.Invalidate();
        ApiTelemetry.Written("import", activity, result);
        ApiTelemetry.Imported(started, result.Status == WriteStatus.Applied ? "applied" : "refused", activity);
        return result.Status == WriteStatus.Applied
            ? new ImportOutcome(false, [], result.Counts)
            : new ImportOutcome(false, [new ImportError("bundle", result.Offender?.Id, "", result.Message ?? "The store refused the import.")], null);
    }

    /// <summary>Every problem of the bundle, each located by record.</summary>
    public async Task<IReadOnlyList<ImportError>> ValidateAsync(GraphBundle bundle, CancellationToken cancellationToken)
    {
        var existing = await ReferencedRecords.LookUpAsync(bundle, reads, cancellationToken);

        var result = await new BundleValidator(existing).ValidateAsync(bundle, cancellationToken);
        return result.Errors.Select(f => Locate(bundle, f.PropertyName, f.ErrorMessage)).ToList();
    }

    private static ImportError Locate(GraphBundle bundle, string path, string message)
    {
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        var close = path.IndexOf(']', StringComparison.Ordinal);
        if (bracket < 0 || close < bracket || !int.TryParse(path.AsSpan(bracket + 1, close - bracket - 1), out var index))
        {
            return new ImportError("bundle", null, path, message);
        }

        var collection = path[..bracket];
        var id = collection switch
        {
            "sources" when index < bundle.Sources.Count => bundle.Sources[index].Id,
            "actors" when index < bundle.Actors.Count => bundle.Actors[index].Id,
            "relations" when index < bundle.Relations.Count => bundle.Relations[index].Id,
            _ => null,
        };
        var field = close + 1 < path.Length ? path[(close + 1)..].TrimStart('.') : "id";
        return new ImportError($"{collection}[{index}]", id, field, message);
    }
}
