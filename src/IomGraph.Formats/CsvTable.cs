using System.Text;

namespace IomGraph.Formats;

/// <summary>
/// One file of the CSV format, as its table of columns: the header and each row written, and the file read back. A
/// file is read by header name, in any order and case; unknown and repeated columns, missing required ones, and rows
/// of the wrong length are reported. Each row starts from <paramref name="blank"/> and each column reads its cell into
/// it, in the table's order; a row with a problem is reported and left out.
/// </summary>
internal sealed class CsvTable<TItem, TRecord>(string fileName, TRecord blank, IReadOnlyList<CsvColumn<TItem, TRecord>> columns)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly IReadOnlyList<string> _required = [.. columns.Where(c => c.Required).Select(c => c.Name)];

    public string FileName => fileName;

    public IReadOnlyList<CsvColumn<TItem, TRecord>> Columns => columns;

    /// <summary>The column names, in the order they are written.</summary>
    public IReadOnlyList<string> Header { get; } = [.. columns.Select(c => c.Name)];

    public string?[] Row(TItem item, ExportContext context)
    {
        var fields = new string?[columns.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = columns[i].Write(item, context);
        }

        return fields;
    }

    /// <summary>The records of every row that reads without a problem, each with its row; the problems go to <paramref name="errors"/>.</summary>
    public async Task<List<(int Row, TRecord Record)>> ReadAsync(Stream stream, List<CsvError> errors, CancellationToken cancellationToken)
    {
        var records = new List<(int Row, TRecord Record)>();
        using var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        Dictionary<string, int>? positions = null;
        await foreach (var record in CsvParser.ReadAsync(reader, cancellationToken))
        {
            if (record.Error is not null)
            {
                errors.Add(new CsvError(fileName, record.Row, null, record.Error));
                if (positions is null)
                {
                    return records;
                }

                continue;
            }

            if (positions is null)
            {
                positions = ReadHeader(record, errors);
                if (positions is null)
                {
                    return records;
                }

                continue;
            }

            if (record.Fields.All(f => f.Length == 0))
            {
                continue;
            }

            if (record.Fields.Count != positions.Count)
            {
                errors.Add(new CsvError(fileName, record.Row, null, $"The row has {record.Fields.Count} fields; the header has {positions.Count}."));
                continue;
            }

            var row = new CsvRow(fileName, record, positions, errors);
            var value = Read(row);
            if (!row.HasErrors)
            {
                records.Add((record.Row, value));
            }
        }

        if (positions is null)
        {
            errors.Add(new CsvError(fileName, 1, null, $"The file is empty; its first row must name the columns: {string.Join(",", Header)}."));
        }

        return records;
    }

    /// <summary>The column positions by canonical name, or null when rows cannot be read because a required column is missing.</summary>
    private Dictionary<string, int>? ReadHeader(CsvRecord header, List<CsvError> errors)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            var canonical = Header.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                errors.Add(new CsvError(fileName, 1, name, $"Unknown column; the columns are {string.Join(",", Header)}."));

                // Still counted, so that rows are checked against the header's length.
                positions[$"\0unknown{i}"] = i;
            }
            else if (!positions.TryAdd(canonical, i))
            {
                errors.Add(new CsvError(fileName, 1, canonical, "The column appears twice."));
                positions[$"\0duplicate{i}"] = i;
            }
        }

        var missing = _required.Where(r => !positions.ContainsKey(r)).ToList();
        foreach (var column in missing)
        {
            errors.Add(new CsvError(fileName, 1, column, "Required column is missing."));
        }

        return missing.Count == 0 ? positions : null;
    }

    /// <summary>Every column reads its cell, the absent ones too (as empty), so that a required value is reported wherever it is missing.</summary>
    private TRecord Read(CsvRow row)
    {
        var record = blank;
        foreach (var column in columns)
        {
            if (column.Read is { } read)
            {
                record = read(row.Cell(column.Name), record);
            }
        }

        return record;
    }
}
