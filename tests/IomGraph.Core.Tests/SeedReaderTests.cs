using System.Text.Json;
using IomGraph.Core.Model;
using IomGraph.Core.Seed;

namespace IomGraph.Core.Tests;

public sealed class SeedReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("iomgraph-seed-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string file, GraphBundle bundle) =>
        File.WriteAllText(Path.Combine(_directory, file), JsonSerializer.Serialize(bundle, GraphJson.Options));

    [Fact]
    public async Task Bundles_from_several_files_merge()
    {
        Write("a.json", new GraphBundle { Sources = [Build.Source()], Actors = [Build.Actor()] });
        Write("b.json", new GraphBundle { Actors = [Build.Actor("global-migration-group", ActorKind.InterAgencyGroup)], Relations = [Build.Relation()] });

        var seed = await SeedReader.ReadDirectoryAsync(_directory, TestContext.Current.CancellationToken);

        Assert.Equal(2, seed.Bundle.Actors.Count);
        Assert.Single(seed.Bundle.Relations);
        Assert.Equal(["a.json", "b.json"], seed.Files);
    }

    [Fact]
    public async Task The_fingerprint_changes_with_the_content_and_only_then()
    {
        Write("a.json", Build.Bundle());
        var first = await SeedReader.ReadDirectoryAsync(_directory, TestContext.Current.CancellationToken);
        var again = await SeedReader.ReadDirectoryAsync(_directory, TestContext.Current.CancellationToken);
        Write("a.json", Build.Bundle() with { Sources = [Build.Source() with { Year = 2014 }] });
        var changed = await SeedReader.ReadDirectoryAsync(_directory, TestContext.Current.CancellationToken);

        Assert.Equal(first.Fingerprint, again.Fingerprint);
        Assert.NotEqual(first.Fingerprint, changed.Fingerprint);
    }

    [Fact]
    public async Task A_broken_rule_names_the_file_the_record_and_the_field()
    {
        Write("a.json", new GraphBundle { Sources = [Build.Source()], Actors = [Build.Actor()] });
        Write("b.json", new GraphBundle
        {
            Actors = [Build.Actor("global-migration-group", ActorKind.InterAgencyGroup)],
            Relations = [Build.Relation(), Build.Relation(to: "nowhere") with { Id = "iom.member-of.nowhere" }],
        });

        var error = await Assert.ThrowsAsync<SeedDataException>(() => SeedReader.ReadDirectoryAsync(_directory, TestContext.Current.CancellationToken));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(new SeedError("b.json", "relations[1] (id 'iom.member-of.nowhere')", "to", "Actor 'nowhere' does not exist."), problem);
        Assert.Contains("b.json: relations[1] (id 'iom.member-of.nowhere'), field 'to'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_names_the_file_and_the_path()
    {
        Write("a.json", Build.Bundle());
        File.WriteAllText(Path.Combine(_directory, "b.json"), """{ "actors": [ { "id": "x", "name": "X", "kind": "planet" } ] }""");

        var error = await Assert.ThrowsAsync<SeedDataException>(() => SeedReader.ReadDirectoryAsync(_directory, TestContext.Current.CancellationToken));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("b.json", problem.File);
        Assert.Equal("$.actors[0]", problem.Record);
        Assert.Equal("kind", problem.Field);
    }

    [Fact]
    public async Task An_unknown_property_is_an_error_not_silently_dropped()
    {
        File.WriteAllText(Path.Combine(_directory, "a.json"), """{ "actors": [ { "id": "x", "name": "X", "kind": "state", "iso3": "XXX", "foundedd": "2001" } ] }""");

        var error = await Assert.ThrowsAsync<SeedDataException>(() => SeedReader.ReadDirectoryAsync(_directory, TestContext.Current.CancellationToken));

        Assert.Equal("foundedd", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public async Task A_missing_directory_is_reported()
    {
        var error = await Assert.ThrowsAsync<SeedDataException>(() => SeedReader.ReadDirectoryAsync(Path.Combine(_directory, "nope"), TestContext.Current.CancellationToken));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
