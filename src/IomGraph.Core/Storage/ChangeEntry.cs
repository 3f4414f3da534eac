namespace IomGraph.Core.Storage;

/// <summary>One entry of the change log. <see cref="Before"/> and <see cref="After"/> are canonical JSON, null where the record did not exist.</summary>
public sealed record ChangeEntry(
    long Sequence,
    DateTimeOffset At,
    string Author,
    RecordRef Record,
    ChangeOperation Operation,
    string? Before,
    string? After);
