using System.Reflection;
using FluentValidation;
using IomGraph.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IomGraph.Api.Tests;

/// <summary>
/// Every endpoint that takes input validates it: its query parameters ([AsParameters] records) through their
/// FluentValidation validator, and its body through the curation or import use case, which validates records with the
/// rules of seed data. A new endpoint that forgets <c>WithValidation</c> fails here.
/// </summary>
public sealed class ValidationGuardTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private List<RouteEndpoint> Endpoints()
    {
        api.Client();
        return api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .ToList();
    }

    [Fact]
    public void Every_endpoint_with_query_parameters_validates_them_with_a_registered_validator()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count >= 24, $"Only {endpoints.Count} endpoints under /api/v1.");
        var checkedOnes = 0;

        foreach (var endpoint in endpoints)
        {
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
            Assert.NotNull(handler);
            var validated = endpoint.Metadata.GetOrderedMetadata<ValidatedRequestMetadata>().Select(m => m.RequestType).ToList();
            foreach (var parameter in handler.GetParameters().Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null))
            {
                Assert.True(
                    validated.Contains(parameter.ParameterType),
                    $"{endpoint.DisplayName} takes {parameter.ParameterType.Name} but does not validate it (WithValidation<{parameter.ParameterType.Name}>()).");
                Assert.NotNull(api.Services.GetService(typeof(IValidator<>).MakeGenericType(parameter.ParameterType)));
                checkedOnes++;
            }
        }

        Assert.True(checkedOnes >= 13, $"Only {checkedOnes} request records were found on the endpoints.");
    }

    [Fact]
    public void Every_request_validator_is_used_by_an_endpoint()
    {
        var validated = Endpoints().SelectMany(e => e.Metadata.GetOrderedMetadata<ValidatedRequestMetadata>()).Select(m => m.RequestType).ToHashSet();
        var validators = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, Namespace: "IomGraph.Api.Requests" })
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)).Select(i => (Validator: t, Request: i.GetGenericArguments()[0])))
            .ToList();

        Assert.NotEmpty(validators);
        Assert.All(validators, v => Assert.True(validated.Contains(v.Request), $"{v.Validator.Name} validates {v.Request.Name}, which no endpoint takes."));
    }
}
