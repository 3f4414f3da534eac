using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace IomGraph.Benchmarks;

/// <summary>
/// `load`: the API under load (issue 12, docs/performance.md). It builds the API in Release, starts it on the seed on
/// SQLite, on the seed on Neo4j (with --neo4j-url or NEO4J_URL) and on the synthetic graph on SQLite, one after the
/// other, and drives every endpoint of <see cref="LoadCases"/> with wrk: one thread, 32 connections, each run between
/// two runs of /health/live of the same process, whose mean is the endpoint's yardstick. Cases with a time budget are
/// also run with one connection ("alone"). The report is markdown on stdout (progress goes to stderr), ready to paste.
/// </summary>
public static class LoadTiming
{
    private const string Usage = """
        Usage: dotnet run -c Release --project tests/IomGraph.Benchmarks -- load [options]
          --scale tiny|small|large   the synthetic graph (default small; built once if missing, as for the read benchmarks)
          --duration SECONDS         each measured wrk run (default 10)
          --warmup SECONDS           each endpoint's warm-up run before measuring (default 3)
          --connections N            wrk's connections (default 32; one thread)
          --neo4j-url URL            also the seed on this Neo4j (default NEO4J_URL); the API loads the seed into it.
                                     Neo4j__User, Neo4j__Password and Neo4j__Database are used as the API uses them
          --only sqlite,neo4j,synthetic   some of the runs only
          --no-build                 use the API's existing Release build
          --no-cache                 with the read cache off (Caching__Enabled=false): what each request costs the store,
                                     rather than what a repeated one costs (wrk repeats one URL, so with the cache on
                                     every request after the first is answered from memory)
          --out FILE                 also write the report to FILE
        """;

    private static readonly string[] RunNames = ["sqlite", "neo4j", "synthetic"];

    private sealed record Options(
        TimeSpan Duration,
        TimeSpan Warmup,
        int Connections,
        string? Neo4jUrl,
        IReadOnlySet<string> Runs,
        bool Build,
        string? Out,
        bool Cache);

    private sealed record Run(string Key, string Title, LoadGraph Graph, bool OnNeo4j);

    private sealed record Probe(LoadCase Case, string Name, string Request, Uri Url, string? Script);

    private sealed record CaseResult(Probe Probe, WrkResult Load, double LiveAround, WrkResult? Alone);

    private sealed record RunResult(Run Run, string Graph, TimeSpan StartedIn, IReadOnlyList<WrkResult> Live, IReadOnlyList<CaseResult> Cases, string LoadBefore, string LoadAfter);

