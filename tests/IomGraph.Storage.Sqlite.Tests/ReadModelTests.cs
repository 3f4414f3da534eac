using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Tests;

/// <summary>
/// The counts and the search index the store maintains on write (Internal/ReadModel) stay exactly what the records
/// say, after every kind of write and after a migration of a database that had none: each maintained table is compared
/// with the same figures computed from the records themselves.
/// </summary>
public sealed class ReadModelTests : IDisposable
{
    /// <summary>Turns a database of the current schema back into one of schema version 2, before the maintained tables.</summary>
    public const string DropVersion3 = """
        DROP TABLE actor_relation_counts; DROP TABLE actor_degrees; DROP TABLE source_citations; DROP TABLE graph_counts;
        DROP TABLE actor_search; DROP TABLE actor_search_rows; PRAGMA user_version = 2;
        """;

    /// <summary>Each row a maintained table holds that the records do not give, or the other way round.</summary>
    private static readonly (string Table, string Maintained, string FromRecords)[] Checks =
    [
        ("actor_relation_counts",
            "SELECT actor_id, type, direction, n FROM actor_relation_counts",
            "SELECT from_id, type, 0, count(*) FROM relations GROUP BY from_id, type UNION ALL SELECT to_id, type, 1, count(*) FROM relations GROUP BY to_id, type"),
        ("actor_degrees",
            "SELECT actor_id, ends, loops FROM actor_degrees",
            """
            SELECT a.id, (SELECT count(*) FROM relations r WHERE r.from_id = a.id) + (SELECT count(*) FROM relations r WHERE r.to_id = a.id),
                (SELECT count(*) FROM relations r WHERE r.from_id = a.id AND r.to_id = a.id)
            FROM actors a WHERE EXISTS (SELECT 1 FROM relations r WHERE r.from_id = a.id OR r.to_id = a.id)
            """),
        ("source_citations",
            "SELECT source_id, n FROM source_citations",
            "SELECT s.id, count(*) FROM sources s JOIN relations r ON EXISTS (SELECT 1 FROM json_each(r.doc, '$.sources') c WHERE json_extract(c.value, '$.sourceId') = s.id) GROUP BY s.id"),
        ("graph_counts",
            "SELECT what, key, n FROM graph_counts",
            "SELECT 'kind', kind, count(*) FROM actors GROUP BY kind UNION ALL SELECT 'type', type, count(*) FROM relations GROUP BY type"),
        ("actor_search",
            "SELECT k.actor_id, s.names, k.names, k.sort_key, k.kind FROM actor_search s JOIN actor_search_rows k ON k.row = s.rowid",
            "SELECT id, search_names, search_names, sort_key, kind FROM actors"),
        ("actor_search (rows)",
            "SELECT count(*) FROM actor_search UNION ALL SELECT count(*) FROM actor_search_rows",
            "SELECT count(*) FROM actors UNION ALL SELECT count(*) FROM actors"),
    ];

