namespace IomGraph.Formats;

/// <summary>RFC 4180 writing: CRLF after every row, a field quoted when it holds a comma, a quote, CR or LF, quotes doubled.</summary>
internal static class CsvText
{
    public const string LineEnd = "\r\n";

    public static string Row(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + LineEnd;

    public static string Field(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value
        : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
