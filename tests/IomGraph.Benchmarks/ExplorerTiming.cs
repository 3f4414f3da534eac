using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IomGraph.Benchmarks;

/// <summary>
/// `explorer --url URL [--runs N]`: the explorer's budgets against a running API (docs/performance.md). The bundle: every
/// file /explore loads, raw and gzipped. The time to a drawn graph: a fresh browser context per run (nothing cached)
/// opens IOM's neighbourhood (/explore#/actor/iom/graph), and the page itself records, with a MutationObserver, the
/// moment the canvas says it has drawn its nodes (data-drawn-nodes), on its own clock from the start of navigation.
/// Chromium is Debian's (CHROMIUM_PATH, default /usr/bin/chromium).
/// </summary>
public static partial class ExplorerTiming
{
    private const string DrawnScript = """
        window.__drawnAt = new Promise(resolve => {
          const seen = () => document.querySelector('.graph-canvas[data-drawn-nodes]');
          const done = () => resolve({ at: performance.now(), nodes: Number(seen().getAttribute('data-drawn-nodes')) });
          new MutationObserver((_, observer) => { if (seen()) { observer.disconnect(); done(); } })
            .observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn-nodes'] });
        });
        """;

    public static async Task<int> RunAsync(string url, int runs)
    {
        var origin = url.TrimEnd('/');
        using var http = new HttpClient { BaseAddress = new Uri(origin) };
        Console.WriteLine($"// Explorer budgets at {origin}, {runs} runs; machine: {Environment.ProcessorCount} cores, load {LoadAverage()}");

        var html = await http.GetStringAsync(new Uri("/explore/", UriKind.Relative));
        long raw = html.Length, gzip = Gzipped(System.Text.Encoding.UTF8.GetBytes(html));
        Console.WriteLine($"  {"/explore/",-48} {html.Length,9:N0} B  gzip {gzip,8:N0} B");
        foreach (var asset in AssetPattern().Matches(html).Select(m => m.Groups["path"].Value).Distinct(StringComparer.Ordinal))
        {
            var bytes = await http.GetByteArrayAsync(new Uri(asset, UriKind.Relative));
            var zipped = Gzipped(bytes);
            raw += bytes.Length;
            gzip += zipped;
            Console.WriteLine($"  {asset,-48} {bytes.Length,9:N0} B  gzip {zipped,8:N0} B");
        }

        Console.WriteLine($"  {"bundle",-48} {raw,9:N0} B  gzip {gzip,8:N0} B");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var times = new List<double>();
        var nodes = 0;
        for (var run = 0; run <= runs; run++)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await context.AddInitScriptAsync(DrawnScript);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{origin}/explore/#/actor/iom/graph");
            var drawn = await page.EvaluateAsync<double[]>("async () => { const d = await window.__drawnAt; return [d.at, d.nodes]; }");
            nodes = (int)drawn[1];

            // The first run warms the server's caches and the browser's process; it is not counted.
            if (run > 0)
            {
                times.Add(drawn[0]);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  time to IOM's drawn graph ({nodes} nodes), cold cache: median {Percentile(times, 0.5):F0} ms, p90 {Percentile(times, 0.9):F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms"));
        return 0;
    }

    private static long Gzipped(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.Length;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    [GeneratedRegex("""(?:src|href)="(?<path>/explore/[^"]+\.(?:js|css|svg))""")]
    private static partial Regex AssetPattern();
}
