using FluentValidation.Results;
using IomGraph.Api.Telemetry;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Validation;

namespace IomGraph.Api.Application;

/// <summary>
/// A curator's writes of one record: validate it with the rules of seed data against what the store holds, turn the
/// curator's expectation into the store's precondition, write and log it, and forget what the API had cached. Knows
/// nothing of HTTP; the endpoints read the request and answer the outcome.
/// </summary>
public sealed class CurationService(IGraphReader reads, IGraphWriter writes, SourceDirectory sources, GraphVersion version)
{
    /// <summary>Creates or replaces <paramref name="record"/>, which <paramref name="bundle"/> holds alone.</summary>
    public async Task<CurationOutcome> UpsertAsync(
        string author, RecordRef record, GraphBundle bundle, RecordExpectation expected, CancellationToken cancellationToken)
    {
        if (await ValidateAsync(bundle, cancellationToken) is { } errors)
        {
            return new CurationOutcome(CurationStatus.Invalid, Errors: errors);
        }

        var (holds, preconditions) = await PreconditionsAsync(record, expected, cancellationToken);
        if (!holds)
        {
            return new CurationOutcome(CurationStatus.PreconditionFailed);
        }

        var result = await WriteAsync(new CurationWrite(author, bundle, [], Preconditions: preconditions), cancellationToken);
        return expected.MustNotExist && result.Status == WriteStatus.PreconditionFailed
            ? new CurationOutcome(CurationStatus.AlreadyExists, result)
            : CurationOutcome.Of(result);
    }

    /// <summary>Deletes <paramref name="record"/>; with <paramref name="cascade"/>, the relations that use it too.</summary>
    public async Task<CurationOutcome> DeleteAsync(
        string author, RecordRef record, bool cascade, RecordExpectation expected, CancellationToken cancellationToken)
    {
        var (holds, preconditions) = await PreconditionsAsync(record, expected, cancellationToken);
        if (!holds)
        {
            return new CurationOutcome(CurationStatus.PreconditionFailed);
        }

        return CurationOutcome.Of(await WriteAsync(new CurationWrite(author, GraphBundle.Empty, [record], cascade, preconditions), cancellationToken));
    }

    /// <summary>
    /// The store's precondition for the expectation (none when there is no expectation), or that it already cannot hold. Several versions and
    /// <c>*</c> are resolved here against the current version; the store re-checks that one inside its transaction,
    /// so a write racing this one still fails.
    /// </summary>
    private async Task<(bool Holds, IReadOnlyDictionary<RecordRef, string?>? Preconditions)> PreconditionsAsync(RecordRef record, RecordExpectation expected, CancellationToken cancellationToken)
    {
        if (expected.MustNotExist)
        {
            return (true, new Dictionary<RecordRef, string?> { [record] = null });
        }

        if (expected.Versions is not { } versions)
        {
            return (true, null);
        }

        var current = await reads.GetRecordAsync(record, cancellationToken);
        return current is not null && (versions.Contains("*") || versions.Contains(current.Version))
            ? (true, new Dictionary<RecordRef, string?> { [record] = current.Version })
            : (false, null);
    }

    private async Task<WriteResult> WriteAsync(CurationWrite write, CancellationToken cancellationToken)
    {
        using var activity = ApiTelemetry.StartWrite("curation");
        var result = await writes.WriteAsync(write, cancellationToken);
        ApiTelemetry.Written("curation", activity, result);
        sources.Invalidate();
        version.Invalidate();
        return result;
    }

    /// <summary>The record's problems by field within the record ("sources[1].sourceId"), or null when it is valid.</summary>
    private async Task<IReadOnlyDictionary<string, string[]>?> ValidateAsync(GraphBundle bundle, CancellationToken cancellationToken)
    {
        var existing = await ReferencedRecords.LookUpAsync(bundle, reads, cancellationToken);
        var result = await new BundleValidator(existing).ValidateAsync(bundle, cancellationToken);
        return result.IsValid ? null : ByField(result.Errors);
    }

    private static Dictionary<string, string[]> ByField(IEnumerable<ValidationFailure> failures) =>
        failures.GroupBy(f => FieldName(f.PropertyName)).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());

    /// <summary>"relations[0].sources[1].sourceId" → "sources[1].sourceId": the field within the one record sent.</summary>
    private static string FieldName(string propertyPath)
    {
        if (!(propertyPath.StartsWith("actors[", StringComparison.Ordinal) || propertyPath.StartsWith("relations[", StringComparison.Ordinal) || propertyPath.StartsWith("sources[", StringComparison.Ordinal)))
        {
            return propertyPath;
        }

        var firstDot = propertyPath.IndexOf('.', StringComparison.Ordinal);
        return firstDot < 0 ? "id" : propertyPath[(firstDot + 1)..];
    }
}