    private readonly TempDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Path => _directory.File("graph.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_seed_and_a_reseed_that_drops_records_keep_the_counts_exact()
    {
        await using var store = await TestStores.CreateInitialisedAsync(Path);

        await store.SeedAsync(ContractGraph.Bundle(), Ct);
        await AssertExactAsync("seed", notEmpty: true);

        var smaller = ContractGraph.Bundle().Without(
            actors: [ContractGraph.Actors.BerneInitiative],
            relations: [ContractGraph.Relations.IomMemberOfGmg, ContractGraph.Relations.GcimPrecursorOfGfmd],
            sources: [ContractGraph.Sources.Uncited]);
        await store.SeedAsync(smaller, Ct);
        await AssertExactAsync("a smaller seed");

        var changed = smaller with
        {
            Relations = [.. smaller.Relations.Select(r => r.Id == ContractGraph.Relations.UnhcrMemberOfUnNetwork ? r with { From = ContractGraph.Actors.Iom, Type = RelationType.Coordinates } : r)],
        };
        await store.SeedAsync(changed, Ct);
        await AssertExactAsync("a seed that moves a relation");
    }

    [Fact]
    public async Task A_whole_bundle_import_into_an_empty_store_and_a_small_one_into_a_seeded_store_keep_the_counts_exact()
    {
        await using var store = await TestStores.CreateInitialisedAsync(Path);

        await store.ImportAsync(ContractGraph.Bundle(), Ct);
        await AssertExactAsync("a whole-bundle import", notEmpty: true);

        var newcomer = new Actor("newcomer", "Newcomer Ågency", ActorKind.ForumOrCommission, "NCA", "Newcomers") { Aliases = ["Nouvelle Agence"] };
        await store.ImportAsync(
            new GraphBundle
            {
                Actors = [newcomer, ContractGraph.Actor(ContractGraph.Actors.Gfmd) with { Kind = ActorKind.InterAgencyGroup, Aliases = ["Forum"] }],
                Relations =
                [
                    new Relation("newcomer-member-of-iom", newcomer.Id, ContractGraph.Actors.Iom, RelationType.MemberOf, Confidence.High, [new Citation(ContractGraph.Sources.Uncited)]),
                    ContractGraph.Relation(ContractGraph.Relations.SwitzerlandChairsGfmd) with { Sources = [new Citation(ContractGraph.Sources.GcimReport)] },
                ],
            },
            Ct);
        await AssertExactAsync("a small import");
    }

    [Fact]
    public async Task Every_kind_of_curation_write_keeps_the_counts_exact()
    {
        await using var store = await TestStores.CreateInitialisedAsync(Path);
        await store.SeedAsync(ContractGraph.Bundle(), Ct);
        var newcomer = new Actor("newcomer", "Newcomer", ActorKind.ForumOrCommission, "NC");
        var joins = new Relation("newcomer-member-of-gmg", newcomer.Id, ContractGraph.Actors.Gmg, RelationType.MemberOf, Confidence.High, [new Citation(ContractGraph.Sources.Uncited)]);
        var source = new Source("fresh-source", "A fresh source", SourceKind.News);

        var writes = new (string What, CurationWrite Write)[]
        {
            ("put a new actor", CurationWrite.Upsert("alice", new GraphBundle { Actors = [newcomer] })),
            ("put an actor of another kind and names", CurationWrite.Upsert("alice", new GraphBundle { Actors = [newcomer with { Kind = ActorKind.InterAgencyGroup, Name = "Renamed Côte", Aliases = ["RC"] }] })),
            ("put a new source", CurationWrite.Upsert("alice", new GraphBundle { Sources = [source] })),
            ("put a new relation", CurationWrite.Upsert("alice", new GraphBundle { Relations = [joins] })),
            ("put a relation with other ends, type and sources",
                CurationWrite.Upsert("alice", new GraphBundle { Relations = [joins with { To = ContractGraph.Actors.Iom, Type = RelationType.Funds, Sources = [new Citation(source.Id), new Citation(ContractGraph.Sources.GcimReport)] }] })),
            ("delete a relation", new CurationWrite("alice", GraphBundle.Empty, [RecordRef.RelationOf(joins.Id)])),
            ("delete an actor", new CurationWrite("alice", GraphBundle.Empty, [RecordRef.ActorOf(newcomer.Id)])),
            ("delete a source", new CurationWrite("alice", GraphBundle.Empty, [RecordRef.SourceOf(source.Id)])),
            ("delete a seeded relation and an actor in one write",
                new CurationWrite("alice", GraphBundle.Empty, [RecordRef.RelationOf(ContractGraph.Relations.SwitzerlandChairsGfmd), RecordRef.RelationOf(ContractGraph.Relations.GcimPrecursorOfGfmd), RecordRef.RelationOf(ContractGraph.Relations.SwitzerlandFundsGcim), RecordRef.ActorOf(ContractGraph.Actors.Gcim)])),
        };

        foreach (var (what, write) in writes)
        {
            var result = await store.WriteAsync(write, Ct);
            Assert.True(result.Status == WriteStatus.Applied, $"{what}: {result.Status} {result.Message}");
            await AssertExactAsync(what);
        }
    }

    [Fact]
    public async Task A_refused_write_changes_no_count()
    {
        await using var store = await TestStores.CreateInitialisedAsync(Path);
        await store.SeedAsync(ContractGraph.Bundle(), Ct);
        var before = await SnapshotAsync();

        // IOM still has relations, so deleting it is refused, and the whole write with it.
        var result = await store.WriteAsync(
            new CurationWrite("alice", new GraphBundle { Actors = [new Actor("newcomer", "Newcomer", ActorKind.ForumOrCommission)] }, [RecordRef.ActorOf(ContractGraph.Actors.Iom)]), Ct);

        Assert.NotEqual(WriteStatus.Applied, result.Status);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Migrating_a_version_2_database_fills_the_counts_and_the_search_index()
    {
        await using (var store = await TestStores.CreateInitialisedAsync(Path))
        {
            await store.SeedAsync(ContractGraph.Bundle(), Ct);
            await store.ImportAsync(new GraphBundle { Actors = [new Actor("newcomer", "Newcomer", ActorKind.ForumOrCommission)] }, Ct);
        }

        await ExecuteAsync(DropVersion3);
        await using var migrated = await TestStores.CreateInitialisedAsync(Path);

        await AssertExactAsync("a migration", notEmpty: true);
        var iom = await migrated.GetActorAsync(ContractGraph.Actors.Iom, Ct);
        Assert.Equal(
            new[] { new RelationCount(RelationType.MemberOf, 1, 2), new RelationCount(RelationType.Coordinates, 1, 0), new RelationCount(RelationType.SecretariatOf, 1, 0) }.OrderBy(c => c.Type),
            iom!.RelationCounts.OrderBy(c => c.Type));
        Assert.Equal([ContractGraph.Actors.Iom], (await migrated.SearchActorsAsync(new ActorSearch("IOM", [], 1, null), Ct)).Items.Select(h => h.Actor.Id));

        var next = await migrated.WriteAsync(new CurationWrite("alice", GraphBundle.Empty, [RecordRef.RelationOf(ContractGraph.Relations.IomMemberOfGmg)]), Ct);
        Assert.Equal(WriteStatus.Applied, next.Status);
        await AssertExactAsync("a write after the migration");
    }

    /// <summary>
    /// Queries of three characters or more are answered from the trigram index, shorter ones by a scan: both must find
    /// and rank what Core's rule does (TextFolding.Rank over the folded names), whatever FTS5 would read as syntax.
    /// </summary>
    [Theory]
    [InlineData("i")]
    [InlineData("io")]
    [InlineData("iom")]
    [InlineData("IOM")]
    [InlineData("ion")]
    [InlineData("migration")]
    [InlineData("Côte d’Iv")]
    [InlineData("d'i")]
    [InlineData("un network on")]
    [InlineData("un-net")]
    [InlineData("\"iom\"")]
    [InlineData("a\"b")]
    [InlineData("or")]
    [InlineData("iom OR unhcr")]
    [InlineData("*")]
    [InlineData("gl*")]
    [InlineData("NEAR(iom unhcr)")]
    [InlineData("^gl")]
    [InlineData("zzzz")]
    public async Task Search_from_the_trigram_index_finds_and_ranks_what_a_scan_of_every_name_does(string query)
    {
        await using var store = await TestStores.CreateInitialisedAsync(Path);
        await store.SeedAsync(ContractGraph.Bundle(), Ct);
        var folded = TextFolding.Fold(query);
        var expected = ContractGraph.AllActors
            .Select(a => (a.Id, SortKey: TextFolding.SortKey(a), Rank: TextFolding.Rank(TextFolding.SearchNames(a), folded)))
            .Where(h => h.Rank is not null)
            .OrderBy(h => h.Rank).ThenBy(h => h.SortKey, StringComparer.Ordinal).ThenBy(h => h.Id, StringComparer.Ordinal)
            .Select(h => (h.Id, h.Rank!.Value))
            .ToList();

        var all = await store.SearchActorsAsync(new ActorSearch(query, [], 100, null), Ct);
        var paged = new List<ActorHit>();
        for (ActorCursor? after = null; ;)
        {
            var page = await store.SearchActorsAsync(new ActorSearch(query, [], 2, after), Ct);
            paged.AddRange(page.Items);
            if (!Cursors.TryDecode<ActorCursor>(page.NextCursor, out var next))
            {
                break;
            }

            after = next;
        }

        Assert.Equal(expected, all.Items.Select(h => (h.Actor.Id, h.Rank)));
        Assert.Equal(expected.Count, all.Total);
        Assert.Equal(expected, paged.Select(h => (h.Actor.Id, h.Rank)));
    }

    /// <summary>Every maintained table agrees with the records; with <paramref name="notEmpty"/>, each holds something too.</summary>
    private async Task AssertExactAsync(string after, bool notEmpty = false)
    {
        await using var connection = await OpenAsync();
        foreach (var (table, maintained, fromRecords) in Checks)
        {
            var differences = await ReadRowsAsync(connection, $"""
                SELECT 'maintained', * FROM (SELECT * FROM ({maintained}) EXCEPT SELECT * FROM ({fromRecords}))
                UNION ALL SELECT 'from records', * FROM (SELECT * FROM ({fromRecords}) EXCEPT SELECT * FROM ({maintained}))
                """);
            Assert.True(differences.Count == 0, $"After {after}, {table} differs from the records: {string.Join("; ", differences)}");
            if (notEmpty)
            {
                Assert.NotEmpty(await ReadRowsAsync(connection, maintained));
            }
        }
    }

    private async Task<string> SnapshotAsync()
    {
        await using var connection = await OpenAsync();
        var rows = new List<string>();
        foreach (var (_, maintained, _) in Checks)
        {
            rows.AddRange(await ReadRowsAsync(connection, $"SELECT * FROM ({maintained}) ORDER BY 1"));
        }

        return string.Join('\n', rows);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<List<string>> ReadRowsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
        }

        return rows;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
