using System.Collections.Frozen;
using System.Text.Json;

namespace IomGraph.Core.Model;

/// <summary>
/// The wire names of the graph's enums, as <see cref="GraphJson"/> writes them ("un-entity", "high", "actor", "create"):
/// the one place that turns enum values into the text that stores, formats and requests use, and back.
/// </summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Table<TEnum>.Names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(TEnum).Name}.");

    /// <summary>Reads a wire name, ignoring case.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return text is not null && Table<TEnum>.Values.TryGetValue(text, out value);
    }

    /// <summary>Reads a stored wire name; a name this build does not know is corrupt data.</summary>
    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value) ? value : throw new InvalidDataException($"'{text}' is not a known {Table<TEnum>.Description} ({Table<TEnum>.Expected}).");

    /// <summary>Every wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Table<TEnum>.All;

    /// <summary>The names, quoted, in ordinal order and comma-separated, for messages: "'actor', 'relation', 'source'".</summary>
    public static string Expected<TEnum>()
        where TEnum : struct, Enum => Table<TEnum>.Expected;

    private static class Table<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonSerializer.SerializeToElement(v, GraphJson.Options).GetString()!);

        public static readonly FrozenDictionary<string, TEnum> Values =
            Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

        public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<TEnum>().Select(v => Names[v])];

        public static readonly string Expected = string.Join(", ", Names.Values.Order(StringComparer.Ordinal).Select(n => $"'{n}'"));

        // "RecordKind" → "record kind"
        public static readonly string Description =
            string.Concat(typeof(TEnum).Name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }
}
