using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IomGraph.Benchmarks;

/// <summary>What one wrk run reports (times in milliseconds).</summary>
public sealed partial record WrkResult(
    double RequestsPerSecond,
    long Requests,
    double Seconds,
    double MeanMs,
    double P50Ms,
    double P99Ms,
    long Non2xx,
    long SocketErrors,
    long Timeouts)
{
    /// <summary>
    /// Reads wrk 4's text output with <c>--latency</c>: the thread stats' average latency, the latency distribution,
    /// "N requests in …", "Requests/sec:", and the error lines wrk prints only when there were errors
    /// ("Non-2xx or 3xx responses: N", "Socket errors: connect N, read N, write N, timeout N").
    /// </summary>
    public static WrkResult Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var rate = Required(RatePattern().Match(output), "Requests/sec");
        var mean = Required(MeanPattern().Match(output), "the average latency");
        var p50 = Required(PercentilePattern("50").Match(output), "the 50% latency (run wrk with --latency)");
        var p99 = Required(PercentilePattern("99").Match(output), "the 99% latency (run wrk with --latency)");
        var requests = Required(RequestsPattern().Match(output), "the request count");
        var non2xx = Non2xxPattern().Match(output);
        var socket = SocketPattern().Match(output);
        return new WrkResult(
            Number(rate.Groups["value"].Value),
            long.Parse(requests.Groups["count"].Value, CultureInfo.InvariantCulture),
            Time(requests) / 1000,
            Time(mean),
            Time(p50),
            Time(p99),
            non2xx.Success ? long.Parse(non2xx.Groups["count"].Value, CultureInfo.InvariantCulture) : 0,
            socket.Success ? new[] { "connect", "read", "write", "timeout" }.Sum(g => long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture)) : 0,
            socket.Success ? long.Parse(socket.Groups["timeout"].Value, CultureInfo.InvariantCulture) : 0);

        Match Required(Match match, string what) =>
            match.Success ? match : throw new FormatException($"wrk's output has no {what}:{Environment.NewLine}{output}");
    }

    /// <summary>Non-2xx answers or socket errors: the figure does not measure what it says.</summary>
    public bool HasErrors => Non2xx > 0 || SocketErrors > 0;

    public string Errors => string.Join(", ", new[]
    {
        Non2xx > 0 ? $"{Non2xx} answers not 2xx" : null,
        SocketErrors - Timeouts > 0 ? $"{SocketErrors - Timeouts} socket errors" : null,
        Timeouts > 0 ? $"{Timeouts} timeouts" : null,
    }.Where(e => e is not null));

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double Time(Match match) => Number(match.Groups["value"].Value) * match.Groups["unit"].Value switch
    {
        "us" => 0.001,
        "ms" => 1,
        "s" => 1_000,
        "m" => 60_000,
        "h" => 3_600_000,
        var unit => throw new FormatException($"wrk printed a time in an unknown unit '{unit}'."),
    };

    private static Regex PercentilePattern(string percent) =>
        new($@"^\s*{percent}(?:\.0+)?%\s+(?<value>[\d.]+)(?<unit>us|ms|s|m|h)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^Requests/sec:\s+(?<value>[\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^\s*Latency\s+(?<value>[\d.]+)(?<unit>us|ms|s|m|h)\s", RegexOptions.Multiline)]
    private static partial Regex MeanPattern();

    [GeneratedRegex(@"^\s*(?<count>\d+) requests in (?<value>[\d.]+)(?<unit>us|ms|s|m|h),", RegexOptions.Multiline)]
    private static partial Regex RequestsPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(?<count>\d+)")]
    private static partial Regex Non2xxPattern();

    [GeneratedRegex(@"Socket errors: connect (?<connect>\d+), read (?<read>\d+), write (?<write>\d+), timeout (?<timeout>\d+)")]
    private static partial Regex SocketPattern();
}

/// <summary>Runs Debian's wrk (WRK, default the one on the PATH).</summary>
public static class Wrk
{
    public static string Executable { get; } = Environment.GetEnvironmentVariable("WRK") is { Length: > 0 } path ? path : "wrk";

    /// <summary>wrk's version line, or null when it cannot be run.</summary>
    public static async Task<string?> VersionAsync()
    {
        try
        {
            var (_, output, _) = await RunAsync(["-v"]);
            return output.Split('\n', 2)[0].Split(" Copyright", 2)[0].Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>One thread, <paramref name="connections"/> kept open, for <paramref name="duration"/>, with latency percentiles.</summary>
    public static async Task<WrkResult> MeasureAsync(Uri url, int connections, TimeSpan duration, string? script = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var arguments = new List<string>
        {
            "-t1", $"-c{connections}", $"-d{(int)Math.Ceiling(duration.TotalSeconds)}s", "--latency", "--timeout", "60s",
        };
        if (script is not null)
        {
            arguments.AddRange(["-s", script]);
        }

        arguments.Add(url.AbsoluteUri);
        var (exitCode, output, error) = await RunAsync(arguments);
        return exitCode == 0
            ? WrkResult.Parse(output)
            : throw new InvalidOperationException($"wrk {string.Join(' ', arguments)} failed with exit code {exitCode}: {error}{output}");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        ChildProcesses.Track(process);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            ChildProcesses.Forget(process);
        }
    }
}
