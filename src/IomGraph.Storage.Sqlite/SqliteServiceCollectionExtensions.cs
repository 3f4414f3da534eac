using IomGraph.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IomGraph.Storage.Sqlite;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteGraphStore"/> as the singleton <see cref="IGraphReader"/> and <see cref="IGraphWriter"/>
    /// (one instance for both), with its options bound from <c>Graph:Sqlite</c> and validated on start. The host still
    /// calls <see cref="IGraphWriter.InitialiseAsync"/> before use. The port is the store seen through
    /// <see cref="InstrumentedGraphStore{TStore}"/>, which adds a span and a duration per call (<see cref="SqliteTelemetry"/>).
    /// </summary>
    public static IServiceCollection AddSqliteGraphStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<SqliteGraphStoreOptions>()
            .BindConfiguration(SqliteGraphStoreOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), $"{SqliteGraphStoreOptions.SectionName}:Path must name a database file or '{SqliteGraphStoreOptions.InMemory}'.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteGraphStore>();
        services.TryAddSingleton(sp => new InstrumentedGraphStore<SqliteGraphStore>(sp.GetRequiredService<SqliteGraphStore>(), SqliteTelemetry.Instruments));
        services.TryAddSingleton<IGraphReader>(sp => sp.GetRequiredService<InstrumentedGraphStore<SqliteGraphStore>>());
        services.TryAddSingleton<IGraphWriter>(sp => sp.GetRequiredService<InstrumentedGraphStore<SqliteGraphStore>>());
        return services;
    }
}
