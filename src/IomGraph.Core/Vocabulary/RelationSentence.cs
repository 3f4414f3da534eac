using IomGraph.Core.Model;

namespace IomGraph.Core.Vocabulary;

/// <summary>Renders a relation as a plain-English sentence, for journalists and for citation.</summary>
public static class RelationSentence
{
    /// <summary>"IOM is a member of the Global Migration Group (2006–2018)."</summary>
    public static string Render(Relation relation, ActorRef from, ActorRef to)
    {
        var info = RelationTypes.Get(relation.Type);
        var sentence = info.Template
            .Replace("{from}", from.DisplayLabel, StringComparison.Ordinal)
            .Replace("{to}", to.DisplayLabel, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(relation.Role))
        {
            sentence += $", as {relation.Role}";
        }

        var period = Period(relation.Start, relation.End, info.IsEvent);
        if (period is not null)
        {
            sentence += $" ({period})";
        }

        return Capitalise(sentence) + ".";
    }

    /// <summary>"2006–2018", "since 2018" (or "2018" for an event), "until 2005", "2017", or null when undated.</summary>
    public static string? Period(PartialDate? start, PartialDate? end, bool isEvent = false) => (start, end) switch
    {
        (null, null) => null,
        ({ } s, null) when isEvent => s.ToString(),
        ({ } s, null) => $"since {s}",
        (null, { } e) => $"until {e}",
        ({ } s, { } e) when s == e => s.ToString(),
        ({ } s, { } e) => $"{s}–{e}",
    };

    private static string Capitalise(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
}
