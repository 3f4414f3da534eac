using System.ComponentModel;
using System.Globalization;
using FluentValidation;
using IomGraph.Core.Storage;
using IomGraph.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace IomGraph.Api.Requests;

public sealed record ChangesRequest(
    [property: FromQuery(Name = "since"), Description("Only changes at or after this instant, ISO 8601 with an offset (2026-11-30T09:00:00Z). To sync, prefer the cursor: it never misses or repeats a change.")]
    string? Since,
    [property: FromQuery(Name = "limit"), Description("Changes per page, 1 to 500."), DefaultValue(ChangesRequest.DefaultLimit)]
    int? Limit,
    [property: FromQuery(Name = "cursor"), Description("The 'nextCursor' of the previous page, unchanged. Keep the last one to resume a sync later.")]
    string? Cursor)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static bool TryParseInstant(string? raw, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(raw, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    public ChangeQuery ToQuery(RecordRef? record = null) => new(
        Since is null ? null : TryParseInstant(Since, out var since) ? since : throw new InvalidOperationException("Unvalidated since."),
        record,
        Limit ?? DefaultLimit,
        QueryRules.Cursor<ChangeCursor>(Cursor));
}

public sealed class ChangesRequestValidator : WireValidator<ChangesRequest>
{
    public ChangesRequestValidator()
    {
        RuleFor(r => r.Since).Must(s => s is null || ChangesRequest.TryParseInstant(s, out _))
            .WithMessage("'{PropertyName}' must be an ISO 8601 instant with an offset, such as 2026-11-30T09:00:00Z, or a date.");
        RuleFor(r => r.Limit).MustBeLimit(ChangesRequest.MaxLimit);
        RuleFor(r => r.Cursor).MustBeCursor<ChangesRequest, ChangeCursor>();
    }
}

public sealed record HistoryRequest(
    [property: FromQuery(Name = "limit"), Description("Changes per page, 1 to 500."), DefaultValue(ChangesRequest.DefaultLimit)]
    int? Limit,
    [property: FromQuery(Name = "cursor"), Description("The 'nextCursor' of the previous page, unchanged.")]
    string? Cursor)
{
    public ChangeQuery ToQuery(RecordRef record) => new(null, record, Limit ?? ChangesRequest.DefaultLimit, QueryRules.Cursor<ChangeCursor>(Cursor));
}

public sealed class HistoryRequestValidator : WireValidator<HistoryRequest>
{
    public HistoryRequestValidator()
    {
        RuleFor(r => r.Limit).MustBeLimit(ChangesRequest.MaxLimit);
        RuleFor(r => r.Cursor).MustBeCursor<HistoryRequest, ChangeCursor>();
    }
}
