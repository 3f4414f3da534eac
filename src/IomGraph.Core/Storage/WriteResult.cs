namespace IomGraph.Core.Storage;

/// <summary>
/// What a write did: created, updated, unchanged and deleted counts per kind, and the versions now stored; or, when
/// <see cref="Status"/> is not <see cref="WriteStatus.Applied"/>, why nothing changed (<see cref="Message"/>, naming the
/// record at fault in <see cref="Offender"/> when there is one).
/// </summary>
public sealed record WriteResult(
    WriteStatus Status,
    BundleResult Counts,
    IReadOnlyDictionary<RecordRef, string> Versions,
    string? Message = null,
    RecordRef? Offender = null)
{
    /// <summary>How many records a seed replaced that another author wrote last (see <see cref="IGraphWriter"/>); 0 for other writes.</summary>
    public int Overwritten { get; init; }

    public bool Applied => Status == WriteStatus.Applied;

    public static WriteResult Failed(WriteStatus status, string message, RecordRef? offender = null) =>
        new(status, new BundleResult(RecordCounts.Zero, RecordCounts.Zero, RecordCounts.Zero), new Dictionary<RecordRef, string>(), message, offender);
}
