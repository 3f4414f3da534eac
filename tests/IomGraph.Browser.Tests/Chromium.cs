using IomGraph.Testing;
using Microsoft.Playwright;

namespace IomGraph.Browser.Tests;

/// <summary>
/// The Chromium the browser tests drive: the one named by CHROMIUM_PATH, else Debian's /usr/bin/chromium. Playwright's
/// own browser download cannot be used here, so the tests never ask Playwright to install anything.
/// </summary>
public static class Chromium
{
    public const string PathVariable = "CHROMIUM_PATH";

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>Skips the calling test when Chromium is missing, or fails it when <c>CI=true</c>.</summary>
    public static void Require()
    {
        if (IsInstalled)
        {
            return;
        }

        TestEnvironment.Missing($"there is no Chromium at {ExecutablePath}: install it (apt-get install chromium) or point {PathVariable} at one to run the browser tests (in CI, .ci/run installs it).");
    }

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,

            // Without the networking flags Chromium opens background connections (updates, sync, field trials) that
            // this machine refuses, many at a time; --no-sandbox because CI runs as root.
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
}
