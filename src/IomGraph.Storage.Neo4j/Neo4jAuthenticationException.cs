namespace IomGraph.Storage.Neo4j;

/// <summary>
/// Neo4j refused the configured credentials (HTTP 401 or 403). Raised by <see cref="Neo4jGraphStore.InitialiseAsync"/>,
/// so that a host with wrong credentials stops at start-up; later requests report it as a store outage.
/// The message names the user, never the password.
/// </summary>
public sealed class Neo4jAuthenticationException : Exception
{
    public Neo4jAuthenticationException()
        : base("Neo4j rejected the credentials.")
    {
    }

    public Neo4jAuthenticationException(string message)
        : base(message)
    {
    }

    public Neo4jAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
