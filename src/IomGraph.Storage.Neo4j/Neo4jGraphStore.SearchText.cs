using System.Text.Json;
using IomGraph.Storage.Neo4j.Internal;
using Microsoft.Extensions.Logging;

namespace IomGraph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// Makes every actor's <c>searchText</c> (or <c>searchLong</c>) from the folded names it holds where it was not made
    /// from the current record (<see cref="CypherCatalogue.ActorsWithoutSearchText"/>): actors written before the search's
    /// index existed, or changed since by an earlier version of the API. Without it the search would not find them, or
    /// not by their new names. One pass in id order, a batch per request; a node whose names are not a list of strings
    /// is left as it is.
    /// </summary>
    private async Task BackfillSearchTextAsync(TransportProvider.Connection connection, CancellationToken cancellationToken)
    {
        var (after, total) = (string.Empty, 0L);
        while (true)
        {
            var found = (await connection.Transport.ExecuteAsync(
                [CypherCatalogue.ActorsWithoutSearchText.With(("afterId", after), ("take", _options.BatchSize))], idempotent: true, cancellationToken))[0];
            var (idColumn, namesColumn, hashColumn) = (found.Column("id"), found.Column("searchNames"), found.Column("hash"));
            var rows = new List<Dictionary<string, object?>>(found.Rows.Count);
            foreach (var row in found.Rows)
            {
                after = Rows.RequiredText(row[idColumn]);
                if (Names(row[namesColumn]) is { } names && Rows.Text(row[hashColumn]) is { } hash)
                {
                    var (text, isLong) = SearchText.For(names);
                    rows.Add(new() { ["id"] = after, ["hash"] = hash, ["searchNames"] = names, ["searchText"] = text, ["searchLong"] = isLong });
                }
            }

            if (rows.Count > 0)
            {
                var written = await connection.Transport.ExecuteAsync([CypherCatalogue.SetSearchText.With(("rows", rows))], idempotent: true, cancellationToken);
                total += Rows.Long(written[0].Rows[0][0]);
            }

            if (found.Rows.Count < _options.BatchSize)
            {
                break;
            }
        }

        if (total > 0)
        {
            LogSearchTextBackfilled(total);
        }

        static List<string>? Names(JsonElement value) =>
            value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(n => n.ValueKind == JsonValueKind.String)
                ? [.. value.EnumerateArray().Select(n => n.GetString()!)]
                : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Made the search text of {Count} actors that an earlier version wrote or changed.")]
    private partial void LogSearchTextBackfilled(long count);
}
