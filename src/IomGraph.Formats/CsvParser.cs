using System.Runtime.CompilerServices;
using System.Text;

namespace IomGraph.Formats;

/// <summary>
/// An RFC 4180 reader: fields separated by commas, records by CRLF (a bare LF or CR is accepted too), a quoted field
/// may hold commas, doubled quotes and line breaks. A record is what a spreadsheet shows as a row, so a quoted line
/// break does not start a new row number. It reads leniently where the meaning is clear (a quote inside an unquoted
/// field is a quote) and reports, without losing its place, where it is not (text after a closing quote, a quoted
/// field still open at the end of the file).
/// </summary>
internal static class CsvParser
{
    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    public static async IAsyncEnumerable<CsvRecord> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new char[16 * 1024];
        var fields = new List<string>();
        var field = new StringBuilder();
        var state = State.FieldStart;
        var row = 1;
        string? error = null;
        var skipLineFeed = false;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (skipLineFeed)
                {
                    skipLineFeed = false;
                    if (c == '\n')
                    {
                        continue;
                    }
                }

                var endsRecord = false;
                switch (state)
                {
                    case State.FieldStart when c == '"':
                        state = State.Quoted;
                        break;
                    case State.Quoted when c == '"':
                        state = State.QuoteInQuoted;
                        break;
                    case State.Quoted:
                        field.Append(c);
                        break;
                    case State.QuoteInQuoted when c == '"':
                        field.Append('"');
                        state = State.Quoted;
                        break;
                    case State.FieldStart or State.Unquoted or State.QuoteInQuoted when c == ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        state = State.FieldStart;
                        break;
                    case State.FieldStart or State.Unquoted or State.QuoteInQuoted when c is '\r' or '\n':
                        skipLineFeed = c == '\r';
                        endsRecord = true;
                        break;
                    case State.QuoteInQuoted:
                        error ??= $"Field {fields.Count + 1} has text after its closing quote; a quote inside a quoted field is written twice (\"\").";
                        field.Append(c);
                        state = State.Unquoted;
                        break;
                    default:
                        field.Append(c);
                        state = State.Unquoted;
                        break;
                }

                if (endsRecord)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return new CsvRecord(row++, [.. fields], error);
                    fields.Clear();
                    error = null;
                    state = State.FieldStart;
                }
            }
        }

        if (state == State.Quoted)
        {
            error ??= $"Field {fields.Count + 1} opens a quote that is not closed before the end of the file.";
        }

        if (fields.Count > 0 || field.Length > 0 || state != State.FieldStart || error is not null)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(row, [.. fields], error);
        }
    }
}
