using System.Globalization;
using System.Text;
using IomGraph.Core.Model;

namespace IomGraph.Api.Citations;

/// <summary>
/// A source as a BibTeX entry, for LaTeX (BibTeX, biblatex) and Zotero: the key is the source's id; a journal article
/// is @article, a document with symbols @techreport, a page that can be read online @online, anything else @misc.
/// Values are in braces with BibTeX's special characters escaped; an organisation's name as author is in a second pair
/// of braces, so that it is not split into names at "and" or at its last word; titles are braced whole, so that styles
/// keep their capitals.
/// </summary>
public static class BibTex
{
    public const string MediaType = "application/x-bibtex";

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static string EntryTypeOf(Source source) => CslJson.TypeOf(source) switch
    {
        "article-journal" => "article",
        "article-newspaper" when source.Container is not null => "article",
        "report" => "techreport",
        "webpage" => "online",
        _ => "misc",
    };

    /// <summary>The entries of the sources, one after another, each followed by a blank line.</summary>
    public static string Of(IEnumerable<Source> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var text = new StringBuilder();
        foreach (var source in sources)
        {
            text.Append(Of(source)).Append('\n');
        }

        return text.ToString();
    }

    public static string Of(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var type = EntryTypeOf(source);
        var fields = new List<(string Name, string Value)>();
        if (Authors.Parse(source.Author) is { Count: > 0 } authors)
        {
            fields.Add(("author", string.Join(" and ", authors.Select(a => a.IsPerson ? $"{Escape(a.Family!)}, {Escape(a.Given!)}" : $"{{{Escape(a.Literal!)}}}"))));
        }

        fields.Add(("title", $"{{{Escape(source.Title)}}}"));
        if (source.Container is { } container)
        {
            fields.Add((type == "article" ? "journal" : "howpublished", Escape(container)));
        }

        if (source.Publisher is { } publisher)
        {
            fields.Add((type == "techreport" ? "institution" : "publisher", Escape(publisher)));
        }
        else if (type == "techreport" && source.Author is { } issuer)
        {
            // BibTeX requires an institution for a report: the issuing body is its author.
            fields.Add(("institution", Escape(issuer)));
        }

        if (CslJson.IssuedOf(source) is { } issued)
        {
            fields.Add(("year", issued.Year.ToString(CultureInfo.InvariantCulture)));
            if (issued.Month is { } month)
            {
                fields.Add(("month", Months[month - 1]));
            }

            fields.Add(("date", issued.ToString()));
        }

        if (source.Symbols.Count > 0)
        {
            fields.Add(("number", Escape(string.Join(", ", source.Symbols))));
        }

        if (source.Doi is { } doi)
        {
            fields.Add(("doi", Verbatim(doi)));
        }

        if (source.Url is { } url)
        {
            fields.Add(("url", Verbatim(url)));
        }

        // The source's note is the curators' working note: many styles print 'note', so it stays out of the entry.
        var entry = new StringBuilder().Append('@').Append(type).Append('{').Append(source.Id).Append(",\n");
        foreach (var (name, value) in fields)
        {
            // A month is a macro (jan, feb, ...), written bare; every other value is braced.
            entry.Append("  ").Append(name).Append(" = ").Append(name == "month" ? value : $"{{{value}}}").Append(",\n");
        }

        return entry.Append("}\n").ToString();
    }

    /// <summary>Escapes what BibTeX and LaTeX read as markup: braces, backslash, and # $ % &amp; _ ^ ~.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => escaped.Append(@"\textbackslash{}"),
                '{' or '}' or '#' or '$' or '%' or '&' or '_' => escaped.Append('\\').Append(c),
                '^' => escaped.Append(@"\textasciicircum{}"),
                '~' => escaped.Append(@"\textasciitilde{}"),
                '\r' or '\n' or '\t' => escaped.Append(' '),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    /// <summary>A URL or DOI, which LaTeX's url package reads verbatim: only what would unbalance the braces is encoded.</summary>
    public static string Verbatim(string text) =>
        text.Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal).Replace("\\", "%5C", StringComparison.Ordinal);
}
