using System.Text.Json;
using Json.Schema;

namespace IomGraph.Testing;

/// <summary>What a JSON Schema says of an instance, in a form a failed assertion can show.</summary>
public static class SchemaReport
{
    /// <summary>Null when the instance is valid; else what is wrong where, one line each, at most twelve.</summary>
    public static string? Errors(JsonSchema schema, JsonElement instance)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return null;
        }

        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
            .Distinct()
            .Take(12);
        return string.Join("\n", errors);
    }
}
