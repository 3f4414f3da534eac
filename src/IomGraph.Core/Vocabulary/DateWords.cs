using System.Globalization;
using IomGraph.Core.Model;

namespace IomGraph.Core.Vocabulary;

/// <summary>
/// Partial dates in words, at their own precision, as a reader expects them in a sentence: "in 2006", "in June 2007",
/// "on 5 December 1951", "from 9 May to June 2006", "since 1 October 2023". What a range shares is said once
/// ("from January to June 2007", "from 9 to 20 May 2006"). JSON keeps the ISO strings; only sentences use these.
/// </summary>
public static class DateWords
{
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>"2006", "June 2007", "5 December 1951".</summary>
    public static string Of(PartialDate date) => date.Precision switch
    {
        DatePrecision.Year => Year(date),
        DatePrecision.Month => $"{Months[date.Month!.Value - 1]} {Year(date)}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{date.Day} {Months[date.Month!.Value - 1]} {Year(date)}"),
    };

    /// <summary>"in 2006", "in June 2007", "on 5 December 1951".</summary>
    public static string At(PartialDate date) => (date.Precision == DatePrecision.Day ? "on " : "in ") + Of(date);

    /// <summary>"since 2018", "since 1 October 2023".</summary>
    public static string Since(PartialDate date) => "since " + Of(date);

    /// <summary>"until 2005", "until 30 September 2018".</summary>
    public static string Until(PartialDate date) => "until " + Of(date);

    /// <summary>
    /// "from 1965 to 1968", "from January to June 2007", "from 9 May to June 2006", "from 9 to 20 May 2006",
    /// "from May 2006 to 2007"; a range that starts and ends on the same date is <see cref="At"/> it.
    /// </summary>
    public static string Range(PartialDate start, PartialDate end)
    {
        if (start == end)
        {
            return At(start);
        }

        // A range that covers exactly one whole year or month is that year or month: "throughout 2017".
        if (start.Year == end.Year && start.LowerBound == PartialDate.OfYear(start.Year).LowerBound && end.UpperBound == PartialDate.OfYear(end.Year).UpperBound)
        {
            return "throughout " + Year(start);
        }

        if (start.Year == end.Year && start.Month is { } month && start.Month == end.Month
            && start.LowerBound == PartialDate.OfMonth(start.Year, month).LowerBound && end.UpperBound == PartialDate.OfMonth(start.Year, month).UpperBound)
        {
            return "throughout " + Of(PartialDate.OfMonth(start.Year, month));
        }

        if (start.Year != end.Year || start.Precision == DatePrecision.Year || end.Precision == DatePrecision.Year)
        {
            return $"from {Of(start)} to {Of(end)}";
        }

        // The same year, both with a month: the year is said once, and the month too when both days share it.
        if (start.Month == end.Month && start.Precision == DatePrecision.Day && end.Precision == DatePrecision.Day)
        {
            return string.Create(CultureInfo.InvariantCulture, $"from {start.Day} to {Of(end)}");
        }

        return $"from {WithoutYear(start)} to {Of(end)}";
    }

    private static string Year(PartialDate date) => date.Year.ToString(CultureInfo.InvariantCulture);

    private static string WithoutYear(PartialDate date) => date.Precision == DatePrecision.Day
        ? string.Create(CultureInfo.InvariantCulture, $"{date.Day} {Months[date.Month!.Value - 1]}")
        : Months[date.Month!.Value - 1];
}
