using IomGraph.Core.Storage;
using IomGraph.Core.Storage.Writing;
using Polly;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// Applies one <see cref="CurationWrite"/> (a seed, an import or a curator's) in one explicit transaction that spans a
/// handful of requests, so that it is all or nothing. The rules are Core's (<see cref="PreparedBundle"/>,
/// <see cref="CurationChecks"/>, <see cref="BundleReferences"/>, <see cref="ChangeTimes"/>); this class does the I/O:
/// <list type="number">
/// <item>First request: what is stored (<see cref="StoredLookup"/>), after the change log's lock.</item>
/// <item>The plan, by Core's checks on it (<see cref="WritePlan"/>); a refusal rolls back.</item>
/// <item>When the plan updates or deletes relations: the sources they cite before the write (<see cref="CypherCatalogue.CitedSources"/>),
/// whose citation counts the write must recount.</item>
/// <item>Then: the statements that carry the plan out (<see cref="WriteStatements"/>), grouped into as few requests as
/// their size allows. Counts returned by the statements are checked before the commit; a shortfall means a reference
/// vanished and rolls back.</item>
/// <item>Commit.</item>
/// </list>
/// A failure before the commit rolls back and, when <see cref="CypherRetry.IsRetryableWrite"/>, reruns the whole
/// transaction through the store's write pipeline (<see cref="CypherRetry"/>: up to <see cref="Neo4jOptions.MaxRetries"/>
/// times); a failed commit is never repeated, since it may have succeeded.
/// </summary>
internal sealed class BundleWriter(ICypherTransport transport, Neo4jOptions options, TimeProvider time, ResiliencePipeline retry)
{
    /// <summary>What a write's records are marked with: a seed's removals go by it.</summary>
    public static string OriginOf(CurationWrite write) => write.IsSeed ? "seed" : "import";

    /// <summary>Applies a write. Refusals are results; the transaction is rolled back.</summary>
    public async Task<WriteResult> WriteAsync(CurationWrite write, CancellationToken cancellationToken)
    {
        try
        {
            var prepared = PreparedBundle.Prepare(write.Upserts);
            return await retry.ExecuteAsync(
                static async (state, token) => await state.Writer.AttemptAsync(state.Prepared, state.Write, token),
                (Writer: this, Prepared: prepared, Write: write),
                cancellationToken);
        }
        catch (InvalidBundleException e)
        {
            return e.ToResult();
        }
    }

    private async Task<WriteResult> AttemptAsync(PreparedBundle bundle, CurationWrite write, CancellationToken cancellationToken)
    {
        var curation = write.IsSeed ? null : new CurationChecks(write);
        await using var transaction = await transport.BeginAsync(cancellationToken);

        var stored = await StoredLookup.ReadAsync(transaction, bundle, write, curation, options.BatchSize, cancellationToken);
        var (plan, refusal) = WritePlan.Make(bundle, write, curation, stored, time);
        if (plan is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return refusal!;
        }

        var uncited = await CitedBeforeAsync(transaction, plan, options.BatchSize, cancellationToken);
        var deleted = await ExecuteAsync(transaction, WriteStatements.For(bundle, write, plan, uncited, options.BatchSize, time), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var counts = new BundleResult(
            plan.Sources.Counts(deleted.GetValueOrDefault(CypherCatalogue.DeleteUnusedSources.Name)),
            plan.Actors.Counts(deleted.GetValueOrDefault(CypherCatalogue.DeleteUnusedActors.Name)),
            plan.Relations.Counts(deleted.GetValueOrDefault(CypherCatalogue.DeleteRelations.Name)));
        return new WriteResult(WriteStatus.Applied, counts, write.ReportsVersions ? bundle.Versions() : []) { Overwritten = plan.Overwritten };
    }

    /// <summary>
    /// The sources that the relations the plan updates or deletes cite before the write, whose citation counts may fall
    /// when it removes those citations: one request, only when there are such relations.
    /// </summary>
    private static async Task<IReadOnlyList<string>> CitedBeforeAsync(
        ICypherTransaction transaction, WritePlan plan, int batchSize, CancellationToken cancellationToken)
    {
        var relations = plan.Relations.IdsIn(RecordState.Updated).Concat(plan.Relations.Deletes).ToList();
        if (relations.Count == 0)
        {
            return [];
        }

        var results = await transaction.ExecuteAsync(
            [.. relations.Chunk(batchSize).Select(chunk => CypherCatalogue.CitedSources.With(("ids", chunk)))], cancellationToken);
        return [.. results.SelectMany(r => r.Rows.Select(row => Rows.RequiredText(row[r.Column("id")])))];
    }

    /// <summary>
    /// Runs the statements in one request and checks the counts they return; the records each delete statement
    /// removed, by its name. A count short of what was expected rolls back and refuses the bundle.
    /// </summary>
    private static async Task<Dictionary<string, int>> ExecuteAsync(
        ICypherTransaction transaction, IReadOnlyList<CountedStatement> writes, CancellationToken cancellationToken)
    {
        var results = writes.Count == 0 ? [] : await transaction.ExecuteAsync([.. writes.Select(w => w.Statement)], cancellationToken);
        var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < writes.Count; i++)
        {
            var (statement, column, expected) = writes[i];
            if (column is null)
            {
                continue;
            }

            var result = results[i];
            var count = result.Rows.Count == 0 ? 0 : Rows.Long(result.Rows[0][result.Column(column)]);
            if (expected >= 0 && count != expected)
            {
                // A reference found at the start is gone (a concurrent writer deleted it): refuse the whole bundle.
                await transaction.RollbackAsync(cancellationToken);
                throw new InvalidBundleException(WriteMessages.ReferencesChanged(statement.Query.Name, count, expected));
            }

            if (column == "deleted")
            {
                deleted[statement.Query.Name] = deleted.GetValueOrDefault(statement.Query.Name) + (int)count;
            }
        }

        return deleted;
    }
}
