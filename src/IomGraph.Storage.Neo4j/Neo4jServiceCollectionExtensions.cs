using System.Net.Http.Headers;
using System.Text;
using IomGraph.Core.Storage;
using IomGraph.Storage.Neo4j.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace IomGraph.Storage.Neo4j;

public static class Neo4jServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Neo4jGraphStore"/> as the singleton <see cref="IGraphReader"/> and <see cref="IGraphWriter"/>, with its options bound from the
    /// <c>Neo4j</c> section and validated on start, and the named <see cref="HttpClient"/> it talks through: base address and
    /// Basic credentials from the options, a connect timeout, a per-attempt timeout of <see cref="Neo4jOptions.RequestTimeout"/>
    /// and bounded exponential retries of transient failures (connection errors, timeouts, 408, 429, 5xx) for requests
    /// that are safe to repeat, and inside them a span and a duration per HTTP request (<see cref="Neo4jTelemetry"/>). The
    /// port is the store seen through <see cref="InstrumentedGraphStore{TStore}"/>, which adds a span and a duration per
    /// call. The host still calls <see cref="IGraphWriter.InitialiseAsync"/> before use.
    /// </summary>
    public static IServiceCollection AddNeo4jGraphStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<Neo4jOptions>()
            .BindConfiguration(Neo4jOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Neo4jOptions>, Neo4jOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var http = services.AddHttpClient(Neo4jGraphStore.HttpClientName);
        http.ConfigureHttpClient((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<Neo4jOptions>>().Value;
                client.BaseAddress = options.BaseUri;

                // The resilience pipeline times each attempt out; the client's own timeout would cut retries short.
                client.Timeout = Timeout.InfiniteTimeSpan;
                if (!string.IsNullOrEmpty(options.User))
                {
                    var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}"));
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                }

                client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("IomGraph", "1.0"));
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectTimeout = provider.GetRequiredService<IOptions<Neo4jOptions>>().Value.ConnectTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddResilienceHandler("neo4j", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<Neo4jOptions>>().Value;
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        Delay = options.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,

                        // Only what is safe to send twice: a commit whose answer was lost may have committed.
                        ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Context) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                    });
                }

                pipeline.AddTimeout(options.RequestTimeout);
            });

        // Inside the retries, so that each attempt is a round trip of its own.
        http.AddHttpMessageHandler(() => new Neo4jRoundTrips());

        services.TryAddSingleton<Neo4jGraphStore>();
        services.TryAddSingleton(provider => new InstrumentedGraphStore<Neo4jGraphStore>(provider.GetRequiredService<Neo4jGraphStore>(), Neo4jTelemetry.Instruments));
        services.TryAddSingleton<IGraphReader>(provider => provider.GetRequiredService<InstrumentedGraphStore<Neo4jGraphStore>>());
        services.TryAddSingleton<IGraphWriter>(provider => provider.GetRequiredService<InstrumentedGraphStore<Neo4jGraphStore>>());
        return services;
    }

    private static bool IsRetryable(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && request.Options.TryGetValue(Neo4jHttp.Retryable, out var retryable) && retryable;
}
