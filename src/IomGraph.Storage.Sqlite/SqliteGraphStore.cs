using System.Globalization;
using IomGraph.Core.Graphs;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IomGraph.Storage.Sqlite;

/// <summary>
/// The embedded graph store: one SQLite file (or an in-memory database) holding each record as JSON beside the columns
/// that filter, order and join it. Every read is one command; a neighbourhood or a path search is one query per level.
/// It implements both ports (<see cref="IGraphReader"/>, <see cref="IGraphWriter"/>) as the contract suite specifies them.
/// </summary>
public sealed partial class SqliteGraphStore : IGraphReader, IGraphWriter, IAsyncDisposable, IDisposable
{
    private readonly SqliteConnectionSource _connections;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteGraphStore> _logger;

    public SqliteGraphStore(IOptions<SqliteGraphStoreOptions> options, TimeProvider timeProvider, ILogger<SqliteGraphStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connections = new SqliteConnectionSource(options.Value);
        _time = timeProvider;
        _logger = logger;
    }

    /// <summary>The database file's absolute path, or <c>:memory:</c>.</summary>
    public string DatabasePath => _connections.FullPath;

    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        if (!_connections.IsInMemory)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_connections.FullPath)!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StoreUnavailableException($"The SQLite graph store cannot create the directory of '{_connections.FullPath}'.", e);
            }
        }

        await RunAsync(
            async connection =>
            {
                if (!_connections.IsInMemory)
                {
                    await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
                }

                // Each migration runs in its own write transaction and re-reads the version under the write lock,
                // so two processes starting on one file migrate it once.
                while (true)
                {
                    using var transaction = connection.BeginTransaction(deferred: false);
                    var version = await UserVersionAsync(connection, cancellationToken);
                    if (version > Schema.LatestVersion)
                    {
                        throw new StoreUnavailableException(
                            $"The SQLite graph store '{_connections.FullPath}' has schema version {version}; this build knows versions up to {Schema.LatestVersion}.");
                    }

                    if (version == Schema.LatestVersion)
                    {
                        transaction.Commit();
                        return 0;
                    }

                    await ExecuteAsync(connection, Schema.Migrations[version], cancellationToken);
                    await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version + 1};"), cancellationToken);
                    transaction.Commit();
                    LogMigrated(_connections.FullPath, version + 1);
                }
            },
            cancellationToken);
    }

    public Task<SeedState?> GetSeedStateAsync(CancellationToken cancellationToken = default) =>
        RunAsync(
            async connection =>
            {
                await using var command = Command(connection, Sql.SeedState);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                string? fingerprint = null, appliedAt = null;
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (reader.GetString(0) == "seed.fingerprint")
                    {
                        fingerprint = reader.GetString(1);
                    }
                    else
                    {
                        appliedAt = reader.GetString(1);
                    }
                }

                return fingerprint is null || appliedAt is null
                    ? null
                    : new SeedState(fingerprint, DateTimeOffset.Parse(appliedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
            },
            cancellationToken);

    public Task<ActorDetails?> GetActorAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return RunAsync(
            async connection =>
            {
                await using var command = Command(connection, Sql.Actor);
                command.Parameters.AddWithValue("$id", id);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return null;
                }

                var actor = GraphJson.Decode<Actor>(reader.GetString(0));
                await reader.NextResultAsync(cancellationToken);
                var counts = new SortedDictionary<RelationType, (int Outgoing, int Incoming)>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    var type = WireNames.Parse<RelationType>(reader.GetString(0));
                    var count = reader.GetInt32(2);
                    var (outgoing, incoming) = counts.GetValueOrDefault(type);
                    counts[type] = reader.GetInt32(1) == 0 ? (outgoing + count, incoming) : (outgoing, incoming + count);
                }

                return new ActorDetails(actor, [.. counts.Select(c => new RelationCount(c.Key, c.Value.Outgoing, c.Value.Incoming))]);
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

        return await RunAsync(
            async connection =>
            {
                await using var command = Command(connection, Sql.ActorRefs);
                command.Parameters.AddWithValue("$ids", RecordCodec.JsonArray(ids.Distinct(StringComparer.Ordinal)));
                return await ReadActorRefsAsync(command, cancellationToken);
            },
            cancellationToken);
    }

    public Task<Page<ActorHit>> SearchActorsAsync(ActorSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentOutOfRangeException.ThrowIfLessThan(search.Limit, 1, nameof(search));
        var query = search.FoldedQuery;
        var hasQuery = query.Length > 0;
        var indexed = query.EnumerateRunes().Count() >= Sql.TrigramLength;
        var after = search.StartAfter;
        return RunAsync(
            async connection =>
            {
                await using var command = Command(connection, Sql.SearchActors(hasQuery, search.Kinds.Count > 0, after is not null, indexed));
                command.Parameters.AddWithValue("$take", search.Limit + 1);
                if (hasQuery)
                {
                    command.Parameters.AddWithValue("$q", query);
                    command.Parameters.AddWithValue("$exact", "\n" + query + "\n");
                    command.Parameters.AddWithValue("$prefix", "\n" + query);
                    if (indexed)
                    {
                        command.Parameters.AddWithValue("$match", Sql.TrigramPhrase(query));
                    }
                }

                if (search.Kinds.Count > 0)
                {
                    command.Parameters.AddWithValue("$kinds", RecordCodec.JsonArray(search.Kinds.Distinct().Select(WireNames.Of)));
                }

                if (after is not null)
                {
                    command.Parameters.AddWithValue("$afterRank", (int)after.Rank);
                    command.Parameters.AddWithValue("$afterSortKey", after.SortKey);
                    command.Parameters.AddWithValue("$afterId", after.Id);
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var total = await ReadScalarAsync(reader, cancellationToken);
                await reader.NextResultAsync(cancellationToken);
                var hits = new List<(ActorHit Hit, string SortKey)>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    hits.Add((new ActorHit(GraphJson.Decode<Actor>(reader.GetString(0)), (MatchRank)reader.GetInt32(1)), reader.GetString(2)));
                }

                return Pages.Of(hits, search.Limit, total, h => h.Hit, h => Cursors.Encode(ActorCursor.After(h.Hit.Rank, h.SortKey, h.Hit.Actor.Id)));
            },
            cancellationToken);
    }

    public Task<Page<RelationView>?> GetActorRelationsAsync(ActorRelationsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        var conditions = new RelationConditions(query.Types, query.AsOf, IncludeUndated: query.IncludeUndated);
        return RunAsync(
            async connection =>
            {
                await using var command = Command(connection, Sql.ActorRelations(query.Direction, conditions, query.After is not null));
                command.Parameters.AddWithValue("$id", query.ActorId);
                BindPage(command, query.Limit, query.After);
                conditions.Bind(command);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                if (reader.GetInt64(0) == 0)
                {
                    return null;
                }

                var total = reader.GetInt64(1);
                await reader.NextResultAsync(cancellationToken);
                return (Page<RelationView>?)RelationPage(await Rows.ReadViewsAsync(reader, cancellationToken), query.Limit, total);
            },
            cancellationToken);
    }

    public Task<Page<RelationView>> FindRelationsAsync(RelationFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Limit, 1, nameof(filter));
        var conditions = new RelationConditions(filter.Types, filter.AsOf, filter.MinConfidence, filter.IncludeUndated);
        return RunAsync(
            async connection =>
            {
                await using var command = Command(connection, Sql.FindRelations(filter.From is not null, filter.To is not null, conditions, filter.After is not null));
                if (filter.From is not null)
                {
                    command.Parameters.AddWithValue("$from", filter.From);
                }

                if (filter.To is not null)
                {
                    command.Parameters.AddWithValue("$to", filter.To);
                }

                BindPage(command, filter.Limit, filter.After);
                conditions.Bind(command);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var total = await ReadScalarAsync(reader, cancellationToken);
                await reader.NextResultAsync(cancellationToken);
                return RelationPage(await Rows.ReadViewsAsync(reader, cancellationToken), filter.Limit, total);
            },
            cancellationToken);
    }

    public Task<RelationView?> GetRelationAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return RunAsync(
            async connection =>
            {
                await using var command = Command(connection, Sql.Relation);
                command.Parameters.AddWithValue("$id", id);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? Rows.ReadView(reader).View : null;
            },
            cancellationToken);
    }

    public Task<Graph?> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Depth, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxNodes, 1, nameof(query));
        var conditions = new RelationConditions(query.Types, query.AsOf, IncludeUndated: query.IncludeUndated);
        return RunAsync(
            async connection =>
            {
                // One read transaction: every level sees the same snapshot.
                using var transaction = connection.BeginTransaction(deferred: true);

                // Each level is one query (NeighbourhoodWalk), rather than one recursive CTE for the whole walk.
                var (kinds, excludeKinds) = (query.Kinds.Count > 0, query.ExcludeKinds.Count > 0);
                WalkResult walk;
                await using (var step = Command(connection, Sql.NeighbourStep(conditions, kinds, excludeKinds)))
                {
                    var frontierParameter = step.Parameters.Add("$frontier", SqliteType.Text);
                    var seenParameter = step.Parameters.Add("$seen", SqliteType.Text);
                    var takeParameter = step.Parameters.Add("$take", SqliteType.Integer);
                    conditions.Bind(step);
                    if (kinds)
                    {
                        step.Parameters.AddWithValue("$kinds", RecordCodec.JsonArray(query.Kinds.Distinct().Select(WireNames.Of)));
                    }

                    if (excludeKinds)
                    {
                        step.Parameters.AddWithValue("$excludeKinds", RecordCodec.JsonArray(query.ExcludeKinds.Distinct().Select(WireNames.Of)));
                    }

                    walk = await NeighbourhoodWalk.WalkAsync(
                        query.ActorId,
                        query.Depth,
                        query.MaxNodes,
                        async (frontier, seen, take, ct) =>
                        {
                            frontierParameter.Value = RecordCodec.JsonArray(frontier);
                            seenParameter.Value = RecordCodec.JsonArray(seen);
                            takeParameter.Value = take;
                            var reached = new List<string>();
                            await using var reader = await step.ExecuteReaderAsync(ct);
                            while (await reader.ReadAsync(ct))
                            {
                                reached.Add(reader.GetString(0));
                            }

                            return reached;
                        },
                        cancellationToken);
                }

                var (order, depths, truncated) = (walk.Order, walk.Depths, walk.Truncated);
                await using var subgraph = Command(connection, Sql.Subgraph(conditions));
                subgraph.Parameters.AddWithValue("$nodes", RecordCodec.JsonArray(order));
                conditions.Bind(subgraph);
                await using var result = await subgraph.ExecuteReaderAsync(cancellationToken);
                var refs = new Dictionary<string, ActorRef>(StringComparer.Ordinal);
                var degrees = new Dictionary<string, int>(StringComparer.Ordinal);
                while (await result.ReadAsync(cancellationToken))
                {
                    var actor = Rows.ReadActorRef(result, 0);
                    refs[actor.Id] = actor;
                    degrees[actor.Id] = result.GetInt32(Rows.ActorRefWidth);
                }

                if (!refs.ContainsKey(query.ActorId))
                {
                    return null;
                }

                await result.NextResultAsync(cancellationToken);
                var edges = new List<RelationView>();
                while (await result.ReadAsync(cancellationToken))
                {
                    var relation = GraphJson.Decode<Relation>(result.GetString(0));
                    edges.Add(new RelationView(relation, refs[relation.From], refs[relation.To]));
                }

                return new Graph([.. order.Select(id => new GraphNode(refs[id], depths[id], degrees[id]))], edges, truncated);
            },
            cancellationToken);
    }

    public Task<ShortestPathGraph> FindShortestPathsAsync(PathQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.MaxDepth, nameof(query));
        if (query.From == query.To)
        {
            return Task.FromResult(ShortestPathGraph.Empty);
        }

        var conditions = new RelationConditions(query.Types, query.AsOf, IncludeUndated: query.IncludeUndated);
        return RunAsync(
            async connection =>
            {
                using var transaction = connection.BeginTransaction(deferred: true);
                IReadOnlyCollection<string> relationIds;
                await using (var step = Command(connection, Sql.PathStep(conditions)))
                await using (var degree = Command(connection, Sql.FrontierDegree))
                {
                    var frontierParameter = step.Parameters.Add("$frontier", SqliteType.Text);
                    var degreeParameter = degree.Parameters.Add("$frontier", SqliteType.Text);
                    conditions.Bind(step);
                    relationIds = await ShortestPathSearch.FindAsync(
                        query.From,
                        query.To,
                        query.MaxDepth,
                        async (frontier, token) =>
                        {
                            frontierParameter.Value = RecordCodec.JsonArray(frontier);
                            var edges = new List<WalkEdge>();
                            await using var reader = await step.ExecuteReaderAsync(token);
                            while (await reader.ReadAsync(token))
                            {
                                edges.Add(new WalkEdge(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                            }

                            return edges;
                        },
                        async (frontier, token) =>
                        {
                            // The side whose actors have fewer relations in all expands next (a hub's side last).
                            degreeParameter.Value = RecordCodec.JsonArray(frontier);
                            return Convert.ToInt64(await degree.ExecuteScalarAsync(token), CultureInfo.InvariantCulture);
                        },
                        cancellationToken);
                }

                if (relationIds.Count == 0)
                {
                    return ShortestPathGraph.Empty;
                }

                await using var views = Command(connection, Sql.RelationsById);
                views.Parameters.AddWithValue("$ids", RecordCodec.JsonArray(relationIds));
                await using var reader = await views.ExecuteReaderAsync(cancellationToken);
                var relations = await Rows.ReadViewsAsync(reader, cancellationToken);
                return new ShortestPathGraph([.. relations.Select(r => r.View).OrderBy(v => v.Relation.Id, StringComparer.Ordinal)]);
            },
            cancellationToken);
    }

    public Task<Page<SourceSummary>> ListSourcesAsync(SourceListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        return RunAsync(
            async connection =>
            {
                await using var command = Command(connection, Sql.ListSources(query.After is not null));
                command.Parameters.AddWithValue("$take", query.Limit + 1);
                if (query.After is not null)
                {
                    command.Parameters.AddWithValue("$afterId", query.After.Id);
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var total = await ReadScalarAsync(reader, cancellationToken);
                await reader.NextResultAsync(cancellationToken);
                var sources = new List<SourceSummary>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    sources.Add(new SourceSummary(GraphJson.Decode<Source>(reader.GetString(0)), reader.GetInt32(1)));
                }

                return Pages.Of(sources, query.Limit, total, s => s, s => Cursors.Encode(IdCursor.After(s.Source.Id)));
            },
            cancellationToken);
    }

    public Task<SourceDetails?> GetSourceAsync(SourceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        return RunAsync(
            async connection =>
            {
                await using var command = Command(connection, Sql.Source(query.After is not null));
                command.Parameters.AddWithValue("$id", query.Id);
                BindPage(command, query.Limit, query.After);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return null;
                }

                var source = GraphJson.Decode<Source>(reader.GetString(0));
                await reader.NextResultAsync(cancellationToken);
                var total = await ReadScalarAsync(reader, cancellationToken);
                await reader.NextResultAsync(cancellationToken);
                return new SourceDetails(source, RelationPage(await Rows.ReadViewsAsync(reader, cancellationToken), query.Limit, total));
            },
            cancellationToken);
    }

    public Task<GraphStats> GetStatsAsync(int mostConnected, CancellationToken cancellationToken = default) =>
        RunAsync(
            async connection =>
            {
                await using var command = Command(connection, Sql.Stats);
                command.Parameters.AddWithValue("$top", Math.Max(mostConnected, 0));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                var (actors, relations, sources) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
                await reader.NextResultAsync(cancellationToken);
                var byKind = new Dictionary<ActorKind, long>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    byKind[WireNames.Parse<ActorKind>(reader.GetString(0))] = reader.GetInt64(1);
                }

                await reader.NextResultAsync(cancellationToken);
                var byType = new Dictionary<RelationType, long>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    byType[WireNames.Parse<RelationType>(reader.GetString(0))] = reader.GetInt64(1);
                }

                await reader.NextResultAsync(cancellationToken);
                var connected = new List<ConnectedActor>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    connected.Add(new ConnectedActor(Rows.ReadActorRef(reader, 0), reader.GetInt32(Rows.ActorRefWidth)));
                }

                return new GraphStats(actors, relations, sources, byKind, byType, connected);
            },
            cancellationToken);

    public ValueTask DisposeAsync() => _connections.DisposeAsync();

    public void Dispose() => _connections.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Runs one operation on a lent connection, turning a database that cannot serve into <see cref="StoreUnavailableException"/>.</summary>
    private async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            await using var lease = await _connections.OpenAsync(cancellationToken);
            return await operation(lease.Connection);
        }
        catch (SqliteException e) when (Translate(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> UserVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "PRAGMA user_version;");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<long> ReadScalarAsync(SqliteDataReader reader, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt64(0);
    }

    private static async Task<IReadOnlyDictionary<string, ActorRef>> ReadActorRefsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var refs = new Dictionary<string, ActorRef>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var actor = Rows.ReadActorRef(reader, 0);
            refs[actor.Id] = actor;
        }

        return refs;
    }

    private static void BindPage(SqliteCommand command, int limit, RelationCursor? after)
    {
        command.Parameters.AddWithValue("$take", limit + 1);
        if (after is not null)
        {
            command.Parameters.AddWithValue("$afterKey", after.StartKey);
            command.Parameters.AddWithValue("$afterId", after.Id);
        }
    }

    private static Page<RelationView> RelationPage(List<(RelationView View, int StartKey)> rows, int limit, long total) =>
        Pages.Of(rows, limit, total, r => r.View, r => Cursors.Encode(RelationCursor.After(r.StartKey, r.View.Relation.Id)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrated the SQLite graph store {Path} to schema version {Version}.")]
    private partial void LogMigrated(string path, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The seed replaced {Count} records that a curator or an import had changed since; the change log keeps the replaced versions under author 'seed'.")]
    private partial void LogSeedReplaced(int count);
}
