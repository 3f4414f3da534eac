using IomGraph.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IomGraph.Storage.Sqlite.Tests;

public sealed class SqliteServiceCollectionExtensionsTests
{
    [Fact]
    public async Task The_store_is_one_singleton_for_reads_and_writes_configured_from_Graph_Sqlite()
    {
        using var host = Build(new() { ["Graph:Sqlite:Path"] = SqliteGraphStoreOptions.InMemory });
        await host.StartAsync(TestContext.Current.CancellationToken);

        var store = host.Services.GetRequiredService<IGraphReader>();

        // The port is the store seen through its instrumentation, which passes every call on.
        var sqlite = Assert.IsType<InstrumentedGraphStore<SqliteGraphStore>>(store).Store;
        Assert.Same(store, host.Services.GetRequiredService<IGraphReader>());
        Assert.Same(sqlite, host.Services.GetRequiredService<SqliteGraphStore>());
        Assert.Same(store, host.Services.GetRequiredService<IGraphWriter>());
        Assert.Equal(SqliteGraphStoreOptions.InMemory, sqlite.DatabasePath);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Without_configuration_the_store_lives_in_data_under_the_current_directory()
    {
        using var host = Build([]);

        var store = host.Services.GetRequiredService<SqliteGraphStore>();

        Assert.Equal(Path.GetFullPath(Path.Combine("data", "iomgraph.db")), store.DatabasePath);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_path_fails_on_start(string path)
    {
        using var host = Build(new() { ["Graph:Sqlite:Path"] = path });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Graph:Sqlite:Path", error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSqliteGraphStore();
        return builder.Build();
    }
}
