namespace IomGraph.Core.Vocabulary;

/// <summary>The small pieces of English grammar that sentences, profiles and drawings share.</summary>
internal static class English
{
    /// <summary>"a co-chair", "an initial member", "a UN entity", "a European state".</summary>
    public static string Indefinite(string noun)
    {
        // Acronyms read by their letters: "a UN entity", "an IOM office".
        if (noun.Length > 1 && char.IsUpper(noun[0]) && char.IsUpper(noun[1]))
        {
            return ("AEFHILMNORSX".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;
        }

        var lower = noun.ToLowerInvariant();
        var an = "aeiou".Contains(lower[0], StringComparison.Ordinal) && !lower.StartsWith("uni", StringComparison.Ordinal)
            && !lower.StartsWith("eu", StringComparison.Ordinal) && !lower.StartsWith("one", StringComparison.Ordinal);
        return (an ? "an " : "a ") + noun;
    }

    /// <summary>A label for the middle of a sentence: "Inter-agency group" → "inter-agency group", "UN entity" stays.</summary>
    public static string Lowered(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;

    /// <summary>The text with its first letter in capitals, for the start of a sentence ("the ILO" → "The ILO").</summary>
    public static string Capitalise(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
}
