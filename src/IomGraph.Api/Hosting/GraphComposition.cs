using IomGraph.Api.Application;
using IomGraph.Storage.Neo4j;
using IomGraph.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IomGraph.Api.Hosting;

/// <summary>
/// The services the API and its commands share: <see cref="AddGraphStore"/> (the settings and the store that
/// Graph:Provider names) and <see cref="AddGraphUseCases"/> (curation, imports, sentences, the graph version). The
/// HTTP side is <see cref="Http.HttpComposition.AddGraphApi"/>.
/// </summary>
public static class GraphComposition
{
    public static IServiceCollection AddGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>()
            .BindConfiguration(GraphOptions.Section)
            .Validate(o => Enum.IsDefined(o.Provider), "Graph:Provider must be 'Sqlite' or 'Neo4j'.")
            .Validate(o => !o.Seed.Enabled || !string.IsNullOrWhiteSpace(o.Seed.Path), "Graph:Seed:Path must name the seed directory.")
            .Validate(o => o.StoreWait.InitialDelay > TimeSpan.Zero, "Graph:StoreWait:InitialDelay must be a positive time span, such as 00:00:01.")
            .Validate(o => o.StoreWait.MaxDelay >= o.StoreWait.InitialDelay, "Graph:StoreWait:MaxDelay must be at least Graph:StoreWait:InitialDelay.")
            .Validate(o => o.StoreWait.Jitter is >= 0 and <= 1, "Graph:StoreWait:Jitter must be between 0 and 1.")
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<GraphOptions>, StoreLocationValidator>();

        // The provider decides which adapter is registered at all, so it is read here, once, from configuration.
        _ = ReadProvider(configuration) switch
        {
            GraphProvider.Neo4j => services.AddNeo4jGraphStore(),
            _ => services.AddSqliteGraphStore(),
        };

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StoreStatus>();
        return services;
    }

    /// <summary>The use cases, which know no HTTP: the endpoints and the import command call them.</summary>
    public static IServiceCollection AddGraphUseCases(this IServiceCollection services)
    {
        services.AddSingleton<ImportService>();
        services.AddSingleton<CurationService>();
        services.AddSingleton<SourceDirectory>();
        services.AddSingleton<Sentences>();
        services.AddSingleton<GraphVersion>();
        return services;
    }

    /// <summary>
    /// Graph:Provider by name, ignoring case; Sqlite when unset. Anything else stops the start with a sentence naming
    /// the setting, before the configuration binder could fail on it with a stack trace.
    /// </summary>
    public static GraphProvider ReadProvider(IConfiguration configuration)
    {
        var key = $"{GraphOptions.Section}:{nameof(GraphOptions.Provider)}";
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return GraphProvider.Sqlite;
        }

        foreach (var provider in Enum.GetValues<GraphProvider>())
        {
            if (string.Equals(provider.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        var names = string.Join(" or ", Enum.GetNames<GraphProvider>().Select(n => $"'{n}'"));
        throw new ConfigurationErrorException($"{key} is '{text}', which is not a store this build has: use {names}.");
    }
}
