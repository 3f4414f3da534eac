using IomGraph.Core.Storage;

namespace IomGraph.Api.Contracts;

/// <summary>
/// One entry of the change log: its sequence number (the feed's order), when, who (a curator key's name, 'seed' or
/// 'import'), which record, what was done, and the record before and after (null where it did not exist).
/// </summary>
public sealed record ChangeResponse(
    long Sequence,
    DateTimeOffset At,
    string Author,
    RecordKind Kind,
    string Id,
    ChangeOperation Operation,
    object? Before,
    object? After)
{
    public static ChangeResponse Of(ChangeEntry e) => new(
        e.Sequence, e.At, e.Author, e.Record.Kind, e.Record.Id, e.Operation,
        e.Before is null ? null : System.Text.Json.Nodes.JsonNode.Parse(e.Before),
        e.After is null ? null : System.Text.Json.Nodes.JsonNode.Parse(e.After));
}

/// <summary>
/// A page of the change feed. <c>nextCursor</c> is null on the last page; <c>resumeCursor</c> is always the position after
/// this page's last change, to pass back as <c>cursor</c> later and receive only newer changes.
/// </summary>
public sealed record ChangeFeedResponse(IReadOnlyList<ChangeResponse> Items, long Total, string? NextCursor, string? ResumeCursor);
