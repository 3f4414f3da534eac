using System.Diagnostics;
using System.Text.Json;
using System.Text;
using IomGraph.Testing;

namespace IomGraph.Formats.Tests;

/// <summary>
/// Python's networkx, an independent reader of GraphML and GEXF. The official XSDs (graphml.xsd, gexf.xsd) cannot be
/// downloaded in this environment and copies from public repositories may not be committed here, so a real third-party
/// parser stands in for schema validation. CI installs it (<c>apt-get install -y python3-networkx</c>); on a developer
/// machine without it the tests skip, and with CI=true they fail.
/// </summary>
internal static class NetworkX
{
    private const string ProbeScript = """
        import networkx, networkx.readwrite.gexf as gexf
        print(networkx.__version__, '1.3' in gexf.GEXF.versions)
        """;

    private const string ReadScript = """
        import json, sys
        import networkx as nx
        path, kind = sys.argv[1], sys.argv[2]
        g = nx.read_graphml(path) if kind == 'graphml' else nx.read_gexf(path)
        print(json.dumps({
            'nodes': g.number_of_nodes(),
            'edges': g.number_of_edges(),
            'directed': g.is_directed(),
            'nodeData': {str(n): d for n, d in g.nodes(data=True)},
            'edgeData': [[str(u), str(v), d] for u, v, d in g.edges(data=True)],
        }, default=str))
        """;

    private static readonly Lazy<Task<Interpreter?>> Found = new(FindAsync);

    /// <summary>A Python with networkx, and whether its GEXF reader knows version 1.3 (networkx 3.x does; 2.x reads only 1.1 and 1.2 drafts).</summary>
    public sealed record Interpreter(string Path, string Version, bool ReadsGexf13);

    /// <summary>The interpreter to use, or the test is skipped (failed in CI) with the reason.</summary>
    public static async Task<Interpreter> RequireAsync()
    {
        if (await Found.Value is { } interpreter)
        {
            return interpreter;
        }

        const string Reason = "Python 3 with networkx is not installed (apt-get install -y python3-networkx); it checks GraphML and GEXF with an independent parser.";
        TestEnvironment.Missing(Reason);
        throw new UnreachableException();
    }

    /// <summary>Reads a file with <c>nx.read_graphml</c> or <c>nx.read_gexf</c> and returns what networkx saw.</summary>
    public static async Task<JsonElement> ReadAsync(Interpreter python, string kind, byte[] file)
    {
        var directory = Directory.CreateTempSubdirectory("iomgraph-formats-");
        try
        {
            var path = Path.Combine(directory.FullName, $"graph.{kind}");
            await File.WriteAllBytesAsync(path, file, TestContext.Current.CancellationToken);
            var (exitCode, output, error) = await RunAsync(python.Path, ["-c", ReadScript, path, kind]);
            Assert.True(exitCode == 0, $"networkx {python.Version} could not read the {kind} file:\n{error}");
            return JsonDocument.Parse(output).RootElement.Clone();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The first Python with networkx, preferring one whose networkx reads GEXF 1.3.</summary>
    private static async Task<Interpreter?> FindAsync()
    {
        var found = new List<Interpreter>();
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                var (exitCode, output, _) = await RunAsync(candidate, ["-c", ProbeScript]);
                if (exitCode == 0 && output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var version, var reads13])
                {
                    found.Add(new Interpreter(candidate, version, reads13 == "True"));
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // No such executable.
            }
        }

        return found.FirstOrDefault(i => i.ReadsGexf13) ?? found.FirstOrDefault();
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string executable, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
