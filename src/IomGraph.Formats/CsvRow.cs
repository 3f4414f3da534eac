namespace IomGraph.Formats;

/// <summary>One data row of a CSV file being read: its cells by column, and whether any has been found at fault.</summary>
internal sealed class CsvRow(string file, CsvRecord record, IReadOnlyDictionary<string, int> positions, List<CsvError> errors)
{
    public bool HasErrors { get; private set; }

    public CsvCell Cell(string column) => new(this, column);

    /// <summary>The cell as written, or null when the column is absent or the cell empty.</summary>
    public string? Text(string column) =>
        positions.TryGetValue(column, out var index) && record.Fields[index] is { Length: > 0 } text ? text : null;

    /// <summary>Records a problem against the column; the row is then left out.</summary>
    public void Error(string column, string message)
    {
        HasErrors = true;
        errors.Add(new CsvError(file, record.Row, column, message));
    }
}
