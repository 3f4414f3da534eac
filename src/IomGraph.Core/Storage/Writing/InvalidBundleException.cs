namespace IomGraph.Core.Storage.Writing;

/// <summary>
/// A bundle a store refuses while it writes it (an id held twice, a reference nothing holds). Adapters throw it from
/// deep inside a write to unwind the transaction, and turn it into a <see cref="WriteStatus.Invalid"/> result: it never
/// leaves a store.
/// </summary>
public sealed class InvalidBundleException : Exception
{
    public InvalidBundleException(string message, RecordRef? offender = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Offender = offender;
    }

    /// <summary>The record at fault, when there is one.</summary>
    public RecordRef? Offender { get; }

    public WriteResult ToResult() => WriteResult.Failed(WriteStatus.Invalid, Message, Offender);
}
