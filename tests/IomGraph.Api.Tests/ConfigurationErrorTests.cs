using System.Diagnostics;
using System.Text.RegularExpressions;

namespace IomGraph.Api.Tests;

/// <summary>
/// What an operator sees when a setting is wrong: the API run as a process, as they run it, stops with exit code 2 and
/// one sentence per problem naming the setting, and no stack trace.
/// </summary>
public sealed class ConfigurationErrorTests
{
    public static TheoryData<string[], string[]> BadSettings => new()
    {
        { ["Graph__Provider=Postgres"], ["Graph:Provider is 'Postgres', which is not a store this build has: use 'Sqlite' or 'Neo4j'."] },
        { ["Graph__Provider=7"], ["Graph:Provider is '7', which is not a store this build has: use 'Sqlite' or 'Neo4j'."] },
        {
            ["Graph__Provider=neo4j", "Neo4j__Url=localhost", "Neo4j__BatchSize=0"],
            ["Neo4j:Url must be an absolute http or https URL, such as http://localhost:7474.", "Neo4j:BatchSize must be between 1 and 100000."]
        },
        { ["Graph__Seed__Enabled=maybe"], ["Failed to convert configuration value 'maybe' at 'Graph:Seed:Enabled' to type 'System.Boolean'."] },
        { ["Graph__Seed__Path= "], ["Graph:Seed:Path must name the seed directory."] },
        {
            ["Caching__SizeLimitBytes=0", "Caching__MaxEntryBytes=-1"],
            ["Caching:SizeLimitBytes must be a positive number of bytes.", "Caching:MaxEntryBytes must be a positive number of bytes, at most Caching:SizeLimitBytes."]
        },
        { ["Caching__Enabled=sometimes"], ["Failed to convert configuration value 'sometimes' at 'Caching:Enabled' to type 'System.Boolean'."] },
        {
            ["RateLimits__General__PermitLimit=0", "RateLimits__Expensive__Window=00:00:00", "RequestTimeouts__Expensive=-00:00:01", "ForwardedHeaders__KnownProxies__0=the-proxy"],
            [
                "RateLimits:General:PermitLimit must be a positive number of requests.",
                "RateLimits:Expensive:Window must be a positive time span, such as 00:01:00 for a minute.",
                "RequestTimeouts:Expensive must be a positive time span, such as 00:00:30 for 30 seconds.",
                "ForwardedHeaders:KnownProxies must list IP addresses, such as 10.0.0.2.",
            ]
        },
        { ["Graph__Seed__Path=/no/such/seed"], ["Graph:Seed:Path is '/no/such/seed', which is not a directory: name the seed directory, or set Graph:Seed:Enabled=false."] },
        { ["Graph__StoreWait__InitialDelay=soon"], ["Failed to convert configuration value 'soon' at 'Graph:StoreWait:InitialDelay' to type 'System.TimeSpan'."] },
        {
            ["Graph__StoreWait__InitialDelay=00:01:00", "Graph__StoreWait__MaxDelay=00:00:10", "Graph__StoreWait__Jitter=2"],
            ["Graph:StoreWait:MaxDelay must be at least Graph:StoreWait:InitialDelay.", "Graph:StoreWait:Jitter must be between 0 and 1."]
        },
        { ["Graph__Sqlite__Path= "], ["Graph:Sqlite:Path must name a database file or ':memory:'."] },
        {
            ["Graph__Sqlite__Path=/dev/null/graph.db"],
            ["Graph:Sqlite:Path is '/dev/null/graph.db', whose directory /dev/null cannot be created: The file '/dev/null' already exists."]
        },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_the_start_with_a_sentence_naming_it(string[] environment, string[] problems)
    {
        var (exitCode, stdout, stderr) = await RunApiAsync(environment);

        Assert.Equal(2, exitCode);
        Assert.Equal(problems.Select(p => "Configuration error: " + p), stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotMatch(new Regex(@"^\s+at \S+\(", RegexOptions.Multiline), stdout + stderr);
    }

    [Fact]
    public void Credentials_that_neo4j_rejects_are_a_sentence_naming_the_settings()
    {
        var problems = IomGraph.Api.Hosting.ConfigurationErrors.Describe(new IomGraph.Storage.Neo4j.Neo4jAuthenticationException());

        Assert.Equal(["Neo4j:User and Neo4j:Password: Neo4j rejected the credentials."], problems);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunApiAsync(string[] environment)
    {
        using var directory = new TempFolder();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "IomGraph.Api.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory.Path,
        };
        start.Environment["Graph__Sqlite__Path"] = Path.Combine(directory.Path, "graph.db");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var setting in environment)
        {
            var (name, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The API kept running with a bad setting instead of stopping.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("iomgraph-config-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
