namespace IomGraph.Core.Storage.Writing;

/// <summary>What a write does to one record of its bundle, decided by the hash stored under the record's id.</summary>
public enum RecordState
{
    /// <summary>Stored with the same hash: not rewritten, not logged.</summary>
    Unchanged = 0,

    /// <summary>Not stored: created and logged as a create.</summary>
    Created = 1,

    /// <summary>Stored with another hash: replaced and logged as an update.</summary>
    Updated = 2,
}

/// <summary>The rule that decides a record's <see cref="RecordState"/>.</summary>
public static class RecordStates
{
    /// <summary>By the stored hash (null when the id is not stored) against the bundle's.</summary>
    public static RecordState Of(ReadOnlySpan<byte> stored, bool isStored, ReadOnlySpan<byte> hash) =>
        !isStored ? RecordState.Created : stored.SequenceEqual(hash) ? RecordState.Unchanged : RecordState.Updated;

    /// <summary>By the stored hex hash (null when the id is not stored) against the bundle's.</summary>
    public static RecordState Of(string? storedHex, string hex) =>
        storedHex is null ? RecordState.Created
        : string.Equals(storedHex, hex, StringComparison.OrdinalIgnoreCase) ? RecordState.Unchanged
        : RecordState.Updated;

    /// <summary>Created, updated, unchanged and deleted counts of one kind.</summary>
    public static RecordCounts Count(IEnumerable<RecordState> states, int deleted)
    {
        int created = 0, updated = 0, unchanged = 0;
        foreach (var state in states)
        {
            switch (state)
            {
                case RecordState.Created: created++; break;
                case RecordState.Updated: updated++; break;
                default: unchanged++; break;
            }
        }

        return new RecordCounts(created, updated, unchanged, deleted);
    }
}
