using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Tests;

/// <summary>
/// A write that creates or updates many relations drops the secondary indexes of relations and their citations and
/// builds them again from sorted keys (BundleWriter). These tests write enough relations for that, and check that the
/// schema, the indexes' contents, the change log and the answers are what a row-by-row write leaves, and that a write
/// failing after the drop changes nothing.
/// </summary>
public sealed class BulkWriteTests : IDisposable
{
    private const int Actors = 120;
    private const int Relations = 12_000;

    private readonly TempDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_bulk_import_builds_the_indexes_again_as_the_schema_defines_them()
    {
        var path = _directory.File("graph.db");
        await using var store = await TestStores.CreateInitialisedAsync(path);
        var schema = await SchemaAsync(path);
        var rootBefore = await RootPageAsync(path, "ix_relations_from");

        var result = await store.WriteAsync(CurationWrite.Upsert("importer", BulkBundle()), Ct);

        Assert.Equal(WriteStatus.Applied, result.Status);
        Assert.Equal(Relations, result.Counts.Relations.Created);
        Assert.NotEqual(rootBefore, await RootPageAsync(path, "ix_relations_from"));
        Assert.Equal(schema, await SchemaAsync(path));
        Assert.Equal("ok", await ScalarAsync(path, "PRAGMA integrity_check;"));
        foreach (var table in new[] { "relations", "relation_sources" })
        {
            Assert.Equal(await IndexListAsync(_directory.File("fresh.db"), table, fresh: true), await IndexListAsync(path, table));
        }

        // The actor a-000 is the source of every 120th relation and the target of those whose (7i + 1) % 120 is 0.
        var expected = Enumerable.Range(0, Relations).Count(i => i % Actors == 0 || (i * 7 + 1) % Actors == 0);
        var page = await store.GetActorRelationsAsync(new ActorRelationsQuery("a-000", [], Direction.Both, null, 1, null), Ct);
        Assert.Equal(expected, page!.Total);
    }

    [Fact]
    public async Task A_bulk_import_logs_every_record_once_in_id_order_and_an_unchanged_one_logs_nothing()
    {
        var path = _directory.File("graph.db");
        await using var store = await TestStores.CreateInitialisedAsync(path);

        await store.WriteAsync(CurationWrite.Upsert("importer", BulkBundle()), Ct);

        var logged = await RowsAsync(path, "SELECT kind, record_id, operation, after IS NOT NULL AND before IS NULL FROM changes ORDER BY seq;");
        Assert.Equal(1 + Actors + Relations, logged.Count);
        Assert.All(logged, row => Assert.Equal(("create", 1L), ((string)row[2], (long)row[3])));
        var relationIds = logged.Where(row => (string)row[0] == "relation").Select(row => (string)row[1]).ToList();
        Assert.Equal(relationIds.Order(StringComparer.Ordinal), relationIds);
        Assert.Equal(0L, await ScalarAsync(path, "SELECT count(*) FROM changes c JOIN relations r ON r.id = c.record_id WHERE c.kind = 'relation' AND c.after IS NOT r.doc;"));

        var again = await store.WriteAsync(CurationWrite.Upsert("importer", BulkBundle()), Ct);
        Assert.Equal(Relations, again.Counts.Relations.Unchanged);
        Assert.Equal((long)logged.Count, await ScalarAsync(path, "SELECT count(*) FROM changes;"));
    }

    [Fact]
    public async Task A_bulk_import_that_fails_after_its_indexes_were_dropped_changes_nothing()
    {
        var path = _directory.File("graph.db");
        await using var store = await TestStores.CreateInitialisedAsync(path);
        await store.WriteAsync(CurationWrite.Seed(ContractGraph.Bundle()), Ct);
        var schema = await SchemaAsync(path);
        var changes = await ScalarAsync(path, "SELECT count(*) FROM changes;");
        var stats = await store.GetStatsAsync(0, Ct);

        // The schema's CHECK on confidence refuses the last relation only once relations are merged, after the drop.
        var bundle = BulkBundle();
        var relations = bundle.Relations.ToList();
        relations[^1] = relations[^1] with { Confidence = (Confidence)0 };
        var result = await store.WriteAsync(CurationWrite.Upsert("importer", bundle with { Relations = relations }), Ct);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(schema, await SchemaAsync(path));
        Assert.Equal(changes, await ScalarAsync(path, "SELECT count(*) FROM changes;"));
        var after = await store.GetStatsAsync(0, Ct);
        Assert.Equal((stats.Actors, stats.Relations, stats.Sources), (after.Actors, after.Relations, after.Sources));
        Assert.Equal(stats.RelationsByType, after.RelationsByType);
        Assert.Equal("ok", await ScalarAsync(path, "PRAGMA integrity_check;"));
    }

    private static GraphBundle BulkBundle() => new()
    {
        Sources = [new Source("bulk-source", "A source for every relation", SourceKind.PrimaryDocument)],
        Actors = Enumerable.Range(0, Actors).Select(i => new Actor($"a-{i:000}", $"Actor {i}", ActorKind.State)).ToList(),
        Relations = Enumerable.Range(0, Relations)
            .Select(i => new Relation(
                $"r-{(i * 7919) % Relations:00000}", $"a-{i % Actors:000}", $"a-{(i * 7 + 1) % Actors:000}", RelationType.MemberOf, Confidence.High,
                [new Citation("bulk-source", $"Quote {i}")], Start: PartialDate.OfYear(1990 + (i % 30))))
            .ToList(),
    };

    private static async Task<List<string>> SchemaAsync(string path) =>
        (await RowsAsync(path, "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name;"))
        .Select(row => (string)row[0]).ToList();

    private static async Task<object?> RootPageAsync(string path, string index) =>
        await ScalarAsync(path, $"SELECT rootpage FROM sqlite_schema WHERE name = '{index}';");

    /// <summary>The table's indexes in the order the query planner sees them.</summary>
    private static async Task<List<string>> IndexListAsync(string path, string table, bool fresh = false)
    {
        if (fresh)
        {
            await using var store = await TestStores.CreateInitialisedAsync(path);
        }

        return (await RowsAsync(path, $"SELECT name FROM pragma_index_list('{table}');")).Select(row => (string)row[0]).ToList();
    }

    private static async Task<object?> ScalarAsync(string path, string sql) => (await RowsAsync(path, sql))[0][0];

    private static async Task<List<object[]>> RowsAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<object[]>();
        while (await reader.ReadAsync(Ct))
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
