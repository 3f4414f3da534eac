using System.Net;
using System.Text.Json;
using IomGraph.Storage.Contract;
using IomGraph.Storage.Neo4j.Internal;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>
/// The Query API transport against response bodies from Neo4j's documentation:
/// https://neo4j.com/docs/query-api/current/query/ (plain result, 202 Accepted),
/// https://neo4j.com/docs/query-api/current/typed-json (typed values, nodes, relationships, paths),
/// https://neo4j.com/docs/query-api/current/transactions (explicit transactions),
/// https://neo4j.com/docs/http-api/current/error-handling/ (the errors array).
/// </summary>
public sealed class QueryApiTransportTests
{
    private const string Path = "/db/neo4j/query/v2";

    private static readonly CypherQuery Echo = new("Test.Echo", "RETURN $value AS value", ["value"]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_plain_json_result_is_read_as_rows()
    {
        var server = new FakeNeo4j().On(HttpMethod.Post, Path, HttpStatusCode.Accepted, """
            {
              "data": {
                "fields": ["alice"],
                "values": [[{"elementId": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:0", "labels": ["Person"], "properties": {"name": "Alice", "age": 42}}]]
              },
              "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"]
            }
            """);

        var result = await RunAsync(server, Echo.With(("value", "Alice")));

        Assert.Equal(["alice"], result.Columns);
        var alice = Assert.Single(result.Rows)[0];
        Assert.Equal(42, alice.GetProperty("properties").GetProperty("age").GetInt32());
    }

    [Fact]
    public async Task Typed_values_are_unwrapped_with_integers_as_numbers()
    {
        var server = new FakeNeo4j().On(HttpMethod.Post, Path, HttpStatusCode.Accepted, """
            {
              "data": {
                "fields": ["count", "big", "ratio", "name", "flag", "nothing", "names", "doc", "when"],
                "values": [[
                  {"$type": "Integer", "_value": "1"},
                  {"$type": "Integer", "_value": "9007199254740993"},
                  {"$type": "Float", "_value": "0.5"},
                  {"$type": "String", "_value": "Côte d’Ivoire"},
                  {"$type": "Boolean", "_value": true},
                  {"$type": "Null", "_value": null},
                  {"$type": "List", "_value": [{"$type": "String", "_value": "iom"}, {"$type": "Integer", "_value": "2"}]},
                  {"$type": "Map", "_value": {"id": {"$type": "String", "_value": "iom"}, "degree": {"$type": "Integer", "_value": "5"}}},
                  {"$type": "OffsetDateTime", "_value": "2024-01-01T21:40:32-01:00"}
                ]]
              },
              "bookmarks": []
            }
            """);

        var row = Assert.Single((await RunAsync(server, Echo.With(("value", 1)))).Rows);

        Assert.Equal(JsonValueKind.Number, row[0].ValueKind);
        Assert.Equal(1, row[0].GetInt64());
        Assert.Equal(9007199254740993L, row[1].GetInt64());
        Assert.Equal(0.5, row[2].GetDouble());
        Assert.Equal("Côte d’Ivoire", row[3].GetString());
        Assert.True(row[4].GetBoolean());
        Assert.Equal(JsonValueKind.Null, row[5].ValueKind);
        Assert.Equal("""["iom",2]""", row[6].GetRawText());
        Assert.Equal("""{"id":"iom","degree":5}""", row[7].GetRawText());
        Assert.Equal("2024-01-01T21:40:32-01:00", row[8].GetString());
    }

    [Fact]
    public async Task Typed_nodes_relationships_and_paths_become_plain_maps()
    {
        const string Alice = """{"$type": "Node", "_value": {"_element_id": "4:abc:0", "_labels": ["Person"], "_properties": {"name": {"$type": "String", "_value": "Alice"}}}}""";
        const string Bob = """{"$type": "Node", "_value": {"_element_id": "4:abc:1", "_labels": ["Person"], "_properties": {"name": {"$type": "String", "_value": "Bob"}}}}""";
        const string Knows = """
            {"$type": "Relationship", "_value": {"_element_id": "5:abc:0", "_start_node_element_id": "4:abc:0", "_end_node_element_id": "4:abc:1",
             "_type": "KNOWS", "_properties": {"since": {"$type": "Integer", "_value": "2006"}}}}
            """;
        var server = new FakeNeo4j().On(HttpMethod.Post, Path, HttpStatusCode.Accepted, $$"""
            {"data": {"fields": ["a", "r", "p"], "values": [[{{Alice}}, {{Knows}}, {"$type": "Path", "_value": [{{Alice}}, {{Knows}}, {{Bob}}]}]]}, "bookmarks": []}
            """);

        var row = Assert.Single((await RunAsync(server, Echo.With(("value", null)))).Rows);

        Assert.Equal("""{"elementId":"4:abc:0","labels":["Person"],"properties":{"name":"Alice"}}""", row[0].GetRawText());
        Assert.Equal(
            """{"elementId":"5:abc:0","type":"KNOWS","startNodeElementId":"4:abc:0","endNodeElementId":"4:abc:1","properties":{"since":2006}}""",
            row[1].GetRawText());
        Assert.Equal(3, row[2].GetArrayLength());
        Assert.Equal("Bob", row[2][2].GetProperty("properties").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Requests_are_typed_json_with_typed_parameters()
    {
        var server = new FakeNeo4j().On(HttpMethod.Post, Path, HttpStatusCode.Accepted, """{"data": {"fields": [], "values": []}, "bookmarks": []}""");
        var query = new CypherQuery("Test.Params", "RETURN $s, $i, $l, $m, $n", ["s", "i", "l", "m", "n"]);

        await RunAsync(server, query.With(
            ("s", "iom"), ("i", 99991231), ("l", new[] { "a", "b" }), ("m", new Dictionary<string, object?> { ["k"] = 2L }), ("n", null)));

        var request = Assert.Single(server.Requests);
        Assert.Equal((CypherJson.TypedMediaType, CypherJson.TypedMediaType), (request.ContentType, request.Accept));
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("RETURN $s, $i, $l, $m, $n", body.RootElement.GetProperty("statement").GetString());
        var parameters = body.RootElement.GetProperty("parameters");
        Assert.Equal("""{"$type":"String","_value":"iom"}""", parameters.GetProperty("s").GetRawText());
        Assert.Equal("""{"$type":"Integer","_value":"99991231"}""", parameters.GetProperty("i").GetRawText());
        Assert.Equal("""{"$type":"List","_value":[{"$type":"String","_value":"a"},{"$type":"String","_value":"b"}]}""", parameters.GetProperty("l").GetRawText());
        Assert.Equal("""{"$type":"Map","_value":{"k":{"$type":"Integer","_value":"2"}}}""", parameters.GetProperty("m").GetRawText());
        Assert.Equal("""{"$type":"Null","_value":null}""", parameters.GetProperty("n").GetRawText());
    }

    [Theory]
    [InlineData(HttpStatusCode.Accepted)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task An_error_in_the_body_is_raised_whatever_the_status(HttpStatusCode status)
    {
        var server = new FakeNeo4j().On(HttpMethod.Post, Path, status, """
            {"errors": [{"code": "Neo.ClientError.Statement.SyntaxError", "message": "Invalid input 'T': expected <init> (line 1, column 1 (offset: 0))"}]}
            """);

        var error = await Assert.ThrowsAsync<CypherException>(() => RunAsync(server, Echo.With(("value", 1))));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Equal("Test.Echo", error.Statement);
        Assert.Contains("Invalid input 'T'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthorized_is_a_credentials_error_naming_the_user_but_not_the_password()
    {
        var server = new FakeNeo4j().On(HttpMethod.Post, Path, HttpStatusCode.Unauthorized, """
            {"errors": [{"code": "Neo.ClientError.Security.Unauthorized", "message": "The client is unauthorized due to authentication failure."}]}
            """);

        var error = await Assert.ThrowsAsync<Neo4jAuthenticationException>(
            () => RunAsync(server, Echo.With(("value", 1)), new() { ["Neo4j:User"] = "reader", ["Neo4j:Password"] = "s3cret-pass" }));

        Assert.Contains("rejected the credentials of user 'reader'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Basic ", server.Requests[0].Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_found_is_unavailable_and_names_the_database()
    {
        var server = new FakeNeo4j().On(HttpMethod.Post, "/db/nope/query/v2", HttpStatusCode.NotFound, """
            {"errors": [{"code": "Neo.ClientError.Database.DatabaseNotFound", "message": "Graph not found: nope"}]}
            """);
        await using var store = TestStore.Create("http://localhost:7474", new() { ["Neo4j:Database"] = "nope" }, server);
        var transport = new QueryApiTransport(store.Http(), "db/nope/query/v2", "test");

        var error = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => transport.ExecuteAsync([Echo.With(("value", 1))], idempotent: true, Ct));

        Assert.Contains("no database 'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_without_errors_says_the_endpoint_is_missing()
    {
        var server = new FakeNeo4j();

        var error = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => RunAsync(server, Echo.With(("value", 1))));

        Assert.Contains("has no endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_statements_run_in_one_explicit_transaction()
    {
        var server = new FakeNeo4j()
            .On(HttpMethod.Post, Path + "/tx", HttpStatusCode.Accepted,
                """{"data": {"fields": [], "values": []}, "bookmarks": [], "transaction": {"id": "d8ad9256-a2dd-4b4b-a8f0-9c52a1ba0a79", "expires": "2024-10-22T15:48:29Z"}}""",
                ("neo4j-cluster-affinity", "MS1ub2RlLTE="))
            .On(HttpMethod.Post, Path + "/tx/d8ad9256-a2dd-4b4b-a8f0-9c52a1ba0a79", HttpStatusCode.Accepted,
                """{"data": {"fields": ["value"], "values": [[{"$type": "Integer", "_value": "7"}]]}, "bookmarks": [], "transaction": {"id": "d8ad9256-a2dd-4b4b-a8f0-9c52a1ba0a79", "expires": "2024-10-22T15:48:29Z"}}""")
            .On(HttpMethod.Post, Path + "/tx/d8ad9256-a2dd-4b4b-a8f0-9c52a1ba0a79/commit", HttpStatusCode.Accepted,
                """{"data": {"fields": [], "values": []}, "bookmarks": ["FB:kcwQ"]}""");

        var results = await RunManyAsync(server, [Echo.With(("value", 7)), Echo.With(("value", 7))]);

        Assert.Equal([7L, 7L], results.Select(r => r.Rows[0][0].GetInt64()));
        Assert.Equal(
            [Path + "/tx", Path + "/tx/d8ad9256-a2dd-4b4b-a8f0-9c52a1ba0a79", Path + "/tx/d8ad9256-a2dd-4b4b-a8f0-9c52a1ba0a79", Path + "/tx/d8ad9256-a2dd-4b4b-a8f0-9c52a1ba0a79/commit"],
            server.Requests.Select(r => r.Path));
        Assert.All(server.Requests.Skip(1), r => Assert.Equal("MS1ub2RlLTE=", r.ClusterAffinity));
    }

    [Fact]
    public async Task A_failed_statement_in_a_transaction_rolls_it_back()
    {
        var server = new FakeNeo4j()
            .On(HttpMethod.Post, Path + "/tx", HttpStatusCode.Accepted,
                """{"data": {"fields": [], "values": []}, "bookmarks": [], "transaction": {"id": "t1", "expires": "2024-10-22T15:48:29Z"}}""")
            .On(HttpMethod.Post, Path + "/tx/t1", HttpStatusCode.BadRequest,
                """{"errors": [{"code": "Neo.ClientError.Schema.ConstraintValidationFailed", "message": "Node(0) already exists with label `Actor` and property `id` = 'iom'"}]}""")
            .On(HttpMethod.Delete, Path + "/tx/t1", HttpStatusCode.OK, """{"data": {"fields": [], "values": []}, "bookmarks": []}""");
        await using var store = TestStore.Create("http://localhost:7474", null, server);
        var transport = new QueryApiTransport(store.Http(), Path.TrimStart('/'), "test");

        await using (var transaction = await transport.BeginAsync(Ct))
        {
            var error = await Assert.ThrowsAsync<CypherException>(() => transaction.ExecuteAsync([Echo.With(("value", 1))], Ct));
            Assert.True(error.IsConstraintViolation);
            await transaction.RollbackAsync(Ct);
        }

        Assert.DoesNotContain(server.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_on_a_query_api_server_reads_through_it()
    {
        var server = FakeNeo4j.QueryApiServer().On(HttpMethod.Post, Path, HttpStatusCode.Accepted, """
            {"data": {"fields": ["fingerprint", "appliedAt"], "values": [[{"$type": "String", "_value": "abc123"}, {"$type": "String", "_value": "2026-11-30T10:00:00.0000000+00:00"}]]}, "bookmarks": []}
            """);
        await using var store = TestStore.Create("http://localhost:7474", null, server);

        var state = await store.Store.GetSeedStateAsync(Ct);

        Assert.Equal("abc123", state!.Fingerprint);
        Assert.Equal([HttpMethod.Get, HttpMethod.Post], server.Requests.Select(r => r.Method));
        Assert.Equal(Path, server.Requests[1].Path);
    }

    /// <summary>
    /// A 5.19 server gets the Cypher 5 form of the actor read (COUNT { } degrees, which 3.1 cannot parse), in one request,
    /// and the counts are read back from the degree list: outgoing then incoming per relation type, in vocabulary order.
    /// </summary>
    [Fact]
    public async Task An_actor_on_Neo4j_5_is_counted_with_count_subqueries_in_one_request()
    {
        var degrees = Enumerable.Repeat(0, 2 * Core.Vocabulary.RelationTypes.Names.Count()).ToArray();
        var memberOf = Core.Vocabulary.RelationTypes.Names.ToList().IndexOf(Core.Vocabulary.RelationTypes.NameOf(Core.Model.RelationType.MemberOf));
        (degrees[2 * memberOf], degrees[(2 * memberOf) + 1]) = (3, 186);
        var doc = JsonSerializer.Serialize(JsonSerializer.Serialize(new Core.Model.Actor("iom", "International Organization for Migration", Core.Model.ActorKind.IntergovernmentalOrganisation), Core.Model.GraphJson.Options));
        var list = string.Join(", ", degrees.Select(d => $$"""{"$type": "Integer", "_value": "{{d}}"}"""));
        var server = FakeNeo4j.QueryApiServer().On(HttpMethod.Post, Path, HttpStatusCode.Accepted, $$"""
            {"data": {"fields": ["doc", "degrees"], "values": [[{"$type": "String", "_value": {{doc}}}, {"$type": "List", "_value": [{{list}}]}]]}, "bookmarks": []}
            """);
        await using var store = TestStore.Create("http://localhost:7474", null, server);

        var details = await store.Store.GetActorAsync("iom", Ct);

        Assert.Equal([new Core.Storage.RelationCount(Core.Model.RelationType.MemberOf, 3, 186)], details!.RelationCounts);
        var post = Assert.Single(server.Requests, r => r.Method == HttpMethod.Post);
        using var body = JsonDocument.Parse(post.Body!);
        var statement = body.RootElement.GetProperty("statement").GetString()!;
        Assert.Equal(CypherCatalogue.Actor.CountSubquery.Text, statement);
        Assert.Contains("COUNT { (a)-[:MEMBER_OF]->() }", statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundle_is_written_in_one_explicit_transaction_one_statement_per_request()
    {
        var server = FakeNeo4j.EmptyQueryApiStore();
        await using var store = TestStore.Create("http://localhost:7474", null, server);
        var bundle = new Core.Model.GraphBundle
        {
            Sources = [new Core.Model.Source("s", "A source", Core.Model.SourceKind.News)],
            Actors = [new Core.Model.Actor("a", "Actor A", Core.Model.ActorKind.State, Iso3: "AAA"), new Core.Model.Actor("b", "Actor B", Core.Model.ActorKind.IntergovernmentalOrganisation)],
            Relations = [new Core.Model.Relation("a-member-of-b", "a", "b", Core.Model.RelationType.MemberOf, Core.Model.Confidence.High, [new Core.Model.Citation("s", "Quoted.")])],
        };

        var result = await store.Store.ImportAsync(bundle, Ct);

        Assert.Equal((1, 2, 1), (result.Sources.Created, result.Actors.Created, result.Relations.Created));
        var paths = server.Requests.Select(r => r.Path).ToList();
        Assert.Equal(["/", Path + "/tx"], paths.Take(2));
        Assert.Equal(Path + "/tx/tx1/commit", paths[^1]);
        Assert.All(paths.Skip(2).SkipLast(1), p => Assert.Equal(Path + "/tx/tx1", p));
        Assert.Contains(server.Requests, r => r.Body?.Contains("[r:MEMBER_OF ", StringComparison.Ordinal) == true);
        Assert.All(server.Requests.Where(r => r.Body is not null), r => Assert.Equal(CypherJson.TypedMediaType, r.ContentType));
    }

    private static async Task<CypherResult> RunAsync(FakeNeo4j server, CypherStatement statement, Dictionary<string, string?>? settings = null) =>
        (await RunManyAsync(server, [statement], settings))[0];

    private static async Task<IReadOnlyList<CypherResult>> RunManyAsync(FakeNeo4j server, CypherStatement[] statements, Dictionary<string, string?>? settings = null)
    {
        await using var store = TestStore.Create("http://localhost:7474", settings, server);
        var transport = new QueryApiTransport(store.Http(), Path.TrimStart('/'), "test");
        return await transport.ExecuteAsync(statements, idempotent: true, Ct);
    }
}
