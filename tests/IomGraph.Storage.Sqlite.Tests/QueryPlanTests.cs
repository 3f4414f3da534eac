using System.Text.RegularExpressions;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;
using IomGraph.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Tests;

/// <summary>
/// The performance budget, without timings: the queries behind the hot endpoints must seek an index, never scan the
/// relations or actors tables (or a whole index of them). A plan line "SCAN r" or "SCAN r USING COVERING INDEX ..."
/// reads every relation; "SEARCH r USING INDEX ... (from_id=?)" reads only one actor's.
/// </summary>
public sealed partial class QueryPlanTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private SqliteConnection? _connection;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteConnection Connection => _connection!;

    public async ValueTask InitializeAsync()
    {
        var path = _directory.File("graph.db");
        await using (var store = await TestStores.CreateInitialisedAsync(path))
        {
            await store.SeedAsync(ContractGraph.Bundle(), Ct);
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await _connection.OpenAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task Actor_lookup_seeks_the_primary_key_and_reads_its_maintained_relation_counts()
    {
        var plan = await PlanAsync(Sql.Actor);

        AssertNoTableScan(plan);
        Assert.Contains(plan, l => l.StartsWith("SEARCH a USING INDEX sqlite_autoindex_actors_1 (id=?)", StringComparison.Ordinal));
        Assert.Contains("SEARCH c USING PRIMARY KEY (actor_id=?)", plan);
        Assert.DoesNotContain(plan, l => l.Contains("ix_relations_", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Direction.Out, 0)]
    [InlineData(Direction.In, 1)]
    [InlineData(Direction.Both, 2)]
    [InlineData(Direction.Both, 0)]
    public async Task The_total_of_an_actors_relations_filtered_by_type_at_most_comes_from_the_maintained_counts(Direction direction, int types)
    {
        var conditions = new RelationConditions([.. Enum.GetValues<RelationType>().Take(types)], null);

        var plan = await PlanAsync(Sql.ActorRelations(direction, conditions, after: false).Split(';')[0]);

        AssertNoTableScan(plan);
        Assert.Contains(plan, l => l.StartsWith("SEARCH c USING PRIMARY KEY (actor_id=?", StringComparison.Ordinal));
        if (direction == Direction.Both)
        {
            // The counts on the indexes are only for an actor with relations to itself, which the CASE never reaches otherwise.
            Assert.Contains("SEARCH d USING PRIMARY KEY (actor_id=?)", plan);
        }
        else
        {
            Assert.DoesNotContain(plan, l => l.Contains("ix_relations_", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Statistics_read_the_maintained_counts_and_the_top_of_the_degree_index()
    {
        var plan = await PlanAsync(Sql.Stats);

        AssertNoTableScan(plan);
        Assert.DoesNotContain(plan, l => l.Contains("relations", StringComparison.Ordinal) || l.Contains("ix_relations_", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, l => l.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.Contains(plan, l => l.StartsWith("SCAN actor_degrees USING COVERING INDEX ix_actor_degrees_top", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sources_read_their_maintained_citation_counts_not_the_citations()
    {
        var list = await PlanAsync(Sql.ListSources(after: true));
        var count = await PlanAsync(Sql.Source(after: false).Split(';')[1]);

        foreach (var plan in new[] { list, count })
        {
            Assert.Contains("SEARCH n USING PRIMARY KEY (source_id=?)", plan);
            Assert.DoesNotContain(plan, l => l.StartsWith("SEARCH c ", StringComparison.Ordinal) || l.StartsWith("SCAN c", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task A_search_of_three_characters_or_more_reads_the_trigram_index_not_every_actor(bool kinds, bool after)
    {
        var plan = await PlanAsync(Sql.SearchActors(query: true, kinds, after, indexed: true));

        AssertNoTableScan(plan);
        Assert.Contains(plan, l => l.StartsWith("SCAN s VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        Assert.Contains(plan, l => l.StartsWith("SEARCH a USING INDEX sqlite_autoindex_actors_1 (id=?)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_shorter_than_a_trigram_scans_every_actor()
    {
        // The trigram index cannot answer one or two characters: this is the one search that costs the graph's size.
        var plan = await PlanAsync(Sql.SearchActors(query: true, kinds: false, after: false, indexed: false));

        Assert.Contains(plan, l => l.StartsWith("SCAN a", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, l => l.Contains("actor_search", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Direction.Out, false, false)]
    [InlineData(Direction.In, false, false)]
    [InlineData(Direction.Both, false, false)]
    [InlineData(Direction.Both, true, true)]
    [InlineData(Direction.Out, true, true)]
    public async Task A_depth_1_page_of_an_actors_relations_seeks_its_indexes(Direction direction, bool filtered, bool after)
    {
        var conditions = filtered ? new RelationConditions([RelationType.MemberOf], PartialDate.OfYear(2010)) : RelationConditions.None;

        var plan = await PlanAsync(Sql.ActorRelations(direction, conditions, after));

        AssertNoTableScan(plan);
        if (direction != Direction.In)
        {
            Assert.Contains(plan, l => l.Contains("ix_relations_from (from_id=?", StringComparison.Ordinal));
        }

        if (direction != Direction.Out)
        {
            Assert.Contains(plan, l => l.Contains("ix_relations_to (to_id=?", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(true, false, 0)]
    [InlineData(false, true, 0)]
    [InlineData(true, true, 1)]
    [InlineData(false, false, 1)]
    [InlineData(false, false, 2)]
    public async Task Relation_listings_seek_an_index(bool from, bool to, int types)
    {
        var conditions = new RelationConditions([.. Enum.GetValues<RelationType>().Take(types)], null, Confidence.Medium);

        var plan = await PlanAsync(Sql.FindRelations(from, to, conditions, after: true));

        AssertNoTableScan(plan);
    }

    [Fact]
    public async Task A_listing_of_one_type_reads_it_in_index_order_without_sorting()
    {
        var plan = await PlanAsync(Sql.FindRelations(false, false, new RelationConditions([RelationType.MemberOf], null), after: true));

        Assert.Contains(plan, l => l.StartsWith("SEARCH r USING", StringComparison.Ordinal) && l.EndsWith("ix_relations_type (type=? AND (start_key,id)>(?,?))", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, l => l.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leaving_undated_relations_out_of_a_date_filter_changes_no_plan()
    {
        // The term reads start_key and end_key, which every relation index carries: it is checked on the index entry.
        foreach (var types in new RelationType[][] { [], [RelationType.MemberOf], [RelationType.MemberOf, RelationType.Chairs] })
        {
            var dated = new RelationConditions(types, PartialDate.OfYear(2010));
            var withUndated = dated with { IncludeUndated = true };
            Assert.Contains(dated.Terms(), t => !withUndated.Terms().Contains(t));

            foreach (var sql in new Func<RelationConditions, string>[]
            {
                c => Sql.ActorRelations(Direction.Both, c, after: true), c => Sql.ActorRelations(Direction.Out, c, after: false),
                c => Sql.FindRelations(false, false, c, after: true), c => Sql.FindRelations(true, false, c, after: true),
                c => Sql.NeighbourStep(c, kinds: true), c => Sql.Subgraph(c), Sql.PathStep,
                c => new ExportSelection(new ExportFilter([], types, PartialDate.OfYear(2010)) { IncludeUndated = c.IncludeUndated }).Relations,
            })
            {
                Assert.Equal(await PlanAsync(sql(withUndated)), await PlanAsync(sql(dated)));
            }
        }
    }

    [Fact]
    public async Task Citations_of_a_source_seek_its_key()
    {
        var plan = await PlanAsync(Sql.Source(after: true));

        AssertNoTableScan(plan);
        Assert.Contains(plan, l => l.StartsWith("SEARCH c USING PRIMARY KEY (source_id=?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Graph_walk_steps_read_only_the_frontiers_index_entries()
    {
        var conditions = new RelationConditions([RelationType.MemberOf], PartialDate.OfYear(2010));

        foreach (var sql in new[]
        {
            Sql.NeighbourStep(conditions), Sql.NeighbourStep(conditions, kinds: true, excludeKinds: true), Sql.Subgraph(conditions),
            Sql.PathStep(conditions), Sql.RelationsById, Sql.ActorRefs,
        })
        {
            AssertNoTableScan(await PlanAsync(sql));
        }
    }

    [Fact]
    public async Task The_cost_of_a_path_searchs_frontier_seeks_the_maintained_degrees()
    {
        var plan = await PlanAsync(Sql.FrontierDegree);

        Assert.Contains("SEARCH d USING PRIMARY KEY (actor_id=?)", plan);
        Assert.DoesNotContain(plan, l => l.StartsWith("SCAN d", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Node_degrees_are_read_from_the_maintained_degrees()
    {
        var plan = await PlanAsync(Sql.Subgraph(RelationConditions.None).Split(';')[0]);

        AssertNoTableScan(plan);
        Assert.Contains("SEARCH d USING PRIMARY KEY (actor_id=?)", plan);
        Assert.DoesNotContain(plan, l => l.Contains("ix_relations_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_kind_filter_looks_each_reached_actor_up_by_its_key()
    {
        var plan = await PlanAsync(Sql.NeighbourStep(RelationConditions.None, kinds: true, excludeKinds: true));

        AssertNoTableScan(plan);
        Assert.Contains(plan, l => l.StartsWith("SEARCH a USING INDEX sqlite_autoindex_actors_1 (id=?)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_page_of_the_change_feed_reads_the_log_onwards_from_the_cursor(bool since)
    {
        var plan = await PlanAsync(Page(CurationSql.Changes(since, record: false, after: true)));

        AssertIndexBound(plan);
        Assert.Contains("SEARCH c USING INTEGER PRIMARY KEY (rowid>?)", plan);
        if (since)
        {
            Assert.Contains(plan, l => l.StartsWith("SEARCH s USING COVERING INDEX ix_changes_at (at>?)", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_page_of_a_records_history_seeks_that_record_in_the_log(bool since)
    {
        var plan = await PlanAsync(Page(CurationSql.Changes(since, record: true, after: true)));

        AssertIndexBound(plan);
        Assert.Contains("SEARCH c USING INDEX ix_changes_record (kind=? AND record_id=? AND seq>?)", plan);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task The_total_of_a_filtered_change_listing_counts_only_what_it_selects(bool since, bool record)
    {
        var plan = await PlanAsync(CurationSql.Changes(since, record, after: true).Split(';')[0]);

        AssertIndexBound(plan);
    }

    [Fact]
    public async Task An_unfiltered_export_streams_each_table_in_id_order_without_sorting()
    {
        var selection = new ExportSelection(new ExportFilter([], [], null));

        var plan = await PlanAsync(selection.Actors + selection.Relations + selection.Sources);

        // A sort would gather every row (a million relations' JSON) before the first is sent.
        Assert.DoesNotContain(plan, l => l.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.Contains("SCAN a USING INDEX sqlite_autoindex_actors_1", plan);
        Assert.Contains("SCAN r USING INDEX sqlite_autoindex_relations_1", plan);
        Assert.Contains("SCAN s USING INDEX sqlite_autoindex_sources_1", plan);
        Assert.Equal(2, plan.Count(l => l == "SEARCH c USING PRIMARY KEY (source_id=?)"));
    }

    [Fact]
    public async Task Exports_of_a_few_actors_or_relations_seek_them()
    {
        foreach (var filter in new[] { new ExportFilter([], [], null, ActorIds: ["iom"]), new ExportFilter([], [], null, RelationIds: ["a.b"]) })
        {
            var selection = new ExportSelection(filter);

            AssertNoTableScan(await PlanAsync(selection.Actors + selection.Relations + selection.Sources));
        }
    }

    [Fact]
    public async Task Existence_and_version_checks_seek_the_primary_keys()
    {
        AssertIndexBound(await PlanAsync(CurationSql.StoredHashes + CurationSql.Existing));
    }

    /// <summary>The second statement of a listing: the page, after the total.</summary>
    private static string Page(string sql) => sql.Split(';')[1];

    /// <summary>Every table is read by a seek, and nothing is sorted: a page costs what it returns, not the log's size.</summary>
    private static void AssertIndexBound(IReadOnlyList<string> plan)
    {
        Assert.DoesNotContain(plan, l => l.StartsWith("SCAN ", StringComparison.Ordinal) && !l.StartsWith("SCAN json_each", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, l => l.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private static void AssertNoTableScan(IReadOnlyList<string> plan) =>
        Assert.DoesNotContain(plan, l => TableScan().IsMatch(l));

    // r is always a relation, a, f and t always actors, c a citation: see Sql.
    [GeneratedRegex(@"^SCAN (relations|actors|relation_sources|r|a|f|t|c)\b")]
    private static partial Regex TableScan();

    /// <summary>The EXPLAIN QUERY PLAN details of every statement in a command, with each parameter bound to a dummy value.</summary>
    private async Task<List<string>> PlanAsync(string sql)
    {
        var details = new List<string>();
        foreach (var statement in sql.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            await using var command = Connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + statement;
            foreach (var name in Parameter().Matches(statement).Select(m => m.Value).Distinct())
            {
                command.Parameters.AddWithValue(name, "[]");
            }

            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                details.Add(reader.GetString(3));
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', details));
        return details;
    }

    [GeneratedRegex(@"\$[A-Za-z]+")]
    private static partial Regex Parameter();
}
