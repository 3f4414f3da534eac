namespace IomGraph.Formats;

/// <summary>One problem in an imported CSV file, located by file, row and column.</summary>
/// <param name="Row">The record's row as a spreadsheet shows it: the header is row 1, and a quoted line break does not
/// start a new row. 0 when the file as a whole is at fault (missing from a zip, too large, not a zip).</param>
/// <param name="Column">The column's name, or null when the whole row is at fault.</param>
public sealed record CsvError(string File, int Row, string? Column, string Message)
{
    public override string ToString() =>
        Column is null ? $"{File}, row {Row}: {Message}" : $"{File}, row {Row}, column '{Column}': {Message}";
}
