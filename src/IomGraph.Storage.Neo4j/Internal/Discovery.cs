using System.Globalization;
using System.Net;
using System.Text.Json;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>How schema statements are written on a server.</summary>
internal enum SchemaDialect
{
    /// <summary>3.x to 4.3: <c>CREATE CONSTRAINT ON … ASSERT</c>, <c>CREATE INDEX ON :Label(property)</c>; a repeat may fail as "already exists".</summary>
    Legacy,

    /// <summary>4.4 and later: named, with <c>IF NOT EXISTS</c> and <c>FOR … REQUIRE</c>.</summary>
    Modern,
}

/// <summary>
/// How a statement asks for a node's degree (its relationships of one type and direction) so that Neo4j reads it from the
/// node (GetDegree in the plan) instead of walking the relationships.
/// </summary>
internal enum DegreeSyntax
{
    /// <summary>3.x and 4.x: <c>size((a)-[:TYPE]->())</c>. Cypher 5 removed <c>size()</c> of a pattern.</summary>
    SizeOfPattern,

    /// <summary>5.3 and later: <c>COUNT { (a)-[:TYPE]->() }</c>.</summary>
    CountSubquery,

    /// <summary>5.0 to 5.2, which have neither: <c>size([(a)-[:TYPE]->() | 1])</c>, which walks the relationships.</summary>
    Comprehension,
}

/// <summary>What the discovery document says about a server.</summary>
internal sealed record ServerInfo(string Version, int Major, int Minor, string? Edition, bool HasQueryApi, bool HasDatabases)
{
    public SchemaDialect SchemaDialect => Major < 4 || (Major == 4 && Minor < 4) ? SchemaDialect.Legacy : SchemaDialect.Modern;

    /// <summary>Full-text indexes are created in Cypher from 5.0 (4.x used procedures, 3.x had none).</summary>
    public bool HasFullTextDdl => Major >= 5;

    /// <summary>How statements read degrees on this server (<see cref="Internal.DegreeSyntax"/>).</summary>
    public DegreeSyntax DegreeSyntax => Major < 5 ? DegreeSyntax.SizeOfPattern : Major == 5 && Minor < 3 ? DegreeSyntax.Comprehension : DegreeSyntax.CountSubquery;

    public override string ToString() => $"Neo4j {Version}{(Edition is null ? string.Empty : " " + Edition)}";
}

/// <summary>
/// Reads the discovery document at <c>GET /</c>. On 3.x it is <c>{"management": …, "data": ".../db/data/", "bolt": …}</c>
/// and the version is at <c>GET /db/data/</c> (<c>neo4j_version</c>); on 4.x and 5.x it is
/// <c>{"bolt_routing": …, "transaction": ".../db/{databaseName}/tx", "bolt_direct": …, "neo4j_version": …, "neo4j_edition": …}</c>,
/// and 5.19+ adds <c>"query": ".../db/{databaseName}/query/v2"</c>.
/// https://neo4j.com/docs/query-api/current/endpoints and https://neo4j.com/docs/http-api/current/endpoints/
/// </summary>
internal static class Discovery
{
    public static async Task<ServerInfo> DiscoverAsync(Neo4jHttp http, CancellationToken cancellationToken)
    {
        var root = await GetAsync(http, string.Empty, cancellationToken);
        if (TryParseRoot(root, out var info, out var dataPath))
        {
            return info;
        }

        var data = await GetAsync(http, dataPath!, cancellationToken);
        return ParseData(data);
    }

    /// <summary>
    /// True with the server's description for a 4.x/5.x root document; false with the path of the 3.x data document,
    /// which holds the version.
    /// </summary>
    public static bool TryParseRoot(JsonElement root, out ServerInfo info, out string? dataPath)
    {
        info = null!;
        dataPath = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new Neo4jUnavailableException("Neo4j's discovery document is not a JSON object.");
        }

