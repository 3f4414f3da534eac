using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation.Results;
using IomGraph.Api.Application;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace IomGraph.Api.Http;

/// <summary>What write handlers share: reading a record strictly, validating it against the store, preconditions, ETags.</summary>
public static class Writes
{
    public const int MaxRecordBytes = 1024 * 1024;

    /// <summary>Reads a JSON record with the graph's strict rules. A bad body is a 400 naming the field.</summary>
    public static async Task<(T? Record, ValidationProblem? Problem)> ReadRecordAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Invalid("body", "The body must be JSON (Content-Type: application/json)."));
        }

        if (request.ContentLength > MaxRecordBytes)
        {
            return (null, Invalid("body", $"A single record may be at most {MaxRecordBytes} bytes."));
        }

        var (node, malformed) = await ReadJsonAsync(request.Body, cancellationToken);
        if (malformed is not null)
        {
            return (null, Invalid("body", malformed));
        }

        var (record, errors) = RecordReader.Read<T>(node);
        return record is not null ? (record, null) : (null, Problem(errors));
    }

    /// <summary>Parses a JSON body, or says in plain words why it is not JSON.</summary>
    public static async Task<(JsonNode? Node, string? Malformed)> ReadJsonAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return (await JsonNode.ParseAsync(body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }, cancellationToken: cancellationToken), null);
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
            var where = e.LineNumber is { } line && e.BytePositionInLine is { } column
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, character {column + 1}")
                : string.Empty;
            return (null, $"The body is not valid JSON{where}: {reason}.");
        }
    }

    /// <summary>Validates one-record bundles with the same rules as seed data, against what the store holds.</summary>
    public static async Task<ValidationProblem?> ValidateAsync(GraphBundle bundle, IGraphReader store, CancellationToken cancellationToken)
    {
        var actorIds = bundle.Relations.SelectMany(r => new[] { r.From, r.To }).Where(Ids.IsSlug).Distinct().ToList();
        var sourceIds = bundle.Relations.SelectMany(r => r.Sources ?? []).Concat(bundle.Actors.SelectMany(a => a.Sources ?? []))
            .Select(c => c.SourceId).Where(Ids.IsSlug).Distinct().ToList();
        var existing = actorIds.Count + sourceIds.Count == 0
            ? ExistingRecords.None
            : await store.GetExistingAsync(actorIds, sourceIds, cancellationToken);
        var result = await new BundleValidator(existing).ValidateAsync(bundle, cancellationToken);
        return result.IsValid ? null : Problem(result.Errors);
    }

    public static ValidationProblem Problem(IEnumerable<ValidationFailure> failures) =>
        Problem(failures.GroupBy(f => FieldName(f.PropertyName)).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));

    public static ValidationProblem Problem(IReadOnlyDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        detail: "The record is invalid and nothing was written. See 'errors', keyed by field.",
        title: "Invalid record");

    public static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] },
        detail: "The request is invalid and nothing was written. See 'errors'.",
        title: "Invalid request");

    /// <summary>"Relations[0].Sources[1].SourceId" → "sources[1].sourceId": the field within the one record sent.</summary>
    private static string FieldName(string propertyPath)
    {
        var path = propertyPath;
        var firstDot = path.IndexOf('.', StringComparison.Ordinal);
        if (path.StartsWith("actors[", StringComparison.OrdinalIgnoreCase) || path.StartsWith("relations[", StringComparison.OrdinalIgnoreCase) || path.StartsWith("sources[", StringComparison.OrdinalIgnoreCase))
        {
            path = firstDot < 0 ? "id" : path[(firstDot + 1)..];
        }

        return string.Join('.', path.Split('.').Select(JsonNames.Camel));
    }

    /// <summary>The quoted ETag of a version.</summary>
    public static string ETag(string version) => $"\"{version}\"";

    /// <summary>True when If-None-Match names the current version, so a GET can answer 304.</summary>
    public static bool NotModified(HttpRequest request, string version) =>
        request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(ETag(version)));

    /// <summary>
    /// Reads If-Match into a precondition: null when absent; "*" means the record must exist now. Several tags are
    /// allowed; the write then needs the record to match the first that is current, which the caller resolves.
    /// </summary>
    public static IReadOnlyList<string>? IfMatch(HttpRequest request)
    {
        var tags = request.GetTypedHeaders().IfMatch;
        return tags is { Count: > 0 } ? tags.Select(t => t.Equals(EntityTagHeaderValue.Any) ? "*" : t.Tag.ToString().Trim('"')).ToList() : null;
    }

    /// <summary>
    /// Turns If-Match into the store precondition for one record, checking "*" and multi-tag lists against the current
    /// version. Returns a 412 when it already cannot hold.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<RecordRef, string?>? Preconditions, ProblemHttpResult? Failed)> PreconditionsAsync(
        HttpRequest request, RecordRef record, IGraphReader store, CancellationToken cancellationToken)
    {
        var ifMatch = IfMatch(request);
        if (ifMatch is null)
        {
            return (null, null);
        }

        var current = await store.GetRecordAsync(record, cancellationToken);
        if (current is null || !(ifMatch.Contains("*") || ifMatch.Contains(current.Version)))
        {
            return (null, PreconditionFailed(record));
        }

        // The store re-checks inside its transaction, so a write racing this one still fails with 412.
        return (new Dictionary<RecordRef, string?> { [record] = current.Version }, null);
    }

    /// <summary>The outcome of one record's create-or-replace: the write, or the answer that refused it.</summary>
    public sealed record UpsertOutcome(WriteResult? Written, ValidationProblem? Invalid, ProblemHttpResult? Refused);

    /// <summary>
    /// What every create-or-replace of one record does once the record is read: validate it against the store, turn
    /// If-Match (or, for a create-only write, "must not exist yet") into a precondition, write it, and set the ETag.
    /// </summary>
    public static async Task<UpsertOutcome> UpsertAsync(
        HttpContext http, RecordRef record, GraphBundle bundle, IGraphWriter store, bool createOnly, CancellationToken cancellationToken)
    {
        var reads = http.RequestServices.GetRequiredService<IGraphReader>();
        if (await ValidateAsync(bundle, reads, cancellationToken) is { } problem)
        {
            return new UpsertOutcome(null, problem, null);
        }

        IReadOnlyDictionary<RecordRef, string?>? preconditions;
        if (createOnly)
        {
            preconditions = new Dictionary<RecordRef, string?> { [record] = null };
        }
        else
        {
            (preconditions, var failed) = await PreconditionsAsync(http.Request, record, reads, cancellationToken);
            if (failed is not null)
            {
                return new UpsertOutcome(null, null, failed);
            }
        }

        var result = await store.WriteAsync(new CurationWrite(http.Author(), bundle, [], Preconditions: preconditions), cancellationToken);
        http.RequestServices.GetRequiredService<SourceDirectory>().Invalidate();
        http.RequestServices.GetRequiredService<GraphVersion>().Invalidate();
        if (createOnly && result.Status == WriteStatus.PreconditionFailed)
        {
            var kind = record.Kind.ToString().ToLowerInvariant();
            return new UpsertOutcome(null, null, TypedResults.Problem(
                detail: $"A {kind} with id '{record.Id}' already exists. Nothing was written; use PUT /api/v1/{kind}s/{record.Id} to replace it.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Conflict"));
        }

        if (result.Status != WriteStatus.Applied)
        {
            return new UpsertOutcome(null, null, Refused(result));
        }

        http.Response.Headers.ETag = ETag(result.Versions[record]);
        return new UpsertOutcome(result, null, null);
    }

    /// <summary>What every DELETE does: honour If-Match, delete (cascading when asked), answer 204 or the refusal.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        HttpContext http, RecordRef record, bool cascade, IGraphWriter store, CancellationToken cancellationToken)
    {
        var reads = http.RequestServices.GetRequiredService<IGraphReader>();
        var (preconditions, failed) = await PreconditionsAsync(http.Request, record, reads, cancellationToken);
        if (failed is not null)
        {
            return failed;
        }

        var result = await store.WriteAsync(new CurationWrite(http.Author(), GraphBundle.Empty, [record], cascade, preconditions), cancellationToken);
        http.RequestServices.GetRequiredService<SourceDirectory>().Invalidate();
        http.RequestServices.GetRequiredService<GraphVersion>().Invalidate();
        return result.Status == WriteStatus.Applied ? TypedResults.NoContent() : Refused(result);
    }

    public static ProblemHttpResult PreconditionFailed(RecordRef record) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status412PreconditionFailed,
        Title = "Precondition failed",
        Detail = $"The {record} has changed since the version named in If-Match (or does not exist). Fetch it again and retry.",
    });

    /// <summary>Maps a store refusal to its problem.</summary>
    public static ProblemHttpResult Refused(WriteResult result) => TypedResults.Problem(new ProblemDetails
    {
        Status = result.Status switch
        {
            WriteStatus.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            WriteStatus.Conflict => StatusCodes.Status409Conflict,
            WriteStatus.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        },
        Title = result.Status switch
        {
            WriteStatus.PreconditionFailed => "Precondition failed",
            WriteStatus.Conflict => "Conflict",
            WriteStatus.NotFound => "Not found",
            _ => "Invalid record",
        },
        Detail = (result.Message ?? "The write was refused.") + " Nothing was written.",
    });
}
