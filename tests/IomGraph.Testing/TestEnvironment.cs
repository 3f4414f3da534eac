namespace IomGraph.Testing;

/// <summary>
/// The environment a test runs in. A test that needs a service or a tool (Neo4j, Node packages, Chromium, networkx)
/// calls <see cref="Missing"/> when it is absent: on a developer machine the test is skipped with the reason, and in CI
/// (<c>CI=true</c>, where .ci/run installs everything) it fails, so that nothing silently stops being tested.
/// </summary>
public static class TestEnvironment
{
    /// <summary>True under CI (<c>CI=true</c>).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The repository root: the folder above the test binaries that holds IomGraph.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Skips the calling test because of <paramref name="reason"/>, or fails it in CI. Never returns.</summary>
    public static void Missing(string reason)
    {
        if (IsCi)
        {
            Assert.Fail("CI=true but " + reason);
        }

        Assert.Skip(reason);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IomGraph.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (holding IomGraph.sln) is not above " + AppContext.BaseDirectory);
    }
}
