using IomGraph.Api.Application;
using IomGraph.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace IomGraph.Api.Http;

/// <summary>What write handlers share in HTTP: reading a record strictly, If-Match, ETags, and answering a curation outcome.</summary>
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

        var (node, malformed) = await RecordReader.ReadJsonAsync(request.Body, cancellationToken);
        if (malformed is not null)
        {
            return (null, Invalid("body", malformed));
        }

        var (record, errors) = RecordReader.Read<T>(node);
        return record is not null ? (record, null) : (null, Problem(errors));
    }

    /// <summary>
    /// Reads a record for a write to <paramref name="pathId"/> (null for a POST, whose id is the body's): as
    /// <see cref="ReadRecordAsync{T}(HttpRequest, CancellationToken)"/>, and the body's id must be the path's.
    /// </summary>
    public static async Task<(T? Record, ValidationProblem? Problem)> ReadRecordAsync<T>(HttpRequest request, string? pathId, Func<T, string> idOf, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(idOf);
        var (record, invalid) = await ReadRecordAsync<T>(request, cancellationToken);
        if (record is not null && pathId is not null && idOf(record) != pathId)
        {
            return (null, Invalid("id", $"The body's id '{idOf(record)}' differs from the path's '{pathId}'."));
        }

        return (record, invalid);
    }

    public static ValidationProblem Problem(IReadOnlyDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        detail: "The record is invalid and nothing was written. See 'errors', keyed by field.",
        title: "Invalid record");

    public static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] },
        detail: "The request is invalid and nothing was written. See 'errors'.",
        title: "Invalid request");

    /// <summary>The quoted ETag of a version.</summary>
    public static string ETag(string version) => $"\"{version}\"";

    /// <summary>True when If-None-Match names the current version, so a GET can answer 304.</summary>
    public static bool NotModified(HttpRequest request, string version) =>
        request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(ETag(version)));

    /// <summary>
    /// What the request expects of the stored record, from If-Match: nothing when absent; otherwise one of its tags'
    /// versions, <c>*</c> meaning "exists, at any version".
    /// </summary>
    public static RecordExpectation Expected(HttpRequest request)
    {
        var tags = request.GetTypedHeaders().IfMatch;
        return RecordExpectation.AtOneOf(tags is { Count: > 0 } ? tags.Select(t => t.Equals(EntityTagHeaderValue.Any) ? "*" : t.Tag.ToString().Trim('"')).ToList() : null);
    }

    /// <summary>An upsert's refusal in HTTP (exactly one of the two is set), or neither when it was written; then the ETag is set.</summary>
    public sealed record Refusal(ValidationProblem? Invalid, ProblemHttpResult? Problem)
    {
        public bool Written => Invalid is null && Problem is null;
    }

    /// <summary>Answers an upsert's outcome: on success the record's new ETag, otherwise the problem that says why not.</summary>
    public static Refusal Answer(CurationOutcome outcome, RecordRef record, HttpResponse response)
    {
        switch (outcome.Status)
        {
            case CurationStatus.Written:
                response.Headers.ETag = ETag(outcome.Result!.Versions[record]);
                return new Refusal(null, null);
            case CurationStatus.Invalid:
                return new Refusal(Problem(outcome.Errors!), null);
            default:
                return new Refusal(null, Refused(outcome, record));
        }
    }

    /// <summary>Answers a delete's outcome: 204, or the problem that says why not.</summary>
    public static Results<NoContent, ProblemHttpResult> AnswerDelete(CurationOutcome outcome, RecordRef record) =>
        outcome.Status == CurationStatus.Written ? TypedResults.NoContent() : Refused(outcome, record);

    private static ProblemHttpResult Refused(CurationOutcome outcome, RecordRef record)
    {
        switch (outcome.Status)
        {
            case CurationStatus.PreconditionFailed:
                return PreconditionFailed(record);
            case CurationStatus.AlreadyExists:
                var kind = record.Kind.ToString().ToLowerInvariant();
                return TypedResults.Problem(
                    detail: $"A {kind} with id '{record.Id}' already exists. Nothing was written; use PUT /api/v1/{kind}s/{record.Id} to replace it.",
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Conflict");
            default:
                return Refused(outcome.Result!);
        }
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
