namespace IomGraph.Core.Storage;

/// <summary>How a write ended: applied, or refused with nothing changed.</summary>
public enum WriteStatus
{
    /// <summary>Everything was applied (or was already so).</summary>
    Applied,

    /// <summary>A precondition did not hold; nothing changed.</summary>
    PreconditionFailed,

    /// <summary>A record to delete is still referenced; nothing changed.</summary>
    Conflict,

    /// <summary>A record to delete does not exist; nothing changed.</summary>
    NotFound,

    /// <summary>An upsert refers to a record that does not exist (an end of a relation, a cited source); nothing changed.</summary>
    Invalid,
}
