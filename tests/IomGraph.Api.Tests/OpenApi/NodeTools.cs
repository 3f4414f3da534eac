using System.Diagnostics;
using IomGraph.Testing;

namespace IomGraph.Api.Tests.OpenApi;

/// <summary>
/// The Node.js tools in tests/openapi (Redocly, Spectral, openapi-typescript, TypeScript), run as their users run them,
/// and those of the explorer (src/IomGraph.Explorer, whose node_modules the API's build installs).
/// Without node or `npm ci` there, a test skips with the reason; in CI (CI=true), where .ci/run installs them, it fails.
/// </summary>
internal static class NodeTools
{
    public static string Directory { get; } = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "openapi");

    /// <summary>Skips (or fails in CI) unless tests/openapi/node_modules holds <paramref name="package"/>.</summary>
    public static void Require(string package)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", package)))
        {
            TestEnvironment.Missing($"tests/openapi/node_modules/{package} is missing: run `npm ci` in tests/openapi.");
        }
    }

    /// <summary>Runs a package's command (node_modules/.bin/<paramref name="command"/>) or node itself in tests/openapi.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string command, params string[] arguments) =>
        RunInAsync(Directory, command, arguments);

    /// <summary>Runs a package's command, or node itself, in the Node project at <paramref name="directory"/>.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunInAsync(string directory, string command, params string[] arguments)
    {
        var file = command == "node" ? "node" : Path.Combine(directory, "node_modules", ".bin", command);
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["NO_COLOR"] = "1", ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            TestEnvironment.Missing($"{command} cannot be started ({e.Message}); install Node.js and run `npm ci` in {Path.GetRelativePath(TestEnvironment.RepositoryRoot, directory)}.");
            throw;
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
