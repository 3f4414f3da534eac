using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IomGraph.Api.Tests;

internal static class Http
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"GET {url} gave {(int)response.StatusCode}, expected {(int)expected}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a 400 problem+json whose 'errors' name <paramref name="parameter"/>.</summary>
    public static async Task<JsonElement> GetValidationProblemAsync(this HttpClient client, string url, string parameter)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET {url} gave {(int)response.StatusCode}, expected 400: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(
            problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(parameter, out _),
            $"GET {url}: the problem should name '{parameter}' in 'errors': {body}");
        return problem;
    }

    public static IEnumerable<string> Ids(this JsonElement array, string property = "id") =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!);

    public static JsonContent Json(object value) => JsonContent.Create(value);
}
