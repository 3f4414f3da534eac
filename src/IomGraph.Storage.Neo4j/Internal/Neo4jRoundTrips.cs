using System.Diagnostics;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// A span and a <c>db.client.operation.duration</c> measurement per HTTP request to Neo4j. It sits inside the
/// resilience handler, so each attempt of a retried request is a round trip of its own. The span is named after the
/// Cypher catalogue's statement it carries ("GetActor"), "BATCH" and the name for several of one statement, or the
/// transaction step ("begin", "commit", "rollback", "discovery") for none, and says how many statements it carries;
/// never their parameters, the body or the credentials.
/// </summary>
internal sealed class Neo4jRoundTrips : DelegatingHandler
{
    /// <summary>The statements a request carries, set by <see cref="Neo4jHttp.SendAsync"/>.</summary>
    public static readonly HttpRequestOptionsKey<IReadOnlyList<CypherStatement>> Statements = new("IomGraph.Neo4j.Statements");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var source = Neo4jTelemetry.Source;
        var histogram = Neo4jTelemetry.RoundTrips;
        if (!source.HasListeners() && !histogram.Enabled)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        request.Options.TryGetValue(Statements, out var statements);
        statements ??= [];
        var operation = OperationName(request, statements);
        var uri = request.RequestUri;
        using var activity = source.StartActivity(operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", "neo4j");
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("iomgraph.neo4j.statement_count", statements.Count);
            if (statements.Count > 1)
            {
                activity.SetTag("db.operation.batch.size", statements.Count);
            }

            if (statements.Count > 0)
            {
                activity.SetTag("iomgraph.neo4j.statements", string.Join(",", statements.Select(s => s.Query.Name).Distinct(StringComparer.Ordinal)));
            }

            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("server.address", uri?.Host);
            activity.SetTag("server.port", uri?.Port);
        }

        var started = Stopwatch.GetTimestamp();
        string? error = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            if ((int)response.StatusCode >= 400)
            {
                error = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            return response;
        }
        catch (Exception e)
        {
            error = e.GetType().FullName ?? e.GetType().Name;
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            if (error is not null)
            {
                activity?.SetTag("error.type", error);
            }

            if (histogram.Enabled)
            {
                var tags = new TagList
                {
                    { "db.system.name", "neo4j" },
                    { "db.operation.name", operation },
                    { "server.address", uri?.Host },
                };
                if (error is not null)
                {
                    tags.Add("error.type", error);
                }

                histogram.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            }
        }
    }

    internal static string OperationName(HttpRequestMessage request, IReadOnlyList<CypherStatement> statements)
    {
        if (statements.Count == 0)
        {
            var path = request.RequestUri is { IsAbsoluteUri: true } u ? u.AbsolutePath : request.RequestUri?.OriginalString ?? string.Empty;
            return request.Method == HttpMethod.Delete ? "rollback"
                : request.Method == HttpMethod.Get ? "discovery"
                : path.EndsWith("/commit", StringComparison.Ordinal) ? "commit"
                : "begin";
        }

        var first = statements[0].Query.Name;
        if (statements.Count == 1)
        {
            return first;
        }

        return statements.All(s => s.Query.Name == first) ? "BATCH " + first : "BATCH";
    }
}
