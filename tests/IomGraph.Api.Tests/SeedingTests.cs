using System.Text.Json;
using System.Text.Json.Nodes;
using IomGraph.Core.Seed;
using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace IomGraph.Api.Tests;

/// <summary>Start-up seeding against a database file, as `dotnet run` does it. Each test has its own files.</summary>
public sealed class SeedingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("iomgraph-seeding-").FullName;

    private string Database => Path.Combine(_directory, "graph.db");

    private string SeedCopy => Path.Combine(_directory, "seed");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private ApiFactory Start(string? seedPath = null) => new(new Dictionary<string, string?>
    {
        ["Graph:Sqlite:Path"] = Database,
        ["Graph:Seed:Path"] = seedPath ?? Path.Combine(AppContext.BaseDirectory, "seed-data"),
    });

    private void CopySeed()
    {
        Directory.CreateDirectory(SeedCopy);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seed-data"), "*.json"))
        {
            File.Copy(file, Path.Combine(SeedCopy, Path.GetFileName(file)));
        }
    }

    private static async Task<JsonElement> StatsAsync(ApiFactory factory) =>
        await factory.CreateClient().GetJsonAsync("/api/v1/stats?top=3");

    [Fact]
    public async Task A_restart_duplicates_nothing()
    {
        JsonElement first;
        await using (var factory = Start())
        {
            first = await StatsAsync(factory);
        }

        await using var restarted = Start();
        var second = await StatsAsync(restarted);
        var store = restarted.Services.GetRequiredService<IGraphWriter>();
        var seed = await SeedReader.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "seed-data"), TestContext.Current.CancellationToken);
        var reapplied = await store.SeedAsync(seed.Bundle, TestContext.Current.CancellationToken);

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.False(reapplied.Changed);
        Assert.Equal(seed.Bundle.Relations.Count, reapplied.Relations.Unchanged);
        Assert.Equal(seed.Bundle.Actors.Count, reapplied.Actors.Unchanged);
        Assert.Equal(seed.Fingerprint, (await restarted.Services.GetRequiredService<IGraphReader>().GetSeedStateAsync(TestContext.Current.CancellationToken))!.Fingerprint);
    }

    [Fact]
    public async Task A_changed_seed_file_updates_exactly_what_changed()
    {
        CopySeed();
        await using (var factory = Start(SeedCopy))
        {
            await StatsAsync(factory);
        }

        var (file, bundle) = Directory.GetFiles(SeedCopy, "*.json")
            .Select(f => (File: f, Bundle: JsonNode.Parse(File.ReadAllText(f))!))
            .Single(f => f.Bundle["actors"]?.AsArray().Any(a => (string?)a!["id"] == "ilo") == true);
        var ilo = bundle["actors"]!.AsArray().Single(a => (string?)a!["id"] == "ilo")!;
        ilo["description"] = "Changed by a test.";
        File.WriteAllText(file, bundle.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var seed = await SeedReader.ReadDirectoryAsync(SeedCopy, TestContext.Current.CancellationToken);
        await using var restarted = Start(SeedCopy);
        var client = restarted.CreateClient();
        var actor = await client.GetJsonAsync("/api/v1/actors/ilo");
        var reapplied = await restarted.Services.GetRequiredService<IGraphWriter>()
            .SeedAsync(seed.Bundle with { Actors = [.. seed.Bundle.Actors.Select(a => a.Id == "ilo" ? a with { Description = "Changed again." } : a)] }, TestContext.Current.CancellationToken);

        Assert.Equal("Changed by a test.", actor.GetProperty("actor").GetProperty("description").GetString());
        Assert.Equal(new RecordCounts(0, 1, seed.Bundle.Actors.Count - 1, 0), reapplied.Actors);
        Assert.Equal(new RecordCounts(0, 0, seed.Bundle.Relations.Count, 0), reapplied.Relations);
        Assert.Equal(new RecordCounts(0, 0, seed.Bundle.Sources.Count, 0), reapplied.Sources);
    }

    [Fact]
    public async Task A_relation_removed_from_the_seed_is_removed_from_the_store()
    {
        CopySeed();
        await using (var factory = Start(SeedCopy))
        {
            await factory.CreateClient().GetJsonAsync("/api/v1/relations?type=PREFERS&from=usa");
        }

        var (file, bundle) = Directory.GetFiles(SeedCopy, "*.json")
            .Select(f => (File: f, Bundle: JsonNode.Parse(File.ReadAllText(f))!))
            .Single(f => f.Bundle["relations"]?.AsArray().Any(r => (string?)r!["type"] == "PREFERS") == true);
        var relations = bundle["relations"]!.AsArray();
        relations.Remove(relations.First(r => (string?)r!["type"] == "PREFERS"));
        File.WriteAllText(file, bundle.ToJsonString());

        await using var restarted = Start(SeedCopy);
        var after = await restarted.CreateClient().GetJsonAsync("/api/v1/relations?type=PREFERS&from=usa");

        Assert.Equal(0, after.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_bad_seed_file_stops_start_up_naming_the_file_the_record_and_the_field()
    {
        CopySeed();
        File.WriteAllText(Path.Combine(SeedCopy, "zz-bad.json"), """
            { "relations": [ { "id": "iom.leads.nowhere", "from": "iom", "to": "nowhere", "type": "LEADS", "confidence": "high",
                               "sources": [ { "sourceId": "noborder-iom-wiki", "quote": "shall take the lead" } ] } ] }
            """);
        await using var factory = Start(SeedCopy);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var seedError = Assert.IsType<SeedDataException>(error.GetBaseException());
        Assert.Contains("zz-bad.json: relations[0] (id 'iom.leads.nowhere'), field 'to'", seedError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_fails_until_the_store_is_seeded()
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?> { ["Graph:Seed:Enabled"] = "false" });
        using var response = await factory.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
