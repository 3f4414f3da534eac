using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly.Timeout;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>What one HTTP exchange with Neo4j returned: the status, the JSON body (undefined when empty) and the headers that matter.</summary>
internal readonly record struct Neo4jResponse(HttpStatusCode Status, JsonElement Body, string? Location, string? ClusterAffinity);

/// <summary>
/// Sends requests to Neo4j through the named <see cref="HttpClient"/> (base address, credentials, timeouts and
/// retries come from its registration) and turns transport failures into the adapter's exceptions: unreachable,
/// timed out and 5xx are <see cref="Neo4jUnavailableException"/>, 401 and 403 are <see cref="Neo4jAuthenticationException"/>.
/// Other statuses come back to the transport, which reads Neo4j's <c>errors</c>.
/// </summary>
internal sealed class Neo4jHttp(IHttpClientFactory clients, Neo4jOptions options)
{
    /// <summary>Marks a request that is safe to send again (discovery, a read, opening an empty transaction).</summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new("IomGraph.Neo4j.Retryable");

    public const string ClusterAffinityHeader = "neo4j-cluster-affinity";

    public Neo4jOptions Options => options;

    public async Task<Neo4jResponse> SendAsync(
        HttpMethod method,
        string path,
        byte[]? body,
        string mediaType,
        bool retryable,
        CancellationToken cancellationToken,
        bool commit = false,
        string? clusterAffinity = null,
        IReadOnlyList<CypherStatement>? statements = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = mediaType == "application/json" ? "utf-8" : null };
        }

        if (clusterAffinity is not null)
        {
            request.Headers.TryAddWithoutValidation(ClusterAffinityHeader, clusterAffinity);
        }

        request.Options.Set(Retryable, retryable);
        if (statements is not null)
        {
            request.Options.Set(Neo4jRoundTrips.Statements, statements);
        }

        var client = clients.CreateClient(Neo4jGraphStore.HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new Neo4jUnavailableException($"Neo4j at {options.Url} cannot be reached: {e.Message}", e, commit);
        }
        catch (TimeoutRejectedException e)
        {
            throw new Neo4jUnavailableException($"Neo4j at {options.Url} did not answer within {options.RequestTimeout.TotalSeconds:0.#} s.", e, commit);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Neo4jUnavailableException($"Neo4j at {options.Url} did not answer in time.", e, commit);
        }

        using (response)
        {
            var status = response.StatusCode;
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw CredentialsRejected(status);
            }

            JsonElement json = default;
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (bytes.Length > 0)
            {
                try
                {
                    json = JsonSerializer.Deserialize<JsonElement>(bytes);
                }
                catch (JsonException e) when ((int)status >= 300)
                {
                    throw new Neo4jUnavailableException($"Neo4j at {options.Url} answered {path} with HTTP {(int)status} {response.ReasonPhrase} and no JSON.", e, commit);
                }
                catch (JsonException e)
                {
                    throw new Neo4jUnavailableException($"Neo4j at {options.Url} answered {path} with a body that is not JSON.", e, commit);
                }
            }

            if ((int)status >= 500)
            {
                throw new Neo4jUnavailableException($"Neo4j at {options.Url} failed: HTTP {(int)status} {response.ReasonPhrase} for {path}{FirstError(json)}.", null, commit);
            }

            var affinity = response.Headers.TryGetValues(ClusterAffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return new Neo4jResponse(status, json, response.Headers.Location?.ToString(), affinity);
        }
    }

    /// <summary>
    /// Throws for the first entry of <c>errors</c>, if any. <paramref name="failedStatement"/> names the statement the
    /// error belongs to when the transport can tell.
    /// </summary>
    public void ThrowOnErrors(JsonElement body, string? failedStatement)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
        {
            return;
        }

        var first = errors[0];
        var code = first.TryGetProperty("code", out var c) ? c.GetString() ?? "Neo.Unknown" : "Neo.Unknown";
        var message = first.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
        if (CypherException.IsSecurityCode(code))
        {
            throw CredentialsRejected(null, $"{code}: {message}");
        }

        if (code == "Neo.ClientError.Transaction.TransactionNotFound")
        {
            throw new Neo4jUnavailableException($"Neo4j at {options.Url} no longer knows the transaction: {message}");
        }

        if (code == "Neo.ClientError.Database.DatabaseNotFound")
        {
            throw new Neo4jUnavailableException($"Neo4j at {options.Url} has no database '{options.Database}' (Neo4j:Database): {message}");
        }

        throw new CypherException(code, message, failedStatement);
    }

    /// <summary>For a status that is neither success nor explained by <c>errors</c>.</summary>
    public Neo4jUnavailableException Unexpected(Neo4jResponse response, string path) =>
        response.Status == HttpStatusCode.NotFound
            ? new Neo4jUnavailableException($"Neo4j at {options.Url} has no endpoint {path} (HTTP 404). Does the server offer {options.Transport} (Neo4j:Transport), and database '{options.Database}'?")
            : new Neo4jUnavailableException($"Neo4j at {options.Url} answered {path} with HTTP {(int)response.Status}.");

    private Neo4jAuthenticationException CredentialsRejected(HttpStatusCode? status, string? detail = null)
    {
        var how = status is null ? detail : $"HTTP {(int)status} {status}";
        return string.IsNullOrEmpty(options.User)
            ? new Neo4jAuthenticationException($"Neo4j at {options.Url} requires credentials ({how}), but Neo4j:User and Neo4j:Password are not set.")
            : new Neo4jAuthenticationException($"Neo4j at {options.Url} rejected the credentials of user '{options.User}' ({how}). Check Neo4j:User and Neo4j:Password.");
    }

    private static string FirstError(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
            && errors[0].TryGetProperty("code", out var code)
            ? $" ({code.GetString()})"
            : string.Empty;
}
