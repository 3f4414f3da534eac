namespace IomGraph.Api.Application;

/// <summary>
/// What a curator expects of the stored record before a write: nothing; that it does not exist yet (a create); or that
/// it is at one of the versions named (If-Match, where <c>*</c> means "exists, at any version").
/// </summary>
public sealed record RecordExpectation
{
    private RecordExpectation(bool mustNotExist, IReadOnlyList<string>? versions)
    {
        MustNotExist = mustNotExist;
        Versions = versions;
    }

    /// <summary>No expectation: the write creates or replaces.</summary>
    public static RecordExpectation None { get; } = new(false, null);

    /// <summary>The record must not exist yet.</summary>
    public static RecordExpectation Absent { get; } = new(true, null);

    public bool MustNotExist { get; }

    /// <summary>The versions the record may be at, <c>*</c> for any; null when the write names none.</summary>
    public IReadOnlyList<string>? Versions { get; }

    /// <summary>The record must be at one of <paramref name="versions"/>; null or empty means no expectation.</summary>
    public static RecordExpectation AtOneOf(IReadOnlyList<string>? versions) =>
        versions is { Count: > 0 } ? new RecordExpectation(false, versions) : None;
}
