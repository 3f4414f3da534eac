using System.Collections.Frozen;
using System.Text.Json;
using IomGraph.Core.Model;

namespace IomGraph.Formats;

/// <summary>The wire names of the vocabulary enums, as <see cref="GraphJson"/> writes them ("un-entity", "high").</summary>
internal static class WireName<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonSerializer.SerializeToElement(v, GraphJson.Options).GetString()!);

    private static readonly FrozenDictionary<string, TEnum> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    public static string Of(TEnum value) => Names[value];

    /// <summary>Reads a wire name, ignoring case.</summary>
    public static bool TryParse(string? text, out TEnum value)
    {
        value = default;
        return text is not null && Values.TryGetValue(text, out value);
    }

    public static string Expected => string.Join(", ", Names.Values.Order(StringComparer.Ordinal).Select(n => $"'{n}'"));
}
