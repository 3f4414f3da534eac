using System.Text.Json;
using System.Text.Json.Serialization;

namespace IomGraph.Core.Model;

/// <summary>
/// The one JSON shape of the graph's records: camelCase, enums as their wire names, dates as partial-date strings.
/// Reading is strict: an unknown property or a missing required one is an error, so typos in seed files fail loudly.
/// </summary>
public static class GraphJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Reads a stored record (or any graph JSON document); a null document is corrupt data.</summary>
    public static T Decode<T>(string json)
        where T : class =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"A stored {typeof(T).Name} is null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            WriteIndented = false,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
