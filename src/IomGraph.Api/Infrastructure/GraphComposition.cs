using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using IomGraph.Api.Endpoints;
using IomGraph.Storage.Neo4j;
using IomGraph.Storage.Sqlite;

namespace IomGraph.Api.Infrastructure;

/// <summary>The services the API and its commands share: options, the store chosen by Graph:Provider, imports.</summary>
public static class GraphComposition
{
    public static IServiceCollection AddGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>()
            .BindConfiguration(GraphOptions.Section)
            .Validate(o => Enum.IsDefined(o.Provider), "Graph:Provider must be 'Sqlite' or 'Neo4j'.")
            .Validate(o => !o.Seed.Enabled || !string.IsNullOrWhiteSpace(o.Seed.Path), "Graph:Seed:Path must name the seed directory.")
            .ValidateOnStart();
        services.AddOptions<ImportOptions>()
            .BindConfiguration(ImportOptions.Section)
            .Validate(o => o.MaxRequestBytes > 0, "Import:MaxRequestBytes must be positive.")
            .ValidateOnStart();

        // The provider decides which adapter is registered at all, so it is read here, once, from configuration.
        var provider = configuration.GetValue($"{GraphOptions.Section}:{nameof(GraphOptions.Provider)}", GraphProvider.Sqlite);
        _ = provider switch
        {
            GraphProvider.Neo4j => services.AddNeo4jGraphStore(),
            _ => services.AddSqliteGraphStore(),
        };

        services.AddSingleton<ImportService>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SourceDirectory>();
        services.AddSingleton<Sentences>();
        services.AddSingleton<GraphVersion>();
        services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: false);
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNames.Camel(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNames.Camel(member.Name);
        return services;
    }
}
