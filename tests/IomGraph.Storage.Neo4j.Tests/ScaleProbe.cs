using System.Diagnostics;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Storage.Neo4j.Tests;

public sealed class ScaleProbe(SharedNeo4j server, ITestOutputHelper output) : IClassFixture<SharedNeo4j>
{
    [Fact]
    public async Task Probe()
    {
        var ct = TestContext.Current.CancellationToken;
        var url = await server.AcquireAsync();
        await using var test = TestStore.Create(url, new() { ["Neo4j:RequestTimeout"] = "00:05:00" });
        if (Environment.GetEnvironmentVariable("PROBE_READS_ONLY") is null) { await TestDatabase.ClearAsync(test, ct); }
        await test.Store.InitialiseAsync(ct);
        var random = new Random(1);
        var actors = Enumerable.Range(0, 5_000).Select(i => new Actor($"a{i}", $"Actor number {i}", ActorKind.IntergovernmentalOrganisation) { Aliases = [$"alias {i}"] }).ToList();
        var types = new[] { RelationType.MemberOf, RelationType.Supports, RelationType.Funds, RelationType.PartOf };
        var relations = Enumerable.Range(0, 20_000).Select(i =>
        {
            var f = random.Next(5_000); var t = (f + 1 + random.Next(4_999)) % 5_000;
            return new Relation($"r{i}", $"a{f}", $"a{t}", types[i % 4], Confidence.Medium, [new Citation("s", "q")], PartialDate.OfYear(1950 + (i % 70)));
        }).ToList();
        var bundle = new GraphBundle { Sources = [new Source("s", "S", SourceKind.News)], Actors = actors, Relations = relations };
        var sw = Stopwatch.StartNew();
        if (Environment.GetEnvironmentVariable("PROBE_READS_ONLY") is null) {
        var r1 = await test.Store.ApplyBundleAsync(bundle, BundleMode.Seed, ct);
        output.WriteLine($"seed {sw.Elapsed} {r1.Relations}");
        sw.Restart();
        var r2 = await test.Store.ApplyBundleAsync(bundle, BundleMode.Seed, ct);
        output.WriteLine($"reseed unchanged {sw.Elapsed} {r2.Relations}");
        }
        foreach (var (name, call) in new (string, Func<Task>)[]
        {
            ("stats", () => test.Store.GetStatsAsync(10, ct)),
            ("search", () => test.Store.SearchActorsAsync(new ActorSearch("number 12", [], 20, null), ct)),
            ("list all", () => test.Store.SearchActorsAsync(new ActorSearch(null, [], 20, null), ct)),
            ("find relations", () => test.Store.FindRelationsAsync(new RelationFilter([], null, null, null, null, 50, null), ct)),
            ("find relations by type asOf", () => test.Store.FindRelationsAsync(new RelationFilter([RelationType.Funds], null, null, PartialDate.OfYear(2000), null, 50, null), ct)),
            ("actor", () => test.Store.GetActorAsync("a5", ct)),
            ("relation", () => test.Store.GetRelationAsync("r4711", ct)),
            ("actor relations", () => test.Store.GetActorRelationsAsync(new ActorRelationsQuery("a5", [], Direction.Both, null, 50, null), ct)),
            ("neighbourhood 2", () => test.Store.GetNeighbourhoodAsync(new NeighbourhoodQuery("a5", 2, [], null, 500), ct)),
            ("paths", () => test.Store.FindShortestPathsAsync(new PathQuery("a5", "a4000", 6, [], null, 25), ct)),
            ("source", () => test.Store.GetSourceAsync(new SourceQuery("s", 20, null), ct)),
        })
        {
            await call();
            sw.Restart();
            await call();
            var first = sw.ElapsedMilliseconds;
            sw.Restart();
            await call();
            output.WriteLine($"{name}: {first} ms, {sw.ElapsedMilliseconds} ms");
        }
    }
}
