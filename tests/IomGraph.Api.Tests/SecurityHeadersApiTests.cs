using System.Net;
using IomGraph.Api.Http;

namespace IomGraph.Api.Tests;

/// <summary>Every kind of answer carries the security headers, with the content security policy that fits it.</summary>
public sealed class SecurityHeadersApiTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    public static TheoryData<string, string> Answers => new()
    {
        { "/api/v1/actors/iom", SecurityHeaders.ApiPolicy },
        { "/api/v1/actors/no-such-actor", SecurityHeaders.ApiPolicy },
        { "/api/v1/actors?limit=abc", SecurityHeaders.ApiPolicy },
        { "/api/v1/export?format=csv", SecurityHeaders.ApiPolicy },
        { "/no-such-page", SecurityHeaders.ApiPolicy },
        { "/health/ready", SecurityHeaders.ApiPolicy },
        { "/swagger/index.html", SecurityHeaders.SwaggerUiPolicy },
        { "/swagger/index.js", SecurityHeaders.SwaggerUiPolicy },
        { "/swagger/v1/swagger.json", SecurityHeaders.SwaggerUiPolicy },
        { "/", ExplorerBundle.ContentSecurityPolicy },
        { "/explore", ExplorerBundle.ContentSecurityPolicy },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_answer_carries_the_security_headers(string url, string policy)
    {
        using var response = await api.Client().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal(policy, Single(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task A_304_and_an_answer_from_memory_carry_them_too()
    {
        using var first = await api.Client().GetAsync(new Uri("/api/v1/actors/unhcr/profile", UriKind.Relative), TestContext.Current.CancellationToken);
        using var again = await api.Client().GetAsync(new Uri("/api/v1/actors/unhcr/profile", UriKind.Relative), TestContext.Current.CancellationToken);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/actors/unhcr/profile", UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await api.Client().SendAsync(conditional, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        foreach (var response in new[] { again, notModified })
        {
            Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
            Assert.Equal(SecurityHeaders.ApiPolicy, Single(response, "Content-Security-Policy"));
        }
    }

    private static string Single(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} without {name}.");
}
