namespace IomGraph.Core.Storage;

/// <summary>Thrown by an adapter when its database cannot be reached or fails; for example when it is not running or refuses the credentials.</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
        : base("The graph store is unavailable.")
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
