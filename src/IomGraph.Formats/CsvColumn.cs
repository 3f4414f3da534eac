namespace IomGraph.Formats;

/// <summary>
/// One column of a CSV file: its header name, whether a file must have it, how a row writes it and how a row reads it.
/// <see cref="CsvLayout"/> lists each file's columns once; the header, <see cref="CsvFormat"/>'s rows and
/// <see cref="CsvBundleReader"/>'s records all derive from that list, so a column is added in one place.
/// </summary>
/// <typeparam name="TItem">What a row is written from: the record, or for an edge the relation with its ends (its sentence names them).</typeparam>
/// <typeparam name="TRecord">What a row is read into.</typeparam>
/// <param name="Required">Whether a file without this column in its header cannot be read. Whether a cell may be empty is
/// <paramref name="Read"/>'s to say.</param>
/// <param name="Write">The cell's text; null for an empty cell.</param>
/// <param name="Read">The record with this column's cell read into it (<c>record with { ... }</c>), recording any problem
/// on the cell; null for a column that is written only, because it is derived (an edge's sentence).</param>
internal sealed record CsvColumn<TItem, TRecord>(
    string Name,
    bool Required,
    Func<TItem, ExportContext, string?> Write,
    Func<CsvCell, TRecord, TRecord>? Read);
