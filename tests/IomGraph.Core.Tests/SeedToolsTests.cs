using System.Diagnostics;
using System.Text.Json.Nodes;
using IomGraph.Core.Seed;
using IomGraph.Testing;

namespace IomGraph.Core.Tests;

/// <summary>
/// The curators' tools as curators run them: check.py passes on the seed, member-states.json is what its builder makes,
/// and check.py and the C# seed reader (the API's validators) refuse the same bad records.
/// </summary>
public sealed class SeedToolsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Check_py_passes_on_the_seed_and_member_states_json_is_up_to_date()
    {
        var check = await PythonAsync(TestEnvironment.RepositoryRoot, "seed-data/tools/check.py");
        var build = await PythonAsync(TestEnvironment.RepositoryRoot, "seed-data/tools/build_member_states.py", "--check");

        Assert.True(check.ExitCode == 0, $"check.py failed:\n{check.Output}");
        Assert.Contains("0 errors", check.Output, StringComparison.Ordinal);
        Assert.True(build.ExitCode == 0, $"build_member_states.py --check failed:\n{build.Output}");
    }

    [Fact]
    public async Task The_same_relation_with_a_sound_summary_passes_both()
    {
        var root = CopyRepositoryParts();
        try
        {
            AddRelation(root, JsonNode.Parse("""
                { "id": "che.member-of.gfmd", "from": "che", "to": "gfmd", "type": "MEMBER_OF", "confidence": "low", "heldOn": "2009",
                  "sources": [ { "sourceId": "noborder-iom-wiki", "summary": "A test." } ] }
                """)!);

            var check = await PythonAsync(root, "seed-data/tools/check.py");

            Assert.True(check.ExitCode == 0, $"check.py refused a sound relation:\n{check.Output}");
            Assert.False(await RejectsAsync(root), "The seed reader refused a sound relation.");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public static TheoryData<string, string> BadRelations() => new()
    {
        { "a citation with no kind of text", """{ "sourceId": "noborder-iom-wiki", "locator": "The Role of IOM" }""" },
        { "an empty summary", """{ "sourceId": "noborder-iom-wiki", "summary": "" }""" },
        { "a record without values", """{ "sourceId": "cow-igo-v3", "record": { "dataset": "COW IGO v3.0", "row": "r", "values": {} } }""" },
        { "a quote the source's stored text does not hold", """{ "sourceId": "noborder-iom-wiki", "quote": "IOM is a charity that every state loves." }""" },
    };

    [Theory]
    [MemberData(nameof(BadRelations))]
    public async Task Check_py_and_the_seed_reader_refuse_the_same_bad_citation(string what, string citation)
    {
        var root = CopyRepositoryParts();
        try
        {
            AddRelation(root, JsonNode.Parse($$"""
                { "id": "che.member-of.gfmd", "from": "che", "to": "gfmd", "type": "MEMBER_OF", "confidence": "low", "sources": [ {{citation}} ] }
                """)!);

            var check = await PythonAsync(root, "seed-data/tools/check.py");
            var reader = await RejectsAsync(root);

            Assert.True(check.ExitCode != 0, $"check.py accepted {what}:\n{check.Output}");
            // The seed reader checks quotes against stored text only through the tests (SeedCitationTests); it refuses the rest.
            if (!what.StartsWith("a quote", StringComparison.Ordinal))
            {
                Assert.True(reader, $"The seed reader accepted {what}.");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public static TheoryData<string, string> BadRelationFields() => new()
    {
        { "heldOn beside a start", """ "start": "2001", "heldOn": "2003" """ },
        { "heldOn after the end", """ "heldOn": "2010", "end": "2008" """ },
    };

    [Theory]
    [MemberData(nameof(BadRelationFields))]
    public async Task Check_py_and_the_seed_reader_refuse_the_same_bad_dates(string what, string fields)
    {
        var root = CopyRepositoryParts();
        try
        {
            AddRelation(root, JsonNode.Parse($$"""
                { "id": "che.member-of.gfmd", "from": "che", "to": "gfmd", "type": "MEMBER_OF", "confidence": "low",
                  "sources": [ { "sourceId": "noborder-iom-wiki", "summary": "A test." } ], {{fields}} }
                """)!);

            var check = await PythonAsync(root, "seed-data/tools/check.py");

            Assert.True(check.ExitCode != 0, $"check.py accepted {what}:\n{check.Output}");
            Assert.True(await RejectsAsync(root), $"The seed reader accepted {what}.");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public static TheoryData<string, string> BadSources() => new()
    {
        { "a DOI with its resolver", """ "doi": "https://doi.org/10.1177/0022343319881175" """ },
        { "a publication date in another year", """ "published": "1999-05" """ },
        { "a repeated symbol", """ "symbols": ["A/68/283", "A/68/283"] """ },
    };

    [Theory]
    [MemberData(nameof(BadSources))]
    public async Task Check_py_and_the_seed_reader_refuse_the_same_bad_source(string what, string fields)
    {
        var root = CopyRepositoryParts();
        try
        {
            var path = Path.Combine(root, "seed-data", "sources.json");
            var bundle = JsonNode.Parse(await File.ReadAllTextAsync(path, Ct))!;
            var source = bundle["sources"]!.AsArray().Single(s => (string?)s!["id"] == "a-68-283")!.AsObject();
            foreach (var (name, value) in JsonNode.Parse("{" + fields + "}")!.AsObject().ToList())
            {
                source[name] = value?.DeepClone();
            }

            await File.WriteAllTextAsync(path, bundle.ToJsonString(), Ct);

            var check = await PythonAsync(root, "seed-data/tools/check.py");

            Assert.True(check.ExitCode != 0, $"check.py accepted {what}:\n{check.Output}");
            Assert.True(await RejectsAsync(root), $"The seed reader accepted {what}.");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A throwaway copy of what check.py reads: seed-data and the two C# files it parses.</summary>
    private static string CopyRepositoryParts()
    {
        var root = Path.Combine(Path.GetTempPath(), "iomgraph-seed-tools-" + Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(TestEnvironment.RepositoryRoot, "seed-data"), Path.Combine(root, "seed-data"));
        foreach (var file in new[] { "src/IomGraph.Core/Model/Enums.cs", "src/IomGraph.Core/Vocabulary/RelationTypes.cs" })
        {
            var target = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(TestEnvironment.RepositoryRoot, file), target);
        }

        return root;

        static void Copy(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (var directory in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) != "__pycache__"))
            {
                Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
            }
        }
    }

    private static void AddRelation(string root, JsonNode relation)
    {
        var path = Path.Combine(root, "seed-data", "relations.json");
        var bundle = JsonNode.Parse(File.ReadAllText(path))!;
        bundle["relations"]!.AsArray().Add(relation);
        File.WriteAllText(path, bundle.ToJsonString());
    }

    private static async Task<bool> RejectsAsync(string root)
    {
        try
        {
            await SeedReader.ReadDirectoryAsync(Path.Combine(root, "seed-data"), Ct);
            return false;
        }
        catch (SeedDataException)
        {
            return true;
        }
    }

    private static async Task<(int ExitCode, string Output)> PythonAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            TestEnvironment.Missing("python3 is not installed: the seed tools cannot be run.");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(Ct);
            var error = process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            return (process.ExitCode, await output + await error);
        }
    }
}
