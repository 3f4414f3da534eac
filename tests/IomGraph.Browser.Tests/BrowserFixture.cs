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

    /// <summary>
    /// A fresh context and page that record console errors and uncaught page errors, and leave a screenshot named
    /// <paramref name="journey"/> behind.
    /// </summary>
    public async Task<BrowserPage> NewPageAsync(string journey)
    {
        Chromium.Require();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        // Bounded waits everywhere: a page that never finishes fails in seconds instead of hanging the run.
        context.SetDefaultTimeout(10_000);
        return new BrowserPage(context, await context.NewPageAsync(), ScreenshotDirectory, journey);
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

/// <summary>
/// A page with what went wrong in it (console errors and uncaught exceptions, in the order they happened) and one
/// screenshot of the journey: taken by <see cref="ScreenshotAsync"/>, or else of the whole page when it is disposed,
/// so that a failed case leaves a picture too.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _pageErrors = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _firstError = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private bool _screenshotTaken;
    private int _steps;

    public BrowserPage(IBrowserContext context, IPage page, string screenshotDirectory, string journey)
    {
        _context = context;
        Page = page;
        ScreenshotPath = Path.Combine(screenshotDirectory, string.Concat(journey.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')) + ".png");
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

    /// <summary>Where this journey's screenshot is (or will be, once the page is disposed).</summary>
    public string ScreenshotPath { get; }

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

    /// <summary>Saves the journey's screenshot now: of <paramref name="element"/> if given, else of the whole page.</summary>
    public async Task ScreenshotAsync(ILocator? element = null)
    {
        _screenshotTaken = true;
        try
        {
            if (element is not null)
            {
                await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = ScreenshotPath, Timeout = 5_000 });
                return;
            }
        }
        catch (PlaywrightException)
        {
            // A picture of the page is worth more than none of the element (which may be gone or never drawn).
        }

        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true, Timeout = 5_000 });
    }

    /// <summary>
    /// Saves a screenshot of one step of a longer journey beside the journey's own, numbered in order
    /// (<c>journey.1-step.png</c>, <c>journey.2-step.png</c>…), so the folder reads as the journey did.
    /// </summary>
    public async Task ScreenshotStepAsync(string step)
    {
        _steps++;
        var name = $"{Path.GetFileNameWithoutExtension(ScreenshotPath)}.{_steps}-{string.Concat(step.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'))}.png";
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetDirectoryName(ScreenshotPath)!, name), FullPage = true, Timeout = 5_000 });
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_screenshotTaken)
            {
                await ScreenshotAsync();
            }
        }
        catch (PlaywrightException)
        {
            // The page may be gone (a crashed renderer): the case has failed already and says why.
        }

        await _context.DisposeAsync();
    }
}
