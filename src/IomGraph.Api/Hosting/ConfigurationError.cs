using Microsoft.Extensions.Options;

namespace IomGraph.Api.Hosting;

/// <summary>A setting the API cannot start with, said in one sentence that names the setting and what it accepts.</summary>
public sealed class ConfigurationErrorException(string message) : Exception(message);

/// <summary>How the API and its commands report a bad setting: one line per problem on stderr, exit code 2, no stack trace.</summary>
public static class ConfigurationErrors
{
    /// <summary>The exit code of a run stopped by a bad setting.</summary>
    public const int ExitCode = 2;

    /// <summary>The problems of <paramref name="exception"/> when it is a bad setting (its own, or an options validation's); null otherwise.</summary>
    public static IReadOnlyList<string>? Describe(Exception exception) => exception switch
    {
        ConfigurationErrorException e => [e.Message],
        OptionsValidationException e => [.. e.Failures],
        Storage.Neo4j.Neo4jAuthenticationException e => [$"Neo4j:User and Neo4j:Password: {e.Message}"],
        // The configuration binder's own refusal of a value it cannot convert, e.g. Neo4j:BatchSize=abc.
        InvalidOperationException e when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [e.Message],
        AggregateException { InnerExceptions.Count: > 0 } e when e.InnerExceptions.All(i => Describe(i) is not null) =>
            [.. e.InnerExceptions.SelectMany(i => Describe(i)!)],
        _ => null,
    };

    /// <summary>Runs <paramref name="run"/>; a bad setting is printed and becomes <see cref="ExitCode"/>, anything else propagates.</summary>
    public static async Task<int> ReportAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (Describe(e) is { } problems)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync("Configuration error: " + problem);
            }

            return ExitCode;
        }
    }
}
