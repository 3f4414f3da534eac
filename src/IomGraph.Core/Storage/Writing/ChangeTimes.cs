using System.Globalization;

namespace IomGraph.Core.Storage.Writing;

/// <summary>
/// The change log's clock, the same on every store: one time per write, in a fixed-width UTC text with every tick (so
/// text order is time order and a time reads back exactly), never before the last entry's (a clock stepped back takes
/// the last entry's time), so that the log is ordered by time as well as by sequence.
/// </summary>
public static class ChangeTimes
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The time of a write that starts <paramref name="now"/>, after a log whose last entry is at <paramref name="last"/>.</summary>
    public static DateTimeOffset Stamp(DateTimeOffset now, DateTimeOffset? last) => last is { } l && l > now ? l : now;
}
