using IomGraph.Api.Contracts;
using IomGraph.Core.Model;

namespace IomGraph.Api.Citations;

/// <summary>A source as CSL-JSON, and IomGraph itself as a dataset to cite.</summary>
public static class CslJson
{
    public const string MediaType = "application/vnd.citationstyles.csl+json";

    /// <summary>
    /// The CSL type of a source: a dataset is "dataset"; news "article-newspaper"; a DOI in a journal "article-journal";
    /// a document with symbols "report" (the symbols are its number); another primary document "document"; otherwise
    /// "webpage" when it can be read online, else "document".
    /// </summary>
    public static string TypeOf(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source switch
        {
            { Kind: SourceKind.Dataset } => "dataset",
            { Kind: SourceKind.News } => "article-newspaper",
            { Doi: not null, Container: not null } => "article-journal",
            { Symbols.Count: > 0 } => "report",
            { Kind: SourceKind.PrimaryDocument } => "document",
            { Url: not null } => "webpage",
            _ => "document",
        };
    }

    public static CslItem Of(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var authors = Authors.Parse(source.Author);
        return new CslItem(source.Id, TypeOf(source), source.Title)
        {
            Author = authors.Count == 0 ? null : authors.Select(a => a.IsPerson ? new CslName { Family = a.Family, Given = a.Given } : new CslName { Literal = a.Literal }).ToList(),
            Publisher = source.Publisher,
            ContainerTitle = source.Container,
            Issued = IssuedOf(source) is { } issued ? CslDate.Of(issued) : null,
            Number = source.Symbols.Count == 0 ? null : string.Join(", ", source.Symbols),
            Url = source.Url,
            Doi = source.Doi,

            // The source's note is the curators' working note: it stays out of a reader's bibliography.
        };
    }

    /// <summary>IomGraph itself, as a dataset at a version, read on a day at the address of what was read.</summary>
    public static CslItem IomGraph(string id, string graphVersion, string url, DateOnly accessed, string? note) =>
        new(id, "dataset", "IomGraph")
        {
            Version = graphVersion,
            Url = url,
            Accessed = CslDate.Of(accessed),
            Note = note,
        };

    /// <summary>When the source was published, at its precision: <see cref="Source.Published"/>, else <see cref="Source.Year"/>.</summary>
    public static PartialDate? IssuedOf(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Published ?? (source.Year is { } year ? PartialDate.OfYear(year) : null);
    }
}

/// <summary>One author of a source: a person (family and given names) or an organisation (a literal name).</summary>
public sealed record Author(string? Family, string? Given, string? Literal)
{
    public bool IsPerson => Literal is null;
}

/// <summary>
/// Reads a source's author field: people as "Family, Given", several separated by "; "; an organisation as its name.
/// A "; " inside parentheses does not separate ("IOM (Moscow; Cyprus)"). A part is a person only when it is one
/// family name (at most three words) and given names, a comma between, and neither has parentheses or digits;
/// anything else is an organisation's name, kept whole.
/// </summary>
public static class Authors
{
    public static IReadOnlyList<Author> Parse(string? author)
    {
        if (string.IsNullOrWhiteSpace(author))
        {
            return [];
        }

        return [.. Split(author).Select(p => p.Trim()).Where(p => p.Length > 0).Select(One)];
    }

    private static Author One(string part)
    {
        var comma = part.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && part.IndexOf(',', comma + 1) < 0)
        {
            var family = part[..comma].Trim();
            var given = part[(comma + 1)..].Trim();
            if (given.Length > 0 && IsName(family) && IsName(given) && family.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3)
            {
                return new Author(family, given, null);
            }
        }

        return new Author(null, null, part);
    }

    private static bool IsName(string text) => text.Length > 0 && !text.Any(c => c is '(' or ')' || char.IsDigit(c));

    /// <summary>Splits on ";" outside parentheses.</summary>
    private static IEnumerable<string> Split(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ';' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..];
    }
}