        if (root.TryGetProperty("neo4j_version", out var version) && version.GetString() is { } text)
        {
            info = Create(text, Text(root, "neo4j_edition"), root.TryGetProperty("query", out _), hasDatabases: root.TryGetProperty("transaction", out _));
            return true;
        }

        if (root.TryGetProperty("data", out var data) && data.GetString() is { } dataUrl)
        {
            var path = Uri.TryCreate(dataUrl, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : dataUrl;
            dataPath = path.TrimStart('/');
            return false;
        }

        throw new Neo4jUnavailableException("Neo4j's discovery document names neither a version nor a data endpoint: is the URL a Neo4j server?");
    }

    /// <summary>The 3.x data document at <c>/db/data/</c>.</summary>
    public static ServerInfo ParseData(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("neo4j_version", out var version) && version.GetString() is { } text
            ? Create(text, null, hasQueryApi: false, hasDatabases: false)
            : throw new Neo4jUnavailableException("Neo4j's data document at /db/data/ has no neo4j_version.");

    /// <summary>Parses "3.1.1", "4.4.12", "5.26.0-aura", "2025.01.0".</summary>
    public static ServerInfo Create(string version, string? edition, bool hasQueryApi, bool hasDatabases)
    {
        var parts = version.Split('.', '-', '+');
        var major = parts.Length > 0 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var minor = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new ServerInfo(version, major, minor, edition, hasQueryApi, hasDatabases || major >= 4);
    }

    /// <summary>Chooses the transport: the one configured, or under <see cref="Neo4jTransport.Auto"/> the Query API when offered.</summary>
    public static Neo4jTransport Select(ServerInfo server, Neo4jTransport configured) => configured switch
    {
        Neo4jTransport.QueryApi => Neo4jTransport.QueryApi,
        Neo4jTransport.Transactional => Neo4jTransport.Transactional,
        _ => server.HasQueryApi ? Neo4jTransport.QueryApi : Neo4jTransport.Transactional,
    };

    /// <summary>The endpoint path, relative to the configured URL, of the chosen transport.</summary>
    public static string PathOf(ServerInfo server, Neo4jTransport transport, string database)
    {
        var db = Uri.EscapeDataString(database);
        return transport switch
        {
            Neo4jTransport.QueryApi => $"db/{db}/query/v2",
            _ when !server.HasDatabases => "db/data/transaction",
            _ => $"db/{db}/tx",
        };
    }

    private static async Task<JsonElement> GetAsync(Neo4jHttp http, string path, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(HttpMethod.Get, path, null, "application/json", retryable: true, cancellationToken);
        http.ThrowOnErrors(response.Body, null);
        return response.Status == HttpStatusCode.OK ? response.Body : throw http.Unexpected(response, "/" + path);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>
/// Discovers the server on first use and keeps the transport it chose. A failed discovery is not remembered, and a
/// store that loses the server calls <see cref="Invalidate"/>, so that the next operation discovers again: the store
/// recovers from an outage, or a server upgraded in place, without a restart.
/// </summary>
internal sealed class TransportProvider(Neo4jHttp http) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Connection? _current;

    internal sealed record Connection(ServerInfo Server, Neo4jTransport Kind, ICypherTransport Transport);

    public async Task<Connection> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } raced)
            {
                return raced;
            }

            var server = await Discovery.DiscoverAsync(http, cancellationToken);
            var kind = Discovery.Select(server, http.Options.Transport);
            var path = Discovery.PathOf(server, kind, http.Options.Database);
            ICypherTransport transport = kind == Neo4jTransport.QueryApi
                ? new QueryApiTransport(http, path, $"Query API on {server}")
                : new TransactionalTransport(http, path, $"transactional endpoint on {server}");
            var connection = new Connection(server, kind, transport);
            Volatile.Write(ref _current, connection);
            return connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the connection that failed, so that the next operation discovers the server again.</summary>
    public void Invalidate(Connection failed) => Interlocked.CompareExchange(ref _current, null, failed);

    public void Dispose() => _gate.Dispose();
}
