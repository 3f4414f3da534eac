namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>The server could not be reached, timed out, failed (5xx) or lost a transaction. The store reports it as unavailable.</summary>
internal sealed class Neo4jUnavailableException : Exception
{
    public Neo4jUnavailableException()
    {
    }

    public Neo4jUnavailableException(string message)
        : base(message)
    {
    }

    public Neo4jUnavailableException(string message, Exception? innerException, bool commitOutcomeUnknown = false)
        : base(message, innerException) => CommitOutcomeUnknown = commitOutcomeUnknown;

    /// <summary>True when a commit request failed after it was sent: the transaction may or may not have committed.</summary>
    public bool CommitOutcomeUnknown { get; }
}

/// <summary>Neo4j answered with an entry in <c>errors</c>: a status code such as <c>Neo.ClientError.Statement.SyntaxError</c>.</summary>
internal sealed class CypherException : Exception
{
    public CypherException()
    {
    }

    public CypherException(string message)
        : base(message)
    {
    }

    public CypherException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CypherException(string code, string serverMessage, string? statement)
        : base($"Neo4j refused {(statement is null ? "the request" : $"statement {statement}")}: {code}: {serverMessage}")
    {
        Code = code;
        ServerMessage = serverMessage;
        Statement = statement;
    }

    public string Code { get; } = string.Empty;

    public string ServerMessage { get; } = string.Empty;

    /// <summary>The catalogue name of the statement that failed, when the server said which.</summary>
    public string? Statement { get; }

    /// <summary>Neo.TransientError.*: retrying the whole transaction may succeed.</summary>
    public bool IsTransient => Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);

    /// <summary>Neo.DatabaseError.*: the server failed, not our statement.</summary>
    public bool IsDatabaseError => Code.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal);

    public bool IsConstraintViolation => Code == "Neo.ClientError.Schema.ConstraintValidationFailed";

    /// <summary>The schema object already exists: a harmless answer to a 3.x/4.0–4.3 schema statement without IF NOT EXISTS.</summary>
    public bool IsAlreadyExists => Code is "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists"
        or "Neo.ClientError.Schema.ConstraintAlreadyExists"
        or "Neo.ClientError.Schema.IndexAlreadyExists"
        or "Neo.ClientError.Schema.ConstraintWithNameAlreadyExists"
        or "Neo.ClientError.Schema.IndexWithNameAlreadyExists";

    public static bool IsSecurityCode(string code) => code.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal);
}
