using System.Text;
using IomGraph.Core.Model;

namespace IomGraph.Core.Vocabulary;

/// <summary>
/// A citation's texts as a reader sees them, each marked for what it is: the source's own words in quotation marks,
/// a curator's summary said to be one, a dataset row as its dataset, row and values. Profiles and ready-made citations
/// use it, so that nothing but a quote is ever printed inside quotation marks.
/// </summary>
public static class CitationWords
{
    /// <summary>"Quoted: “…”. Summary: …. Record: …", the parts the citation has, in that order.</summary>
    public static string Describe(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        var parts = new List<string>(3);
        if (citation.Quote is { } quote)
        {
            parts.Add($"Quoted: “{quote}”");
        }

        if (citation.Summary is { } summary)
        {
            parts.Add($"Summary (IomGraph's words, not the source's): {summary.TrimEnd('.')}");
        }

        if (citation.Record is { } record)
        {
            parts.Add("Record: " + Record(record));
        }

        return string.Join(". ", parts);
    }

    /// <summary>"COW IGO v3.0, table state_year_formatv3, state 'australia', years 1951–1973: IOMig = 1 (full member)".</summary>
    public static string Record(DatasetRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var text = new StringBuilder(row.Dataset);
        if (row.Table is { } table)
        {
            text.Append(", table ").Append(table);
        }

        text.Append(", ").Append(row.Row).Append(": ");
        text.AppendJoin("; ", row.Values.Select(v => $"{v.Key} = {v.Value}"));
        return text.ToString();
    }
}
