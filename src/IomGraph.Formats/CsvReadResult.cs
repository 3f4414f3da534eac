using IomGraph.Core.Model;

namespace IomGraph.Formats;

/// <summary>
/// What <see cref="CsvBundleReader"/> read: the records of every row that parsed, and the problems of the rows that did
/// not. Import only when <see cref="Errors"/> is empty, and validate the bundle then (<c>BundleValidator</c>) as any
/// other import: the reader checks the syntax of each cell, not the rules between records.
/// </summary>
public sealed record CsvReadResult(GraphBundle Bundle, IReadOnlyList<CsvError> Errors)
{
    /// <summary>The row each record of <see cref="GraphBundle.Actors"/> came from, index for index, to locate a validation error.</summary>
    public IReadOnlyList<int> ActorRows { get; init; } = [];

    /// <summary>The row each record of <see cref="GraphBundle.Relations"/> came from.</summary>
    public IReadOnlyList<int> RelationRows { get; init; } = [];

    /// <summary>The row each record of <see cref="GraphBundle.Sources"/> came from.</summary>
    public IReadOnlyList<int> SourceRows { get; init; } = [];

    /// <summary>
    /// Where a record of <see cref="Bundle"/> came from, for a validation error: "relations[3]" gives "edges.csv row 5",
    /// as a spreadsheet shows it. Anything else is returned as it is.
    /// </summary>
    public string Locate(string record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var bracket = record.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0 || !record.EndsWith(']') || !int.TryParse(record.AsSpan(bracket + 1, record.Length - bracket - 2), out var index))
        {
            return record;
        }

        var (file, rows) = record[..bracket] switch
        {
            "actors" => (CsvLayout.Nodes.FileName, ActorRows),
            "relations" => (CsvLayout.Edges.FileName, RelationRows),
            "sources" => (CsvLayout.Sources.FileName, SourceRows),
            _ => (null, []),
        };
        return file is not null && index >= 0 && index < rows.Count ? $"{file} row {rows[index]}" : record;
    }
}
