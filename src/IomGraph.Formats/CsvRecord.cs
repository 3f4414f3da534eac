namespace IomGraph.Formats;

/// <summary>One record of a CSV file: its number (the header is 1), its fields, and what was wrong with its syntax.</summary>
internal sealed record CsvRecord(int Row, IReadOnlyList<string> Fields, string? Error);
