using System.Reflection;
using Microsoft.Playwright;

namespace IomGraph.Browser.Tests;

/// <summary>
/// One Chromium for a test class (launching one per case would dominate the run time). Each case takes a fresh
/// context and page from <see cref="NewPageAsync"/>, so no cookie, cache or script state leaks between cases.
/// Without Chromium the fixture starts nothing and <see cref="NewPageAsync"/> skips (or, in CI, fails) the case.
/// </summary>
public abstract class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Screenshots of this class's journeys, under the project's TestResults/screenshots/.</summary>
    public string ScreenshotDirectory { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        ScreenshotDirectory = Path.Combine(ScreenshotRoot, GetType().Name.Replace("Fixture", "", StringComparison.Ordinal));
        if (Directory.Exists(ScreenshotDirectory))
        {
            // Stale pictures of cases that no longer exist would mislead whoever looks at the folder.
            Directory.Delete(ScreenshotDirectory, recursive: true);
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        await StartServersAsync();
        if (Chromium.IsInstalled)
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await Chromium.LaunchAsync(_playwright);
        }
    }

    /// <summary>Starts what the pages of this class talk to.</summary>
    protected abstract Task StartServersAsync();

    /// <summary>A fresh context and page that record console errors and uncaught page errors.</summary>
    public async Task<BrowserPage> NewPageAsync()
    {
        Chromium.Require();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        // Bounded waits everywhere: a page that never finishes fails in seconds instead of hanging the run.
        context.SetDefaultTimeout(10_000);
        return new BrowserPage(context, await context.NewPageAsync(), ScreenshotDirectory);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string ScreenshotRoot =>
        typeof(BrowserFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ScreenshotDirectory")?.Value
        ?? Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
}

/// <summary>A page with what went wrong in it: console errors and uncaught exceptions, in the order they happened.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly string _screenshotDirectory;
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _pageErrors = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _firstError = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BrowserPage(IBrowserContext context, IPage page, string screenshotDirectory)
    {
        _context = context;
        _screenshotDirectory = screenshotDirectory;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_gate)
                {
                    // The first line says what went wrong; a minified bundle's stack trace says nothing more.
                    var text = message.Text.Split('\n', 2)[0].Trim();
                    _consoleErrors.Add(string.IsNullOrEmpty(message.Location) ? text : $"{text} (at {message.Location})");
                }

                _firstError.TrySetResult();
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_gate)
            {
                _pageErrors.Add(error);
            }

            _firstError.TrySetResult();
        };
    }

    public IPage Page { get; }

    /// <summary>Completes when the first console error or page error happens, so a wait can stop at a failure.</summary>
    public Task FirstError => _firstError.Task;

    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_gate)
            {
                return [.. _consoleErrors];
            }
        }
    }

    public IReadOnlyList<string> PageErrors
    {
        get
        {
            lock (_gate)
            {
                return [.. _pageErrors];
            }
        }
    }

    /// <summary>Both kinds of error, one per line, for a failure message; empty when there were none.</summary>
    public string DescribeErrors()
    {
        var lines = PageErrors.Select(e => "  page error: " + e).Concat(ConsoleErrors.Select(e => "  console error: " + e)).ToList();
        return lines.Count == 0 ? "" : string.Join(Environment.NewLine, lines);
    }

    /// <summary>Saves a screenshot (of <paramref name="element"/> if given, else the whole page) and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, ILocator? element = null)
    {
        var file = Path.Combine(_screenshotDirectory, string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')) + ".png");
        try
        {
            if (element is not null)
            {
                await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = file, Timeout = 5_000 });
            }
            else
            {
                await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Timeout = 5_000 });
            }
        }
        catch (PlaywrightException)
        {
            // A picture of the page is worth more than none of the element (which may be gone or never drawn).
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, Timeout = 5_000 });
        }

        return file;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
