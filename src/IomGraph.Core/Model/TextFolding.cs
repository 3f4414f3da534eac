using System.Globalization;
using System.Text;
using IomGraph.Core.Storage;

namespace IomGraph.Core.Model;

/// <summary>
/// Folds text for search: lower case, no accents, one kind of apostrophe and single spaces,
/// so that "Côte d’Ivoire" and "cote d'ivoire" meet. Both stores index and query the folded form.
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '`' or '\u00B4' => "'",
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' => "-",
                'ø' or 'Ø' => "o",
                'æ' or 'Æ' => "ae",
                'œ' or 'Œ' => "oe",
                'ß' => "ss",
                'ð' or 'Ð' => "d",
                'þ' or 'Þ' => "th",
                'ł' or 'Ł' => "l",
                'đ' or 'Đ' => "d",
                'ı' => "i",
                _ => char.ToLowerInvariant(c).ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>The folded forms an actor is found by: id, name, label and aliases, without duplicates.</summary>
    public static IReadOnlyList<string> SearchNames(Actor actor) =>
        new[] { actor.Id, actor.Name, actor.Label }
            .Concat(actor.Aliases)
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => Fold(n!))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The key actors are listed by, before their ids: the folded name.</summary>
    public static string SortKey(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Fold(actor.Name);
    }

    /// <summary>How well a folded query matches folded names, by the best of them; null when none contains it.</summary>
    public static MatchRank? Rank(IEnumerable<string> foldedNames, string foldedQuery)
    {
        MatchRank? best = null;
        foreach (var name in foldedNames)
        {
            MatchRank? rank = name == foldedQuery ? MatchRank.Exact
                : name.StartsWith(foldedQuery, StringComparison.Ordinal) ? MatchRank.Prefix
                : name.Contains(foldedQuery, StringComparison.Ordinal) ? MatchRank.Contains
                : null;
            if (rank < (best ?? MatchRank.Unranked))
            {
                best = rank;
            }
        }

        return best;
    }
}
