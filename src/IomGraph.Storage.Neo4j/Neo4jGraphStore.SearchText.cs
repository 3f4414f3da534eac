using IomGraph.Storage.Neo4j.Internal;

namespace IomGraph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// Gives the actors of a database written before the search's index existed their <c>searchText</c> (or
    /// <c>searchLong</c>), a batch per request, from the folded names they hold: without it the search would not find
    /// them. Stops when none is left, or when a batch changes nothing (names the node does not hold as a list).
    /// </summary>
    private async Task BackfillSearchTextAsync(TransportProvider.Connection connection, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var found = (await connection.Transport.ExecuteAsync(
                [CypherCatalogue.ActorsWithoutSearchText.With(("take", _options.BatchSize))], idempotent: true, cancellationToken))[0];
            if (found.Rows.Count == 0)
            {
                break;
            }

            var (idColumn, namesColumn) = (found.Column("id"), found.Column("searchNames"));
            var rows = new List<Dictionary<string, object?>>(found.Rows.Count);
            foreach (var row in found.Rows)
            {
                if (row[namesColumn].ValueKind != System.Text.Json.JsonValueKind.Array)
                {
                    continue;
                }

                var names = row[namesColumn].EnumerateArray().Select(Rows.RequiredText).ToList();
                var (text, isLong) = SearchText.For(names);
                rows.Add(new() { ["id"] = Rows.RequiredText(row[idColumn]), ["searchNames"] = names, ["searchText"] = text, ["searchLong"] = isLong });
            }

            var written = rows.Count == 0 ? 0 : Rows.Long((await connection.Transport.ExecuteAsync(
                [CypherCatalogue.SetSearchText.With(("rows", rows))], idempotent: true, cancellationToken))[0].Rows[0][0]);
            total += (int)written;
            if (written == 0 || found.Rows.Count < _options.BatchSize)
            {
                break;
            }
        }

        if (total > 0)
        {
            LogSearchTextBackfilled(total);
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Gave {Count} actors written by an earlier version the text the search's index reads.")]
    private partial void LogSearchTextBackfilled(int count);
}
