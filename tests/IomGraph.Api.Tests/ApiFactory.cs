using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace IomGraph.Api.Tests;

/// <summary>
/// The API on its embedded store, in memory by default, seeded from the repository's seed-data
/// (which the build copies beside the test binaries). Settings can be overridden per test.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ApiFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    public ApiFactory(IDictionary<string, string?> settings)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Graph:Provider"] = "Sqlite",
            ["Graph:Sqlite:Path"] = ":memory:",
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
    }
}

/// <summary>One seeded API shared by the read-only tests of a class: they never write, so sharing it is safe.</summary>
public sealed class SeededApi : ApiFactory;
