namespace IomGraph.Api.Cli;

/// <summary>
/// `IomGraph.Api healthcheck URL`: exits 0 when URL answers 2xx, 1 otherwise. The container health check uses it,
/// since the runtime image has no curl or wget.
/// </summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string url)
    {
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
            using var response = await client.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"{url}: {e.Message}");
            return 1;
        }
    }
}
