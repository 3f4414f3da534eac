using IomGraph.Storage.Neo4j.Internal;
using Microsoft.Extensions.Logging;

namespace IomGraph.Storage.Neo4j;

// The citation counts' backfill, run by InitialiseAsync after the schema; the counts themselves are kept by every write
// (CypherCatalogue.Citations.cs).
public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// Sets <c>citedBy</c> on the sources that lack it, written before the counts were maintained on write, in batches of
    /// <see cref="Neo4jOptions.BatchSize"/>, each its own transaction, until none is left. A database written by this
    /// version has none, and the first request finds nothing. Reads count such a source's citations until then.
    /// </summary>
    private async Task BackfillCitationCountsAsync(TransportProvider.Connection connection, CancellationToken cancellationToken)
    {
        long filled = 0;
        while (true)
        {
            var result = (await connection.Transport.ExecuteAsync(
                [CypherCatalogue.BackfillCitations.With(("batch", _options.BatchSize))], idempotent: true, cancellationToken))[0];
            var batch = result.Rows.Count == 0 ? 0 : Rows.Long(result.Rows[0][result.Column("filled")]);
            if (batch == 0)
            {
                break;
            }

            filled += batch;
        }

        if (filled > 0)
        {
            LogCitationsBackfilled(filled);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Counted the citations of {Count} sources written before the counts were maintained on write.")]
    private partial void LogCitationsBackfilled(long count);
}
