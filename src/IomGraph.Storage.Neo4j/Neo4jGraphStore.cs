using System.Globalization;
using IomGraph.Core.Graphs;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;
using IomGraph.Storage.Neo4j.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace IomGraph.Storage.Neo4j;

/// <summary>
/// The graph store on Neo4j, over HTTP: the Query API on 5.19+ and 2025.x, the transactional endpoint on 3.x to 5.x
/// (chosen from the discovery document, or by <see cref="Neo4jOptions.Transport"/>). Every read is one Cypher statement
/// in one request, except a neighbourhood (one per level, then one for the subgraph). Writes run in one transaction.
/// Answers equal the SQLite store's, field for field: the contract suite checks both.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphReader, IDisposable
{
    /// <summary>The name of the <see cref="HttpClient"/> the store uses, as registered by <see cref="Neo4jServiceCollectionExtensions.AddNeo4jGraphStore"/>.</summary>
    public const string HttpClientName = "IomGraph.Neo4j";

    private static readonly string[] AllTypes = [.. RelationTypes.Names];

    private static readonly string[] AllKinds = [.. ActorKinds.Names];

    private readonly Neo4jOptions _options;
    private readonly TransportProvider _transports;
    private readonly TimeProvider _time;
    private readonly ILogger<Neo4jGraphStore> _logger;
    private readonly ResiliencePipeline _readRetry;
    private readonly ResiliencePipeline _writeRetry;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public Neo4jGraphStore(IHttpClientFactory httpClientFactory, IOptions<Neo4jOptions> options, TimeProvider timeProvider, ILogger<Neo4jGraphStore> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _transports = new TransportProvider(new Neo4jHttp(httpClientFactory, _options));
        _time = timeProvider;
        _logger = logger;
        _readRetry = CypherRetry.Create(_options, _time, CypherRetry.IsTransientRead);
        _writeRetry = CypherRetry.Create(_options, _time, CypherRetry.IsRetryableWrite);
    }

    /// <summary>
    /// Discovers the server, creates the constraints and indexes its version understands, and gives a database written by
    /// an earlier version what the reads now expect (<see cref="BackfillSearchTextAsync"/>, <see cref="BackfillCitationCountsAsync"/>).
    /// Wrong credentials fail here with <see cref="Neo4jAuthenticationException"/>; an unreachable server with
    /// <see cref="StoreUnavailableException"/>.
    /// </summary>
    public Task InitialiseAsync(CancellationToken cancellationToken = default) =>
        RunAsync(
            async connection =>
            {
                IEnumerable<CypherQuery> schema = connection.Server.SchemaDialect == SchemaDialect.Legacy ? CypherCatalogue.LegacySchema : CypherCatalogue.ModernSchema;
                if (connection.Server.HasFullTextDdl)
                {
                    schema = schema.Concat(CypherCatalogue.FullTextSchema);
                }

                // One statement per request: a schema change cannot share a transaction with anything else on 3.x.
                foreach (var statement in schema)
                {
                    try
                    {
                        await connection.Transport.ExecuteAsync([statement.With()], idempotent: true, cancellationToken);
                    }
                    catch (CypherException e) when (e.IsAlreadyExists)
                    {
                        // 4.0–4.3 refuse to create what exists; the schema is as wanted.
                    }
                }

                await BackfillSearchTextAsync(connection, cancellationToken);
                await BackfillCitationCountsAsync(connection, cancellationToken);

                var (server, transport) = (connection.Server.ToString(), connection.Transport.Description);
                LogInitialised(server, transport);
                return 0;
            },
            cancellationToken,
            initialising: true);

    public Task<SeedState?> GetSeedStateAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(
            CypherCatalogue.SeedState.With(("key", CypherCatalogue.SeedKey)),
            result =>
            {
                if (result.Rows.Count == 0)
                {
                    return null;
                }

                var row = result.Rows[0];
                var fingerprint = Rows.Text(row[result.Column("fingerprint")]);
                var appliedAt = Rows.Text(row[result.Column("appliedAt")]);
                return fingerprint is null || appliedAt is null
                    ? null
                    : new SeedState(fingerprint, DateTimeOffset.Parse(appliedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
            },
            cancellationToken);

    public Task<ActorDetails?> GetActorAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync(
            server => CypherCatalogue.Actor.For(server.DegreeSyntax).With(("id", id)),
            result =>
            {
                if (result.Rows.Count == 0)
                {
                    return null;
                }

                var row = result.Rows[0];
                var degrees = row[result.Column("degrees")].EnumerateArray().Select(Rows.Int).ToList();
                var counts = AllTypes
                    .Select((name, i) => new RelationCount(Rows.Type(name), degrees[2 * i], degrees[(2 * i) + 1]))
                    .Where(c => c.Outgoing + c.Incoming > 0)
                    .OrderBy(c => c.Type)
                    .ToList();
                return (ActorDetails?)new ActorDetails(Rows.Decode<Actor>(row[result.Column("doc")]), counts);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, ActorRef>> GetActorRefsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new Dictionary<string, ActorRef>(StringComparer.Ordinal);
        }

        return await ReadAsync(
            CypherCatalogue.ActorRefs.With(("ids", ids.Distinct(StringComparer.Ordinal).ToList())),
            result =>
            {
                var column = result.Column("actor");
                return (IReadOnlyDictionary<string, ActorRef>)result.Rows.Select(row => Rows.ActorRef(row[column])).ToDictionary(a => a.Id, StringComparer.Ordinal);
            },
            cancellationToken);
    }

    public Task<Page<ActorHit>> SearchActorsAsync(ActorSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentOutOfRangeException.ThrowIfLessThan(search.Limit, 1, nameof(search));
        var query = search.FoldedQuery;
        var hasQuery = query.Length > 0;
        var after = search.StartAfter;
        var kinds = search.Kinds.Distinct().Select(ActorKinds.NameOf).ToList();
        var statement = hasQuery
            ? (SearchText.IsIndexed(query) ? CypherCatalogue.SearchActors : CypherCatalogue.ScanActors).With(
                ("kinds", kinds), ("q", query), ("afterRank", after is null ? -1 : (int)after.Rank), ("afterSortKey", after?.SortKey ?? string.Empty),
                ("afterId", after?.Id ?? string.Empty), ("take", search.Limit + 1))
            : CypherCatalogue.ListActors.With(
                ("kinds", kinds), ("afterSortKey", after?.SortKey ?? string.Empty), ("afterId", after?.Id ?? string.Empty), ("take", search.Limit + 1));
        return ReadAsync(
            statement,
            result =>
            {
                var (docColumn, sortKeyColumn) = (result.Column("doc"), result.Column("sortKey"));
                var rankColumn = hasQuery ? result.Column("rank") : -1;
                var hits = new List<(ActorHit Hit, string SortKey)>();
                foreach (var row in result.Rows)
                {
                    if (!Rows.IsNull(row[docColumn]))
                    {
                        var rank = hasQuery ? (MatchRank)Rows.Int(row[rankColumn]) : MatchRank.Unranked;
                        hits.Add((new ActorHit(Rows.Decode<Actor>(row[docColumn]), rank), Rows.RequiredText(row[sortKeyColumn])));
                    }
                }

                return Pages.Of(hits, search.Limit, Total(result), h => h.Hit, h => Cursors.Encode(ActorCursor.After(h.Hit.Rank, h.SortKey, h.Hit.Actor.Id)));
            },
            cancellationToken);
    }

    public Task<Page<RelationView>?> GetActorRelationsAsync(ActorRelationsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        var dated = query.AsOf is not null;
        (string, object?)[] parameters =
        [
            ("id", query.ActorId), ("types", Types(query.Types)),
            .. dated
                ? new (string, object?)[] { ("asOfUpper", AsOfUpper(query.AsOf)), ("asOfLower", AsOfLower(query.AsOf)), ("undated", Undated(query.AsOf, query.IncludeUndated)) }
                : [],
            ("afterKey", query.After?.StartKey ?? -1), ("afterId", query.After?.Id ?? string.Empty), ("take", query.Limit + 1),
        ];
        return ReadAsync(
            server => CypherCatalogue.ActorRelationsFor(query.Direction, dated, server.DegreeSyntax).With(parameters),
            result => result.Rows.Count == 0 ? null : (Page<RelationView>?)RelationPage(result, query.Limit),
            cancellationToken);
    }

    public Task<Page<RelationView>> FindRelationsAsync(RelationFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Limit, 1, nameof(filter));
        var (statement, anchors) = (filter.From, filter.To) switch
        {
            ({ } from, { } to) => (CypherCatalogue.FindRelationsFromTo, new (string, object?)[] { ("from", from), ("to", to) }),
            ({ } from, null) => (CypherCatalogue.FindRelationsFrom, [("from", from)]),
            (null, { } to) => (CypherCatalogue.FindRelationsTo, [("to", to)]),
            _ => (CypherCatalogue.FindRelations, []),
        };
        return ReadAsync(
            statement.With(
            [
                .. anchors,
                ("types", Types(filter.Types)), ("asOfUpper", AsOfUpper(filter.AsOf)), ("asOfLower", AsOfLower(filter.AsOf)),
                ("undated", Undated(filter.AsOf, filter.IncludeUndated)),
                ("minConfidence", (int?)filter.MinConfidence ?? 0), ("afterKey", filter.After?.StartKey ?? -1), ("afterId", filter.After?.Id ?? string.Empty),
                ("take", filter.Limit + 1),
            ]),
            result => RelationPage(result, filter.Limit),
            cancellationToken);
    }

    public Task<RelationView?> GetRelationAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync(
            CypherCatalogue.Relation.With(("id", id)),
            result => result.Rows.Count == 0 ? null : Rows.View(result, result.Rows[0])?.View,
            cancellationToken);
    }

    public Task<Graph?> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Depth, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxNodes, 1, nameof(query));
        var types = Types(query.Types);
        var (upper, lower, undated) = (AsOfUpper(query.AsOf), AsOfLower(query.AsOf), Undated(query.AsOf, query.IncludeUndated));
        var kinds = query.Kinds.Distinct().Select(ActorKinds.NameOf).ToList();
        var excludeKinds = query.ExcludeKinds.Distinct().Select(ActorKinds.NameOf).ToList();
        return RunAsync(
            async connection =>
            {
                // Each level is one request (NeighbourhoodWalk), so a capped neighbourhood of a hub stops at the cap.
                var walk = await NeighbourhoodWalk.WalkAsync(
                    query.ActorId,
                    query.Depth,
                    query.MaxNodes,
                    async (frontier, seen, take, ct) =>
                    {
                        var step = await ReadOneAsync(
                            connection,
                            CypherCatalogue.NeighbourStep.With(
                                ("frontier", frontier), ("types", types), ("asOfUpper", upper), ("asOfLower", lower), ("undated", undated), ("seen", seen),
                                ("kinds", kinds), ("excludeKinds", excludeKinds), ("take", take)),
                            ct);
                        return [.. step.Rows.Select(row => Rows.RequiredText(row[0]))];
                    },
                    cancellationToken);
                var (order, depths, truncated) = (walk.Order, walk.Depths, walk.Truncated);

                var subgraph = await ReadOneAsync(
                    connection,
                    CypherCatalogue.Subgraph.With(("nodes", order), ("types", types), ("asOfUpper", upper), ("asOfLower", lower), ("undated", undated)),
                    cancellationToken);
                var (actorColumn, degreeColumn, edgesColumn) = (subgraph.Column("actor"), subgraph.Column("degree"), subgraph.Column("edges"));
                var refs = new Dictionary<string, ActorRef>(StringComparer.Ordinal);
                var degrees = new Dictionary<string, int>(StringComparer.Ordinal);
                var relations = new List<Relation>();
                foreach (var row in subgraph.Rows)
                {
                    var actor = Rows.ActorRef(row[actorColumn]);
                    refs[actor.Id] = actor;
                    degrees[actor.Id] = Rows.Int(row[degreeColumn]);
                    relations.AddRange(row[edgesColumn].EnumerateArray().Select(Rows.Decode<Relation>));
                }

                if (!refs.ContainsKey(query.ActorId))
                {
                    return null;
                }

                var edges = relations
                    .OrderBy(r => Validity.StartKey(r)).ThenBy(r => r.Id, StringComparer.Ordinal)
                    .Select(r => new RelationView(r, refs[r.From], refs[r.To]))
                    .ToList();
                return (Graph?)new Graph([.. order.Select(id => new GraphNode(refs[id], depths[id], degrees[id]))], edges, truncated);
            },
            cancellationToken);
    }

    public Task<ShortestPathGraph> FindShortestPathsAsync(PathQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.MaxDepth, nameof(query));
        if (query.From == query.To || query.MaxDepth == 0)
        {
            return Task.FromResult(ShortestPathGraph.Empty);
        }

        var statement = CypherCatalogue.ShortestPaths(query.MaxDepth);
        List<(string, object?)> parameters =
        [
            ("from", query.From), ("to", query.To), ("types", Types(query.Types)), ("asOfUpper", AsOfUpper(query.AsOf)), ("asOfLower", AsOfLower(query.AsOf)),
            ("undated", Undated(query.AsOf, query.IncludeUndated)),
        ];
        if (statement == CypherCatalogue.ShortestPathsUnbounded)
        {
            parameters.Add(("maxDepth", query.MaxDepth));
        }

        return ReadAsync(
            statement.With([.. parameters]),
            result => new ShortestPathGraph([.. Rows.Views(result).Select(r => r.View)]),
            cancellationToken);
    }

    public Task<Page<SourceSummary>> ListSourcesAsync(SourceListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        return ReadAsync(
            CypherCatalogue.ListSources.With(("afterId", query.After?.Id ?? string.Empty), ("take", query.Limit + 1)),
            result =>
            {
                var (docColumn, citedColumn) = (result.Column("doc"), result.Column("citedBy"));
                var sources = result.Rows
                    .Where(row => !Rows.IsNull(row[docColumn]))
                    .Select(row => new SourceSummary(Rows.Decode<Source>(row[docColumn]), Rows.Int(row[citedColumn])))
                    .ToList();
                return Pages.Of(sources, query.Limit, Total(result), s => s, s => Cursors.Encode(IdCursor.After(s.Source.Id)));
            },
            cancellationToken);
    }

    public Task<SourceDetails?> GetSourceAsync(SourceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        return ReadAsync(
            CypherCatalogue.Source.With(
                ("id", query.Id), ("afterKey", query.After?.StartKey ?? -1), ("afterId", query.After?.Id ?? string.Empty), ("take", query.Limit + 1)),
            result => result.Rows.Count == 0
                ? null
                : (SourceDetails?)new SourceDetails(Rows.Decode<Source>(result.Rows[0][result.Column("source")]), RelationPage(result, query.Limit)),
            cancellationToken);
    }

    public Task<GraphStats> GetStatsAsync(int mostConnected, CancellationToken cancellationToken = default)
    {
        var top = Math.Max(mostConnected, 0);
        return ReadAsync(
            server => CypherCatalogue.Stats.For(server.DegreeSyntax).With(("kinds", AllKinds), ("take", top)),
            result =>
            {
                var (partColumn, nameColumn, countColumn, actorColumn) = (result.Column("part"), result.Column("name"), result.Column("count"), result.Column("actor"));
                var byKind = new Dictionary<ActorKind, long>();
                var byType = new Dictionary<RelationType, long>();
                var connected = new List<ConnectedActor>();
                long sources = 0;
                foreach (var row in result.Rows)
                {
                    var count = Rows.Long(row[countColumn]);
                    switch (Rows.RequiredText(row[partColumn]))
                    {
                        case "type" when count > 0:
                            byType[Rows.Type(Rows.RequiredText(row[nameColumn]))] = count;
                            break;
                        case "kind" when count > 0:
                            byKind[Rows.Kind(Rows.RequiredText(row[nameColumn]))] = count;
                            break;
                        case "sources":
                            sources = count;
                            break;
                        case "connected":
                            connected.Add(new ConnectedActor(Rows.ActorRef(row[actorColumn]), checked((int)count)));
                            break;
                    }
                }

                // By degree then id, as the statement's branch sorted them; the order of UNION ALL branches is not promised.
                connected.Sort((x, y) => y.Degree != x.Degree ? y.Degree.CompareTo(x.Degree) : string.CompareOrdinal(x.Actor.Id, y.Actor.Id));
                return new GraphStats(byKind.Values.Sum(), byType.Values.Sum(), sources, byKind, byType, connected);
            },
            cancellationToken);
    }

    public void Dispose()
    {
        _transports.Dispose();
        _writeGate.Dispose();
    }

    /// <summary>One statement, one request, read as <paramref name="read"/> says.</summary>
    private Task<T> ReadAsync<T>(CypherStatement statement, Func<CypherResult, T> read, CancellationToken cancellationToken) =>
        RunAsync(async connection => read(await ReadOneAsync(connection, statement, cancellationToken)), cancellationToken);

    /// <summary>One statement written for the server's version (<see cref="ServerInfo"/>), one request.</summary>
    private Task<T> ReadAsync<T>(Func<ServerInfo, CypherStatement> statement, Func<CypherResult, T> read, CancellationToken cancellationToken) =>
        RunAsync(async connection => read(await ReadOneAsync(connection, statement(connection.Server), cancellationToken)), cancellationToken);

    /// <summary>
    /// Runs a read. A Neo.TransientError (a database still starting, a lock timeout) is tried again with the same
    /// bounded backoff as the HTTP retries, which see only a successful response around it (<see cref="CypherRetry"/>).
    /// </summary>
    private async Task<CypherResult> ReadOneAsync(TransportProvider.Connection connection, CypherStatement statement, CancellationToken cancellationToken) =>
        (await _readRetry.ExecuteAsync(
            static async (read, token) => await read.connection.Transport.ExecuteAsync([read.statement], idempotent: true, token),
            (connection, statement),
            cancellationToken))[0];

    /// <summary>
    /// Runs one operation on the current connection (discovering the server first if needed) and turns a server that
    /// cannot serve into <see cref="StoreUnavailableException"/>, forgetting the connection so that the next operation
    /// discovers the server again.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<TransportProvider.Connection, Task<T>> operation, CancellationToken cancellationToken, bool initialising = false)
    {
        TransportProvider.Connection? connection = null;
        try
        {
            connection = await _transports.GetAsync(cancellationToken);
            return await operation(connection);
        }
        catch (Neo4jUnavailableException e)
        {
            Forget(connection);
            LogUnavailable(e.Message);
            throw new StoreUnavailableException($"The Neo4j graph store is unavailable: {e.Message}", e);
        }
        catch (CypherException e) when (e.IsTransient || e.IsDatabaseError)
        {
            LogUnavailable(e.Message);
            throw new StoreUnavailableException($"The Neo4j graph store is unavailable: {e.Message}", e);
        }
        catch (CypherException e)
        {
            // A statement the server refuses is a bug in this adapter, not a problem of the caller's input.
            throw new InvalidOperationException(e.Message, e);
        }
        catch (Neo4jAuthenticationException e) when (!initialising)
        {
            Forget(connection);
            LogUnavailable(e.Message);
            throw new StoreUnavailableException($"The Neo4j graph store is unavailable: {e.Message}", e);
        }
    }

    private void Forget(TransportProvider.Connection? connection)
    {
        if (connection is not null)
        {
            _transports.Invalidate(connection);
        }
    }

    private static string[] Types(IReadOnlyList<RelationType> types) =>
        types.Count == 0 ? AllTypes : [.. types.Distinct().Select(RelationTypes.NameOf)];

    private static int AsOfUpper(PartialDate? asOf) => asOf?.UpperBound ?? Validity.Forever;

    private static int AsOfLower(PartialDate? asOf) => asOf?.LowerBound ?? Validity.Beginning;

    /// <summary>The neutral value of <c>$undated</c> is true: without a date, undated relations are kept like any other.</summary>
    private static bool Undated(PartialDate? asOf, bool includeUndated) => !Validity.ExcludesUndated(asOf, includeUndated);

    private static long Total(CypherResult result) => result.Rows.Count == 0 ? 0 : Rows.Long(result.Rows[0][result.Column("total")]);

    private static Page<RelationView> RelationPage(CypherResult result, int limit) =>
        Pages.Of(Rows.Views(result), limit, Total(result), r => r.View, r => Cursors.Encode(RelationCursor.After(r.StartKey, r.View.Relation.Id)));

    [LoggerMessage(Level = LogLevel.Information, Message = "The Neo4j graph store is ready: {Server}, through the {Transport}.")]
    private partial void LogInitialised(string server, string transport);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Neo4j graph store is unavailable: {Reason}")]
    private partial void LogUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The seed replaced {Count} records that a curator or an import had changed since; the change log keeps the replaced versions under author 'seed'.")]
    private partial void LogSeedReplaced(int count);
}
