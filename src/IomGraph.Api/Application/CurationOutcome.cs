using IomGraph.Core.Storage;

namespace IomGraph.Api.Application;

/// <summary>How a curator's write of one record ended, for the endpoint to answer in HTTP.</summary>
public enum CurationStatus
{
    /// <summary>Written and logged; <see cref="CurationOutcome.Result"/> says what changed.</summary>
    Written,

    /// <summary>The record breaks the graph's rules; <see cref="CurationOutcome.Errors"/> names each field. Nothing was written.</summary>
    Invalid,

    /// <summary>The record is not at a version the curator named (or does not exist). Nothing was written.</summary>
    PreconditionFailed,

    /// <summary>A create found the record already there. Nothing was written.</summary>
    AlreadyExists,

    /// <summary>The store refused the write; <see cref="CurationOutcome.Result"/> says why. Nothing was written.</summary>
    Refused,
}

/// <summary>The outcome of one curation write: its status, the store's result, and the problems by field.</summary>
public sealed record CurationOutcome(CurationStatus Status, WriteResult? Result = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static CurationOutcome Of(WriteResult result) =>
        new(result.Status == WriteStatus.Applied ? CurationStatus.Written : CurationStatus.Refused, result);
}
