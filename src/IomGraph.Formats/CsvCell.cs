using System.Globalization;
using System.Text.Json;
using IomGraph.Core.Model;

namespace IomGraph.Formats;

/// <summary>
/// One cell of a row being read, as a typed value: an empty cell, or an absent column, is an absent value, and each
/// problem is recorded against the cell's column (<see cref="CsvRow.Error"/>), which leaves the row out.
/// </summary>
internal readonly struct CsvCell(CsvRow row, string column)
{
    public delegate bool TryParse<T>(string? text, out T value);

    public void Error(string message) => row.Error(column, message);

    /// <summary>The cell as written, or null when the column is absent or the cell empty.</summary>
    public string? Text() => row.Text(column);

    /// <summary>The cell without surrounding whitespace, for identifiers, codes and dates.</summary>
    public string? Trimmed() => Text()?.Trim() is { Length: > 0 } text ? text : null;

    public string RequiredText()
    {
        if (Text() is { } text)
        {
            return text;
        }

        Error("A value is required.");
        return string.Empty;
    }

    public string Id() => Trimmed() ?? RequiredText();

    public T Enum<T>(TryParse<T> tryParse, string what, string expected)
        where T : struct
    {
        var text = Trimmed();
        if (text is null)
        {
            Error($"A value is required: {what}, one of {expected}.");
        }
        else if (tryParse(text, out var value))
        {
            return value;
        }
        else
        {
            Error($"'{text}' is not {what}; expected one of {expected}.");
        }

        return default;
    }

    public PartialDate? Date()
    {
        var text = Trimmed();
        if (text is null)
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }

        Error($"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.");
        return null;
    }

    /// <summary>"true" or "false" in any case; an empty cell, or no column, is false.</summary>
    public bool Flag()
    {
        var text = Trimmed();
        if (text is null || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Error($"'{text}' is not 'true' or 'false' (or empty, which is false).");
        return false;
    }

    public int? Year()
    {
        var text = Trimmed();
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return year;
        }

        Error($"'{text}' is not a year.");
        return null;
    }

    public T? Json<T>(string what)
        where T : class
    {
        var text = Trimmed();
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, CsvLayout.Json) ?? throw new JsonException("The cell holds null.");
        }
        catch (JsonException e)
        {
            Error($"The cell must hold {what}: {e.Message}");
            return null;
        }
    }

    public List<Citation>? Citations()
    {
        var citations = Json<List<Citation>>("a JSON array of {\"sourceId\", \"quote\" | \"summary\" | \"record\", \"locator\"} objects");
        if (citations is not null && citations.Any(c => c is null))
        {
            Error("The citations hold a null instead of an object.");
            return null;
        }

        return citations;
    }

    /// <summary>A list (aliases, document symbols) joined with "|" (spaces around each are dropped), or a JSON array of strings.</summary>
    public List<string> List()
    {
        var text = Trimmed();
        if (text is null)
        {
            return [];
        }

        return text.StartsWith('[')
            ? Json<List<string>>("names joined with \" | \", or a JSON array of strings") ?? []
            : [.. text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }
}
