using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IomGraph.Core.Model;

/// <summary>
/// A calendar date known to the year, the month or the day. It keeps its precision:
/// "2006" stays "2006" and is never widened to "2006-01-01" in what the API returns.
/// </summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public readonly record struct PartialDate : IComparable<PartialDate>
{
    private PartialDate(int year, int? month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }

    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    public static PartialDate OfYear(int year) => Create(year, null, null);
    public static PartialDate OfMonth(int year, int month) => Create(year, month, null);
    public static PartialDate OfDay(int year, int month, int day) => Create(year, month, day);

    private static PartialDate Create(int year, int? month, int? day) =>
        IsValid(year, month, day) ? new PartialDate(year, month, day) : throw new ArgumentOutOfRangeException(nameof(year), $"{year}-{month}-{day} is not a valid date.");

    private static bool IsValid(int year, int? month, int? day) =>
        year is >= 1 and <= 9999
        && (month is null || month is >= 1 and <= 12)
        && (day is null || (month is not null && day >= 1 && day <= DateTime.DaysInMonth(year, month.Value)));

    /// <summary>Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD". Anything else, or an impossible date, fails.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrEmpty(text) || text.Length is not (4 or 7 or 10))
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year))
        {
            return false;
        }

        int? month = null, day = null;
        if (text.Length >= 7)
        {
            if (text[4] != '-' || !TryDigits(text, 5, 2, out var m))
            {
                return false;
            }

            month = m;
        }

        if (text.Length == 10)
        {
            if (text[7] != '-' || !TryDigits(text, 8, 2, out var d))
            {
                return false;
            }

            day = d;
        }

        if (!IsValid(year, month, day))
        {
            return false;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.");

    private static bool TryDigits(string text, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>The first day the date can denote, as yyyymmdd: "2006" gives 20060101.</summary>
    public int LowerBound => (Year * 10000) + ((Month ?? 1) * 100) + (Day ?? 1);

    /// <summary>The last day the date can denote, as yyyymmdd: "2006" gives 20061231.</summary>
    public int UpperBound => (Year * 10000) + ((Month ?? 12) * 100) + (Day ?? DateTime.DaysInMonth(Year, Month ?? 12));

    /// <summary>Ordering by the first day denoted, then by precision (coarser first).</summary>
    public int CompareTo(PartialDate other)
    {
        var byLower = LowerBound.CompareTo(other.LowerBound);
        return byLower != 0 ? byLower : UpperBound.CompareTo(other.UpperBound) * -1;
    }

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
    };
}

public enum DatePrecision
{
    Year,
    Month,
    Day,
}

/// <summary>Reads and writes a <see cref="PartialDate"/> as its string form.</summary>
public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var year) && PartialDate.TryParse(year.ToString("D4", CultureInfo.InvariantCulture), out var y))
        {
            return y;
        }

        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return PartialDate.TryParse(text, out var date)
            ? date
            : throw new JsonException($"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.");
    }

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