    public static async Task<int> RunAsync(Scale scale, IReadOnlyList<string> args, bool rebuild)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(args);
        var options = Parse(args, out var problem);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(problem + Environment.NewLine + Usage);
            return 2;
        }

        var wrk = await Wrk.VersionAsync();
        if (wrk is null)
        {
            await Console.Error.WriteLineAsync($"wrk is not installed (or WRK does not name it): apt-get install wrk. The load benchmark runs '{Wrk.Executable}'.");
            return 2;
        }

        var repository = FindRepository();
        if (repository is null)
        {
            await Console.Error.WriteLineAsync("Run the load benchmark from inside the repository (no IomGraph.sln found above the current directory).");
            return 2;
        }

        var runs = new List<Run>();
        if (options.Runs.Contains("sqlite"))
        {
            runs.Add(new("sqlite", "SQLite, seed", LoadGraph.Seed, OnNeo4j: false));
        }

        if (options.Runs.Contains("neo4j"))
        {
            if (options.Neo4jUrl is null)
            {
                if (options.Runs.Count == 1 || args.Contains("--only"))
                {
                    await Console.Error.WriteLineAsync("The neo4j run needs --neo4j-url URL or NEO4J_URL.");
                    return 2;
                }
            }
            else
            {
                runs.Add(new("neo4j", "Neo4j, seed", LoadGraph.Seed, OnNeo4j: true));
            }
        }

        if (options.Runs.Contains("synthetic"))
        {
            runs.Add(new("synthetic", $"SQLite, synthetic {scale.Name}", LoadGraph.Synthetic, OnNeo4j: false));
        }

        var dll = Path.Combine(repository, "src", "IomGraph.Api", "bin", "Release", "net10.0", "IomGraph.Api.dll");
        if (options.Build && !await BuildApiAsync(repository))
        {
            return 1;
        }

        if (!File.Exists(dll))
        {
            await Console.Error.WriteLineAsync($"No Release build of the API at {dll}: run without --no-build, or dotnet build -c Release src/IomGraph.Api.");
            return 2;
        }

        Landmarks? landmarks = null;
        if (runs.Any(r => r.Graph == LoadGraph.Synthetic))
        {
            // BenchmarkGraphs reports on stdout; the report alone goes there.
            var stdout = Console.Out;
            Console.SetOut(Console.Error);
            try
            {
                landmarks = await BenchmarkGraphs.EnsureAsync(scale, rebuild);
            }
            finally
            {
                Console.SetOut(stdout);
            }
        }

        ChildProcesses.EndOnExit();
        var directory = Directory.CreateTempSubdirectory("iomgraph-load-").FullName;
        ChildProcesses.DeleteOnExit(directory);
        var started = DateTime.UtcNow;
        var loadBefore = LoadAverage();
        var results = new List<RunResult>();
        string? neo4jVersion = null;
        try
        {
            foreach (var run in runs)
            {
                if (run.OnNeo4j)
                {
                    neo4jVersion = await Neo4jVersionAsync(options.Neo4jUrl!);
                }

                results.Add(await MeasureAsync(run, options, dll, directory, scale, landmarks));
            }
        }
        catch (Exception) when (ChildProcesses.Interrupted)
        {
            ChildProcesses.EndAll();
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or FormatException)
        {
            ChildProcesses.EndAll();
            await Console.Error.WriteLineAsync("The load benchmark stopped: " + e.Message);
            return 1;
        }
        finally
        {
            ChildProcesses.EndAll();
        }

        var report = Render(results, options, scale, wrk, neo4jVersion, repository, started, loadBefore, LoadAverage());
        Console.WriteLine(report);
        if (options.Out is not null)
        {
            await File.WriteAllTextAsync(options.Out, report);
            await Console.Error.WriteLineAsync($"// Written to {options.Out}.");
        }

        return results.SelectMany(r => r.Live.Concat(r.Cases.SelectMany(c => new[] { c.Load, c.Alone }))).Any(w => w?.HasErrors == true) ? 1 : 0;
    }

    private static async Task<RunResult> MeasureAsync(Run run, Options options, string dll, string directory, Scale scale, Landmarks? landmarks)
    {
        // The benchmark measures what requests cost, not the rate limiter: wrk's one client would be over its budget
        // within a second and get 429s (issue 13's limits are on by default).
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["RateLimits__Enabled"] = "false" };
        if (!options.Cache)
        {
            settings["Caching__Enabled"] = "false";
        }

        if (run.OnNeo4j)
        {
            settings["Graph__Provider"] = "Neo4j";
            settings["Neo4j__Url"] = options.Neo4jUrl!;
        }
        else if (run.Graph == LoadGraph.Synthetic)
        {
            // A copy, so that nothing the API does at start-up changes the read benchmarks' database.
            var copy = Path.Combine(directory, "synthetic.db");
            Progress($"copying {BenchmarkGraphs.DatabasePath(scale)} to {copy}");
            File.Copy(BenchmarkGraphs.DatabasePath(scale), copy, overwrite: true);
            settings["Graph__Provider"] = "Sqlite";
            settings["Graph__Sqlite__Path"] = copy;
            settings["Graph__Seed__Enabled"] = "false";
        }
        else
        {
            settings["Graph__Provider"] = "Sqlite";
            settings["Graph__Sqlite__Path"] = Path.Combine(directory, "seed.db");
        }

        var loadBefore = LoadAverage();
        Progress($"{run.Title}: starting the API");
        await using var api = await ApiProcess.StartAsync(dll, directory, run.Key, settings, TimeSpan.FromMinutes(10));
        Progress($"{run.Title}: ready at {api.BaseAddress} after {api.StartedIn.TotalSeconds:F1} s");
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

        var probes = new List<Probe>();
        foreach (var loadCase in LoadCases.All.Where(c => c.Graph == run.Graph || (run.OnNeo4j && c.Graph == LoadGraph.Neo4jServer)))
        {
            probes.Add(loadCase.Graph == LoadGraph.Neo4jServer
                ? await Neo4jLookupAsync(loadCase, options.Neo4jUrl!, directory)
                : await ApiProbeAsync(http, loadCase with { Name = LoadCase.Fill(loadCase.Name, landmarks) }, LoadCase.Fill(loadCase.Request, landmarks)));
        }

        var graph = await DescribeGraphAsync(http);
        var live = new Uri(api.BaseAddress, "/health/live");

        // The warm-up also tells how long each endpoint's run must be: long enough for every connection to finish about
        // 20 requests (the ones under way when wrk stops are not counted), up to six times the duration.
        Progress($"{run.Title}: warming up, {options.Warmup.TotalSeconds:F0} s per endpoint");
        await Wrk.MeasureAsync(live, options.Connections, options.Warmup);
        var durations = new List<TimeSpan>();
        foreach (var probe in probes)
        {
            var warm = await Wrk.MeasureAsync(probe.Url, options.Connections, options.Warmup, probe.Script);
            var needed = warm.Requests < options.Connections ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(20 * warm.MeanMs);
            durations.Add(TimeSpan.FromSeconds(Math.Ceiling(Math.Clamp(needed.TotalSeconds, options.Duration.TotalSeconds, 6 * options.Duration.TotalSeconds))));
            await SettleAsync(http, run, options.Neo4jUrl);
        }

        var lives = new List<WrkResult> { await MeasureOneAsync(run, "/health/live", live, options.Connections, options.Duration, null, http, options) };
        var loads = new List<WrkResult>();
        for (var i = 0; i < probes.Count; i++)
        {
            loads.Add(await MeasureOneAsync(run, probes[i].Request, probes[i].Url, options.Connections, durations[i], probes[i].Script, http, options));
            lives.Add(await MeasureOneAsync(run, "/health/live", live, options.Connections, options.Duration, null, http, options));
        }

        var cases = new List<CaseResult>();
        for (var i = 0; i < probes.Count; i++)
        {
            var probe = probes[i];
            var alone = probe.Case.Targets.Any(t => t.IsAlone)
                ? await MeasureOneAsync(run, probe.Request + " (one connection)", probe.Url, 1, options.Duration, probe.Script, http, options)
                : null;
            cases.Add(new CaseResult(probe, loads[i], (lives[i].RequestsPerSecond + lives[i + 1].RequestsPerSecond) / 2, alone));
        }

        return new RunResult(run, graph, api.StartedIn, lives, cases, loadBefore, LoadAverage());
    }

    private static async Task<WrkResult> MeasureOneAsync(Run run, string what, Uri url, int connections, TimeSpan duration, string? script, HttpClient api, Options options)
    {
        var result = await Wrk.MeasureAsync(url, connections, duration, script);
        Progress(string.Create(CultureInfo.InvariantCulture,
            $"{run.Title}: {what}: {LoadFormat.Throughput(result.RequestsPerSecond)} requests/s, p99 {LoadFormat.Milliseconds(result.P99Ms)}, {result.Requests} requests in {result.Seconds:0.0} s{(result.HasErrors ? "; " + result.Errors : string.Empty)}"));
        await SettleAsync(api, run, options.Neo4jUrl);
        return result;
    }

    /// <summary>
    /// Waits until the work a run left behind is done: requests under way when wrk stops go on in the API (and in
    /// Neo4j), and would slow the next run down. Settled is three answers in a row from /health/live (and Neo4j's
    /// discovery document) each within 50 ms; at most 60 s.
    /// </summary>
    private static async Task SettleAsync(HttpClient api, Run run, string? neo4jUrl)
    {
        using var neo4j = run.OnNeo4j ? new HttpClient { BaseAddress = new Uri(neo4jUrl!.TrimEnd('/') + "/") } : null;
        var deadline = Stopwatch.StartNew();
        var quick = 0;
        while (quick < 3)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                Progress($"{run.Title}: still busy 60 s after the run; going on");
                return;
            }

            var clock = Stopwatch.StartNew();
            using (await api.GetAsync(new Uri("/health/live", UriKind.Relative)))
            {
            }

            if (neo4j is not null)
            {
                using (await neo4j.GetAsync(new Uri("", UriKind.Relative)))
                {
                }
            }

            quick = clock.ElapsedMilliseconds < 50 ? quick + 1 : 0;
            await Task.Delay(100);
        }
    }

    private static async Task<WrkResult> MeasureOneAsync(Run run, string what, Uri url, int connections, TimeSpan duration, string? script)
    {
        var result = await Wrk.MeasureAsync(url, connections, duration, script);
        Progress(string.Create(CultureInfo.InvariantCulture,
            $"{run.Title}: {what}: {LoadFormat.Throughput(result.RequestsPerSecond)} requests/s, p99 {LoadFormat.Milliseconds(result.P99Ms)}{(result.HasErrors ? "; " + result.Errors : string.Empty)}"));
        return result;
    }

    /// <summary>One GET first: a case that does not answer 200 would measure an error page.</summary>
    private static async Task<Probe> ApiProbeAsync(HttpClient http, LoadCase loadCase, string request)
    {
        using var response = await http.GetAsync(new Uri(request, UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {request} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return new Probe(loadCase, loadCase.Name, request, new Uri(http.BaseAddress!, request), null);
    }

    /// <summary>
    /// The server's transactional endpoint (<c>/db/data/transaction/commit</c> on 3.x, <c>/db/NAME/tx/commit</c> on
    /// 4.x and 5.x, from its discovery document), a wrk script that POSTs the statement, and one POST to check that it
    /// finds IOM.
    /// </summary>
    private static async Task<Probe> Neo4jLookupAsync(LoadCase loadCase, string neo4jUrl, string directory)
    {
        var root = new Uri(neo4jUrl.TrimEnd('/') + "/");
        using var http = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(30) };
        var user = Environment.GetEnvironmentVariable("Neo4j__User");
        var password = Environment.GetEnvironmentVariable("Neo4j__Password") ?? string.Empty;
        string? authorization = user is { Length: > 0 } ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")) : null;
        if (authorization is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        using var discovery = JsonDocument.Parse(await http.GetStringAsync(root));
        var database = Environment.GetEnvironmentVariable("Neo4j__Database") is { Length: > 0 } name ? name : "neo4j";
        var endpoint = discovery.RootElement.TryGetProperty("transaction", out var transaction)
            ? new Uri(transaction.GetString()!.Replace("{databaseName}", database, StringComparison.Ordinal) + "/commit")
            : new Uri(root, "db/data/transaction/commit");
        var body = JsonSerializer.Serialize(new { statements = new[] { new { statement = loadCase.Request, parameters = new { id = "iom" } } } });

        using (var content = new StringContent(body, Encoding.UTF8, "application/json"))
        using (var response = await http.PostAsync(endpoint, content))
        {
            var text = await response.Content.ReadAsStringAsync();
            using var answer = JsonDocument.Parse(text);
            var ok = response.IsSuccessStatusCode
                && answer.RootElement.GetProperty("errors").GetArrayLength() == 0
                && answer.RootElement.GetProperty("results")[0].GetProperty("data").GetArrayLength() == 1;
            if (!ok)
            {
                throw new InvalidOperationException($"Neo4j's lookup of IOM at {endpoint} did not find one actor: {text}");
            }
        }

        var script = Path.Combine(directory, "neo4j-lookup.lua");
        var lua = new StringBuilder()
            .AppendLine("wrk.method = \"POST\"")
            .AppendLine("wrk.headers[\"Content-Type\"] = \"application/json\"")
            .AppendLine("wrk.headers[\"Accept\"] = \"application/json\"")
            .AppendLine(CultureInfo.InvariantCulture, $"wrk.body = [==[{body}]==]");
        if (authorization is not null)
        {
            lua.AppendLine(CultureInfo.InvariantCulture, $"wrk.headers[\"Authorization\"] = \"{authorization}\"");
        }

        await File.WriteAllTextAsync(script, lua.ToString());
        return new Probe(loadCase, loadCase.Name, $"POST {endpoint.AbsolutePath} `{loadCase.Request}`", endpoint, script);
    }

    private static async Task<string> DescribeGraphAsync(HttpClient http)
    {
        using var stats = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/stats", UriKind.Relative)));
        string Count(string name) => stats.RootElement.TryGetProperty(name, out var value) ? value.GetInt64().ToString("N0", CultureInfo.InvariantCulture) : "?";
        return $"{Count("actors")} actors, {Count("relations")} relations, {Count("sources")} sources";
    }

    private static async Task<string?> Neo4jVersionAsync(string neo4jUrl)
    {
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(neo4jUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(10) };
            using var root = JsonDocument.Parse(await http.GetStringAsync(new Uri("", UriKind.Relative)));
            if (root.RootElement.TryGetProperty("neo4j_version", out var version))
            {
                return version.GetString();
            }

            using var data = JsonDocument.Parse(await http.GetStringAsync(new Uri("db/data/", UriKind.Relative)));
            return data.RootElement.TryGetProperty("neo4j_version", out version) ? version.GetString() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static string Render(IReadOnlyList<RunResult> results, Options options, Scale scale, string wrk, string? neo4jVersion, string repository, DateTime started, string loadBefore, string loadAfter)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        var command = new StringBuilder("dotnet run -c Release --project tests/IomGraph.Benchmarks -- load");
        command.Append(CultureInfo.InvariantCulture, $" --scale {scale.Name} --duration {options.Duration.TotalSeconds:0} --connections {options.Connections}");
        if (options.Warmup != TimeSpan.FromSeconds(3))
        {
            command.Append(CultureInfo.InvariantCulture, $" --warmup {options.Warmup.TotalSeconds:0}");
        }

        if (results.Any(r => r.Run.OnNeo4j))
        {
            command.Append(" --neo4j-url URL");
        }

        if (!options.Cache)
        {
            command.Append(" --no-cache");
        }

        if (results.Count < RunNames.Length)
        {
            command.Append(" --only ").Append(string.Join(',', results.Select(r => r.Run.Key)));
        }

        Line($"### Load, {started:yyyy-MM-dd HH:mm} UTC, commit `{Git(repository, "rev-parse --short HEAD")}`{(Git(repository, "status --porcelain --untracked-files=no").Length > 0 ? " with uncommitted changes" : string.Empty)}");
        text.AppendLine();
        Line($"- Command: `{command}`.");
        Line($"- {wrk}: one thread, {options.Connections} connections, {options.Duration.TotalSeconds:0} s per run after {options.Warmup.TotalSeconds:0} s of warm-up, over loopback. Each endpoint runs between two runs of `/health/live` on the same process; its ratio is to their mean. *Alone*: one connection, one request at a time (the time budgets).");
        Line($"- Machine: {Machine()}; {RuntimeInformation.FrameworkDescription}; the API in Release{(neo4jVersion is null ? string.Empty : $"; Neo4j {neo4jVersion}")}; the read cache {(options.Cache ? "on (the default: a repeated request is answered from memory)" : "off (--no-cache: every request reaches the store)")}.");
        Line($"- Load average (1, 5, 15 min): {loadBefore} before, {loadAfter} after.");

        var sqliteSeed = results.FirstOrDefault(r => r.Run.Graph == LoadGraph.Seed && !r.Run.OnNeo4j);
        int met = 0, judged = 0;
        foreach (var result in results)
        {
            text.AppendLine();
            Line($"**{result.Run.Title}** ({result.Graph}; ready {result.StartedIn.TotalSeconds:0.0} s after start; load average {result.LoadBefore} before, {result.LoadAfter} after)");
            text.AppendLine();
            var alone = result.Cases.Any(c => c.Alone is not null);
            var againstSqlite = result.Run.OnNeo4j && sqliteSeed is not null;
            var header = "| endpoint | request | requests/s | ÷ /health/live | p99 |" + (alone ? " alone: mean | alone: p99 |" : string.Empty) + (againstSqlite ? " ÷ SQLite | ÷ SQLite, each per /health/live |" : string.Empty) + " target | verdict |";
            text.AppendLine(header);
            text.AppendLine("|" + string.Concat(header.Split('|').Skip(1).SkipLast(1).Select(h => h.Trim() is "endpoint" or "request" or "target" or "verdict" ? "---|" : "---:|")));

            var liveRates = result.Live.Select(l => l.RequestsPerSecond).ToList();
            Line($"| `/health/live`, {liveRates.Count} runs | `/health/live` | {LoadFormat.Throughput(liveRates.Average())} ({LoadFormat.Throughput(liveRates.Min())}–{LoadFormat.Throughput(liveRates.Max())}) | 1 | {LoadFormat.Milliseconds(result.Live.Max(l => l.P99Ms))} (worst) |{(alone ? " | |" : string.Empty)}{(againstSqlite ? " | |" : string.Empty)} | |");
            foreach (var c in result.Cases)
            {
                var isServer = c.Probe.Case.Graph == LoadGraph.Neo4jServer;
                var ratio = c.Load.RequestsPerSecond / c.LiveAround;
                var sqlite = againstSqlite && !isServer ? sqliteSeed!.Cases.FirstOrDefault(s => s.Probe.Case == c.Probe.Case) : null;
                var overSqlite = sqlite is null ? double.NaN : c.Load.RequestsPerSecond / sqlite.Load.RequestsPerSecond;
                var targets = new List<string>();
                var verdicts = new List<string>();
                foreach (var target in c.Probe.Case.Targets)
                {
                    double? measured = target.Kind switch
                    {
                        TargetKind.LiveRatio when result.Run.Graph == LoadGraph.Seed && !result.Run.OnNeo4j => ratio,
                        TargetKind.Neo4jOverSqlite when result.Run.OnNeo4j => overSqlite,
                        TargetKind.AloneMean when c.Alone is not null => c.Alone.MeanMs,
                        TargetKind.AloneP99 when c.Alone is not null => c.Alone.P99Ms,
                        _ => null,
                    };
                    if (measured is null)
                    {
                        continue;
                    }

                    // A run with answers that are not 2xx measured something else (errors, 429s): no verdict.
                    var invalid = c.Load.HasErrors || (target.IsAlone && c.Alone?.HasErrors == true) || (sqlite?.Load.HasErrors ?? false);
                    var verdict = invalid ? "not valid: answers not 2xx"
                        : target.Kind == TargetKind.Neo4jOverSqlite && double.IsNaN(measured.Value) ? "needs the SQLite run" : target.Judge(measured.Value);
                    judged++;
                    met += verdict == "met" ? 1 : 0;
                    if (target.IsAlone && scale.Name != LoadTarget.BudgetScale)
                    {
                        verdict += $" (the budget is for {LoadTarget.BudgetScale})";
                    }

                    targets.Add(target.Describe());
                    verdicts.Add(verdict);
                }

                var request = isServer ? c.Probe.Request : $"`{c.Probe.Request}`";
                var aloneCells = alone
                    ? c.Alone is null ? " | |" : $" {LoadFormat.Milliseconds(c.Alone.MeanMs)} | {LoadFormat.Milliseconds(c.Alone.P99Ms)} |"
                    : string.Empty;
                var sqliteCell = againstSqlite
                    ? sqlite is null ? " | |" : $" {LoadFormat.Ratio(overSqlite)} | {LoadFormat.Ratio(ratio / (sqlite.Load.RequestsPerSecond / sqlite.LiveAround))} |"
                    : string.Empty;
                var finished = c.Load.Requests > 0;
                Line($"| {c.Probe.Name} | {request} | {(finished ? LoadFormat.Throughput(c.Load.RequestsPerSecond) : "none finished")} | {(isServer ? "—" : LoadFormat.Ratio(ratio))} | {(finished ? LoadFormat.Milliseconds(c.Load.P99Ms) : "—")} |{aloneCells}{sqliteCell} {string.Join("; ", targets)} | {string.Join("; ", verdicts)} |");
            }

            var server = result.Cases.FirstOrDefault(c => c.Probe.Case.Graph == LoadGraph.Neo4jServer);
            var iom = result.Cases.FirstOrDefault(c => c.Probe.Request == "/api/v1/actors/iom");
            if (server is not null && iom is not null)
            {
                text.AppendLine();
                Line($"IOM's actor page through the API answers at {LoadFormat.Ratio(iom.Load.RequestsPerSecond / server.Load.RequestsPerSecond)} of the rate at which the server itself looks IOM up by id.");
            }

            var longer = result.Cases.Where(c => c.Load.Seconds > options.Duration.TotalSeconds + 1).ToList();
            if (longer.Count > 0)
            {
                text.AppendLine();
                Line($"Longer runs, so that each connection finished about 20 requests: {string.Join("; ", longer.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Probe.Name} {c.Load.Seconds:0} s ({c.Load.Requests:N0} requests)")))}.");
            }

            var errors = result.Cases.SelectMany(c => new[] { (c.Probe.Request, c.Load), (c.Probe.Request + " (alone)", c.Alone) })
                .Concat(result.Live.Select(l => ("/health/live", (WrkResult?)l)))
                .Where(e => e.Item2?.HasErrors == true)
                .ToList();
            foreach (var (request, wrkResult) in errors)
            {
                text.AppendLine();
                Line($"- **Not valid:** `{request}` had {wrkResult!.Errors}.");
            }
        }

        text.AppendLine();
        Line($"Targets met: {met} of {judged}.");
        return text.ToString();
    }

    private static Options? Parse(IReadOnlyList<string> args, out string problem)
    {
        problem = string.Empty;
        var duration = TimeSpan.FromSeconds(10);
        var warmup = TimeSpan.FromSeconds(3);
        var connections = 32;
        var neo4jUrl = Environment.GetEnvironmentVariable("NEO4J_URL") is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        var runs = new HashSet<string>(RunNames, StringComparer.Ordinal);
        var build = true;
        var cache = true;
        string? output = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--duration" when Seconds(value) is { } seconds:
                    duration = seconds;
                    i++;
                    break;
                case "--warmup" when Seconds(value) is { } seconds:
                    warmup = seconds;
                    i++;
                    break;
                case "--connections" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1:
                    connections = n;
                    i++;
                    break;
                case "--neo4j-url" when Uri.TryCreate(value, UriKind.Absolute, out _):
                    neo4jUrl = value;
                    i++;
                    break;
                case "--only" when value is not null && value.Split(',').All(RunNames.Contains):
                    runs = [.. value.Split(',')];
                    i++;
                    break;
                case "--no-build":
                    build = false;
                    break;
                case "--no-cache":
                    cache = false;
                    break;
                case "--out" when value is not null:
                    output = value;
                    i++;
                    break;
                default:
                    problem = value is null || value.StartsWith("--", StringComparison.Ordinal)
                        ? $"Unknown or incomplete option '{args[i]}'."
                        : $"Option '{args[i]}' does not take '{value}'.";
                    return null;
            }
        }

        return new Options(duration, warmup, connections, neo4jUrl, runs, build, output, cache);

        static TimeSpan? Seconds(string? text) =>
            int.TryParse(text?.TrimEnd('s'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1 ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static async Task<bool> BuildApiAsync(string repository)
    {
        Progress("building the API in Release (dotnet build -c Release src/IomGraph.Api -p:SkipExplorerBuild=true)");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repository, UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "build", "-c", "Release", "src/IomGraph.Api", "-p:SkipExplorerBuild=true", "-nologo", "-v:q" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        ChildProcesses.Track(process);
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        ChildProcesses.Forget(process);
        if (process.ExitCode != 0)
        {
            await Console.Error.WriteLineAsync(output + Environment.NewLine + $"Building the API failed (exit code {process.ExitCode}).");
            return false;
        }

        return true;
    }

    private static string? FindRepository()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "IomGraph.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }

    private static string Git(string repository, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = repository, RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"')
            : null;
        var parts = new List<string> { $"{Environment.ProcessorCount} cores" + (cpu is null ? string.Empty : $" ({cpu})") };
        if (long.TryParse(memory, NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{kib / (1024.0 * 1024.0):0} GiB"));
        }

        parts.Add(os ?? RuntimeInformation.OSDescription);
        return string.Join(", ", parts);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void Progress(string message) => Console.Error.WriteLine("// " + message);
}
