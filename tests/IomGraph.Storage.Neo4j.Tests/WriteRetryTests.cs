using IomGraph.Core.Storage.Writing;
using IomGraph.Storage.Neo4j.Internal;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>
/// What a whole write transaction is run again for, through the same <see cref="CypherRetry"/> pipeline as the reads:
/// a transient error, a constraint that a concurrent writer's new id broke, an unreachable server before the commit;
/// never a commit whose outcome is unknown, a refused statement or a refused bundle.
/// </summary>
public sealed class WriteRetryTests
{
    public static TheoryData<string, bool> Failures() => new()
    {
        { "transient", true },
        { "constraint", true },
        { "unreachable", true },
        { "commit-unknown", false },
        { "syntax", false },
        { "invalid-bundle", false },
        { "cancelled", false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_write_is_run_again_only_after_a_failure_that_a_new_attempt_may_pass(string failure, bool retried)
    {
        Exception exception = failure switch
        {
            "transient" => new CypherException("Neo.TransientError.Transaction.DeadlockDetected", "Deadlock.", null),
            "constraint" => new CypherException("Neo.ClientError.Schema.ConstraintValidationFailed", "Node already exists.", "CreateActors"),
            "unreachable" => new Neo4jUnavailableException("Connection refused."),
            "commit-unknown" => new Neo4jUnavailableException("The commit was not answered.", null, commitOutcomeUnknown: true),
            "syntax" => new CypherException("Neo.ClientError.Statement.SyntaxError", "Invalid input.", "CreateActors"),
            "invalid-bundle" => new InvalidBundleException("Relation 'r' refers to actor 'a', which does not exist."),
            _ => new OperationCanceledException(),
        };

        Assert.Equal(retried, CypherRetry.IsRetryableWrite(exception));
    }
}
