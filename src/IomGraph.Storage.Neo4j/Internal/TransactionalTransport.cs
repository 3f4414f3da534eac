using System.Buffers;
using System.Net;
using System.Text.Json;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// The transactional Cypher endpoint: <c>/db/data/transaction</c> on 3.x, <c>/db/{db}/tx</c> on 4.x and 5.x.
/// Several statements travel in one request and run in one transaction, in order; results come back as rows
/// (<c>resultDataContents: ["row"]</c>; the <c>meta</c> array is never read). Every response, even a 200, is checked for
/// <c>errors</c>. An error ends the transaction on the server, which rolls it back.
/// </summary>
internal sealed class TransactionalTransport(Neo4jHttp http, string transactionPath, string description) : ICypherTransport
{
    private const string Json = "application/json";

    /// <summary>Statements of one open transaction are grouped into requests of at most this many bytes.</summary>
    internal const int MaxRequestBytes = 8 * 1024 * 1024;

    internal const int MaxStatementsPerRequest = 200;

    public string Description => description;

    /// <summary>The endpoint's path relative to the server root: "db/data/transaction" or "db/neo4j/tx".</summary>
    public string TransactionPath => transactionPath;

    public async Task<IReadOnlyList<CypherResult>> ExecuteAsync(IReadOnlyList<CypherStatement> statements, bool idempotent, CancellationToken cancellationToken)
    {
        // Begin-and-commit in one request: atomic however many statements it carries. Only reads are repeated on failure.
        var path = transactionPath + "/commit";
        var response = await http.SendAsync(HttpMethod.Post, path, Body(statements.Select(Serialise)), Json, retryable: idempotent, cancellationToken, statements: statements);
        return Results(response, statements, path);
    }

    public async Task<ICypherTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        // An empty begin holds no locks, so repeating it after a lost answer leaves at most an idle transaction behind.
        var response = await http.SendAsync(HttpMethod.Post, transactionPath, Body([]), Json, retryable: true, cancellationToken);
        http.ThrowOnErrors(response.Body, null);
        if (response.Status is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            throw http.Unexpected(response, transactionPath);
        }

        var commit = response.Body.TryGetProperty("commit", out var c) ? c.GetString() : null;
        var id = TransactionId(commit) ?? TransactionId(response.Location);
        return id is null
            ? throw new Neo4jUnavailableException($"Neo4j at {http.Options.Url} opened a transaction without saying where it lives.")
            : new Transaction(this, $"{transactionPath}/{id}");
    }

    /// <summary>".../db/data/transaction/12/commit" or ".../db/neo4j/tx/12" → "12".</summary>
    internal static string? TransactionId(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 0 && segments[^1] == "commit")
        {
            segments = segments[..^1];
        }

        return segments.Length > 0 && segments[^1].All(char.IsAsciiLetterOrDigit) ? segments[^1] : null;
    }

    internal static byte[] Serialise(CypherStatement statement)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("statement", statement.Query.Text);
            writer.WritePropertyName("parameters");
            CypherJson.WriteParameters(writer, statement.Parameters, typed: false);
            writer.WriteStartArray("resultDataContents");
            writer.WriteStringValue("row");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal static byte[] Body(IEnumerable<byte[]> statements)
    {
        using var stream = new MemoryStream();
        stream.Write("{\"statements\":["u8);
        var first = true;
        foreach (var statement in statements)
        {
            if (!first)
            {
                stream.WriteByte((byte)',');
            }

            stream.Write(statement);
            first = false;
        }

        stream.Write("]}"u8);
        return stream.ToArray();
    }

    /// <summary>Reads <c>results</c>, after throwing for <c>errors</c> (naming the statement that failed: the first without a result).</summary>
    internal List<CypherResult> Results(Neo4jResponse response, IReadOnlyList<CypherStatement> statements, string path)
    {
        var body = response.Body;
        var results = new List<CypherResult>(statements.Count);
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("results", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                var columns = item.TryGetProperty("columns", out var cs) ? cs.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList() : [];
                var rows = new List<JsonElement[]>();
                if (item.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
                {
                    foreach (var entry in data.EnumerateArray())
                    {
                        rows.Add([.. entry.GetProperty("row").EnumerateArray()]);
                    }
                }

                results.Add(new CypherResult(columns, rows));
            }
        }

        http.ThrowOnErrors(body, results.Count < statements.Count ? statements[results.Count].Query.Name : null);
        if (response.Status is not (HttpStatusCode.OK or HttpStatusCode.Created) || results.Count != statements.Count)
        {
            throw http.Unexpected(response, path);
        }

        return results;
    }

    /// <summary>Splits statements into requests no bigger than <see cref="MaxRequestBytes"/>.</summary>
    internal static IEnumerable<(List<CypherStatement> Statements, List<byte[]> Bodies)> Groups(IReadOnlyList<CypherStatement> statements)
    {
        var group = new List<CypherStatement>();
        var bodies = new List<byte[]>();
        var size = 0L;
        foreach (var statement in statements)
        {
            var body = Serialise(statement);
            if (group.Count > 0 && (size + body.Length > MaxRequestBytes || group.Count >= MaxStatementsPerRequest))
            {
                yield return (group, bodies);
                group = [];
                bodies = [];
                size = 0;
            }

            group.Add(statement);
            bodies.Add(body);
            size += body.Length;
        }

        if (group.Count > 0)
        {
            yield return (group, bodies);
        }
    }

    private sealed class Transaction(TransactionalTransport transport, string path) : HttpCypherTransaction
    {
        /// <summary>As few requests as <see cref="Groups"/> allows.</summary>
        protected override async Task<IReadOnlyList<CypherResult>> SendAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
        {
            var results = new List<CypherResult>(statements.Count);
            foreach (var (group, bodies) in Groups(statements))
            {
                var response = await transport.SendOrLoseAsync(path, Body(bodies), commit: false, cancellationToken, group);
                results.AddRange(transport.Results(response, group, path));
            }

            return results;
        }

        protected override async Task SendCommitAsync(CancellationToken cancellationToken)
        {
            var commitPath = path + "/commit";
            var response = await transport.SendOrLoseAsync(commitPath, Body([]), commit: true, cancellationToken);
            transport.Results(response, [], commitPath);
        }

        protected override Task SendRollbackAsync(CancellationToken cancellationToken) => transport.DeleteAsync(path, cancellationToken);
    }

    private async Task<Neo4jResponse> SendOrLoseAsync(string path, byte[] body, bool commit, CancellationToken cancellationToken, IReadOnlyList<CypherStatement>? statements = null)
    {
        var response = await http.SendAsync(HttpMethod.Post, path, body, Json, retryable: false, cancellationToken, commit, statements: statements);
        if (response.Status == HttpStatusCode.NotFound)
        {
            // Neo.ClientError.Transaction.TransactionNotFound: it expired or the server restarted. Nothing was committed.
            throw new Neo4jUnavailableException($"Neo4j at {http.Options.Url} no longer knows the transaction at {path}.");
        }

        return response;
    }

    private async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(HttpMethod.Delete, path, null, Json, retryable: false, cancellationToken);
        http.ThrowOnErrors(response.Body, null);
    }
}
