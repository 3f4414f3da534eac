using System.Buffers;
using System.Net;
using System.Text.Json;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// The Query API (Neo4j 5.19+, 2025.x): <c>POST /db/{db}/query/v2</c>, one statement per request, in typed JSON
/// (<c>application/vnd.neo4j.query</c>) both ways so that integers and temporals keep their types. Success is 202;
/// <c>errors</c> is checked whatever the status. A batch of several statements runs in an explicit transaction
/// (<c>/query/v2/tx</c>, then <c>/tx/{id}</c> per statement, then <c>/tx/{id}/commit</c>; DELETE rolls back), so it stays
/// atomic at the cost of one request per statement.
/// https://neo4j.com/docs/query-api/current/query/ and https://neo4j.com/docs/query-api/current/transactions
/// </summary>
internal sealed class QueryApiTransport(Neo4jHttp http, string queryPath, string description) : ICypherTransport
{
    private const string Typed = CypherJson.TypedMediaType;

    public string Description => description;

    /// <summary>"db/neo4j/query/v2".</summary>
    public string QueryPath => queryPath;

    public async Task<IReadOnlyList<CypherResult>> ExecuteAsync(IReadOnlyList<CypherStatement> statements, bool idempotent, CancellationToken cancellationToken)
    {
        if (statements.Count == 1)
        {
            var response = await http.SendAsync(HttpMethod.Post, queryPath, Body(statements[0]), Typed, retryable: idempotent, cancellationToken, statements: statements);
            return [Result(response, statements[0], queryPath)];
        }

        await using var transaction = await BeginAsync(cancellationToken);
        var results = await transaction.ExecuteAsync(statements, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    public async Task<ICypherTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var path = queryPath + "/tx";
        // An empty body opens the transaction without running anything, so that repeating it leaves at most an idle one.
        var response = await http.SendAsync(HttpMethod.Post, path, null, Typed, retryable: true, cancellationToken);
        http.ThrowOnErrors(response.Body, null);
        if (response.Status is not (HttpStatusCode.Accepted or HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw http.Unexpected(response, path);
        }

        var id = response.Body.TryGetProperty("transaction", out var transaction) && transaction.TryGetProperty("id", out var i) ? i.GetString() : null;
        return string.IsNullOrEmpty(id) || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? throw new Neo4jUnavailableException($"Neo4j at {http.Options.Url} opened a transaction without a usable id.")
            : new Transaction(this, $"{path}/{id}", response.ClusterAffinity);
    }

    internal static byte[] Body(CypherStatement statement)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("statement", statement.Query.Text);
            writer.WritePropertyName("parameters");
            CypherJson.WriteParameters(writer, statement.Parameters, typed: true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads <c>data.fields</c> and <c>data.values</c>, unwrapping typed values, after checking <c>errors</c>.</summary>
    internal CypherResult Result(Neo4jResponse response, CypherStatement? statement, string path)
    {
        http.ThrowOnErrors(response.Body, statement?.Query.Name);
        if (response.Status is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
        {
            throw http.Unexpected(response, path);
        }

        if (response.Body.ValueKind != JsonValueKind.Object || !response.Body.TryGetProperty("data", out var data))
        {
            return CypherResult.Empty;
        }

        var fields = data.TryGetProperty("fields", out var f) ? f.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList() : [];
        var rows = new List<JsonElement[]>();
        if (data.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in values.EnumerateArray())
            {
                rows.Add([.. row.EnumerateArray().Select(CypherJson.Untype)]);
            }
        }

        return new CypherResult(fields, rows);
    }

    private sealed class Transaction(QueryApiTransport transport, string path, string? affinity) : HttpCypherTransaction
    {
        /// <summary>One request per statement: the Query API takes one statement at a time.</summary>
        protected override async Task<IReadOnlyList<CypherResult>> SendAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
        {
            var results = new List<CypherResult>(statements.Count);
            foreach (var statement in statements)
            {
                var response = await transport.SendAsync(path, Body(statement), commit: false, affinity, cancellationToken, [statement]);
                results.Add(transport.Result(response, statement, path));
            }

            return results;
        }

        protected override async Task SendCommitAsync(CancellationToken cancellationToken)
        {
            var commitPath = path + "/commit";
            var response = await transport.SendAsync(commitPath, null, commit: true, affinity, cancellationToken);
            transport.Result(response, null, commitPath);
        }

        protected override Task SendRollbackAsync(CancellationToken cancellationToken) => transport.DeleteAsync(path, affinity, cancellationToken);
    }

    private Task<Neo4jResponse> DeleteAsync(string path, string? affinity, CancellationToken cancellationToken) =>
        http.SendAsync(HttpMethod.Delete, path, null, Typed, retryable: false, cancellationToken, clusterAffinity: affinity);

    private async Task<Neo4jResponse> SendAsync(string path, byte[]? body, bool commit, string? affinity, CancellationToken cancellationToken, IReadOnlyList<CypherStatement>? statements = null)
    {
        var response = await http.SendAsync(HttpMethod.Post, path, body, Typed, retryable: false, cancellationToken, commit, affinity, statements);
        if (response.Status == HttpStatusCode.NotFound)
        {
            throw new Neo4jUnavailableException($"Neo4j at {http.Options.Url} no longer knows the transaction at {path}.");
        }

        return response;
    }
}
