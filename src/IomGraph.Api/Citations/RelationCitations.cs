using System.Globalization;
using System.Text;
using IomGraph.Api.Contracts;
using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Api.Citations;

/// <summary>A citation of one relation, in parts and as one plain text to paste.</summary>
public static class RelationCitations
{
    /// <param name="relation">The relation, with its ends.</param>
    /// <param name="sentence">How the API tells it (<see cref="Application.Sentences"/>).</param>
    /// <param name="sourceOf">The cited sources, by id (null for one the store does not hold).</param>
    /// <param name="graphVersion">The graph version (<see cref="Application.GraphVersion"/>).</param>
    /// <param name="retrieved">Today, UTC.</param>
    /// <param name="url">The relation's address.</param>
    public static RelationCitationResponse Of(
        RelationView relation, string sentence, Func<string, Source?> sourceOf, string graphVersion, DateOnly retrieved, string url)
    {
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentNullException.ThrowIfNull(sourceOf);
        var cited = relation.Relation.Sources.Select(c => Cited(c, sourceOf(c.SourceId))).ToList();
        return new RelationCitationResponse(
            relation.Relation.Id, sentence, relation.Relation.Confidence, cited, graphVersion, retrieved, url,
            Text(relation.Relation, sentence, relation.Relation.Sources.Select(c => (c, sourceOf(c.SourceId))).ToList(), graphVersion, retrieved, url));
    }

    /// <summary>
    /// <c>IomGraph (graph version X), relation "id": "sentence" Confidence: high. Sources: [1] Author, Title (year),
    /// locator. Quoted: “…”. https://…. [2] …. https://…/api/v1/relations/id. Retrieved 2026-12-02.</c> A summary is
    /// said to be IomGraph's words and is never put in quotation marks (<see cref="CitationWords.Describe"/>).
    /// </summary>
    public static string Text(
        Relation relation, string sentence, IReadOnlyList<(Citation Citation, Source? Source)> citations, string graphVersion, DateOnly retrieved, string url)
    {
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentNullException.ThrowIfNull(citations);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"IomGraph (graph version {graphVersion}), relation \"{relation.Id}\": \"{sentence}\"")
            .Append(CultureInfo.InvariantCulture, $" Confidence: {ConfidenceName(relation.Confidence)}.");
        if (citations.Count > 0)
        {
            text.Append(" Sources:");
        }

        for (var i = 0; i < citations.Count; i++)
        {
            var (citation, source) = citations[i];
            text.Append(CultureInfo.InvariantCulture, $" [{i + 1}] ").Append(Reference(citation, source));
            if (citation.Locator is { } locator)
            {
                text.Append(", ").Append(locator);
            }

            text.Append(". ").Append(Sentence(CitationWords.Describe(citation)));
            if (source?.Url is { } sourceUrl)
            {
                text.Append(' ').Append(sourceUrl).Append('.');
            }
        }

        return text.Append(' ').Append(url).Append(CultureInfo.InvariantCulture, $". Retrieved {retrieved:yyyy-MM-dd}.").ToString();
    }

    /// <summary>Ends the text with one full stop: none after a quotation that ends its own sentence ("….”").</summary>
    private static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.EndsWith('.') || trimmed.EndsWith('?') || trimmed.EndsWith('!')
            || trimmed.EndsWith(".”", StringComparison.Ordinal) || trimmed.EndsWith("?”", StringComparison.Ordinal) || trimmed.EndsWith("!”", StringComparison.Ordinal)
            ? trimmed
            : trimmed + ".";
    }

    private static CitedSourceResponse Cited(Citation citation, Source? source)
    {
        var kinds = new List<CitationTextKind>(3);
        if (citation.Quote is not null)
        {
            kinds.Add(CitationTextKind.Quote);
        }

        if (citation.Summary is not null)
        {
            kinds.Add(CitationTextKind.Summary);
        }

        if (citation.Record is not null)
        {
            kinds.Add(CitationTextKind.Record);
        }

        return new CitedSourceResponse(
            citation.SourceId,
            source?.Title ?? citation.SourceId,
            source?.Kind ?? SourceKind.Secondary,
            source?.Author,
            source?.Year,
            source?.Published,
            source?.Publisher,
            source?.Container,
            source?.Symbols ?? [],
            source?.Doi,
            source?.Url,
            citation.Locator,
            kinds,
            citation.Quote,
            citation.Summary,
            citation.Record is null ? null : DatasetRowResponse.Of(citation.Record),
            $"/api/v1/sources/{citation.SourceId}");
    }

    /// <summary>"Author, Title (published)", the parts known; the symbols after the title when the title lacks them.</summary>
    private static string Reference(Citation citation, Source? source)
    {
        if (source is null)
        {
            return citation.SourceId;
        }

        var parts = new StringBuilder();
        if (source.Author is { } author)
        {
            parts.Append(author).Append(", ");
        }

        parts.Append(source.Title);
        var symbols = source.Symbols.Where(s => !source.Title.Contains(s, StringComparison.Ordinal)).ToList();
        if (symbols.Count > 0)
        {
            parts.Append(", ").AppendJoin(", ", symbols);
        }

        if (source.Container is { } container)
        {
            parts.Append(", ").Append(container);
        }

        if (CslJson.IssuedOf(source) is { } issued)
        {
            parts.Append(" (").Append(issued.ToString()).Append(')');
        }

        return parts.ToString();
    }

    private static string ConfidenceName(Confidence confidence) =>
        System.Text.Json.JsonSerializer.SerializeToElement(confidence, GraphJson.Options).GetString() ?? confidence.ToString().ToLowerInvariant();
}
