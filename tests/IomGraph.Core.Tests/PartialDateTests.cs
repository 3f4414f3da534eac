using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Core.Tests;

public class PartialDateTests
{
    [Theory]
    [InlineData("2006", DatePrecision.Year)]
    [InlineData("2003-04", DatePrecision.Month)]
    [InlineData("1951-12-05", DatePrecision.Day)]
    public void Parsing_keeps_the_precision_given(string text, DatePrecision precision)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(precision, date.Precision);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2020-13-45")]
    [InlineData("2019-02-29")]
    [InlineData("2020-00")]
    [InlineData("0000")]
    [InlineData("20")]
    [InlineData("2020-1-1")]
    [InlineData("2020/01/01")]
    [InlineData("２０２０")]
    [InlineData(" 2020")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_or_impossible_dates_are_refused(string? text)
    {
        Assert.False(PartialDate.TryParse(text, out _));
    }

    [Fact]
    public void A_leap_day_is_a_real_date()
    {
        Assert.True(PartialDate.TryParse("2020-02-29", out var date));
        Assert.Equal(20200229, date.LowerBound);
    }

    [Fact]
    public void Bounds_span_every_day_the_date_can_denote()
    {
        Assert.Equal((20060101, 20061231), (PartialDate.Parse("2006").LowerBound, PartialDate.Parse("2006").UpperBound));
        Assert.Equal((20240201, 20240229), (PartialDate.Parse("2024-02").LowerBound, PartialDate.Parse("2024-02").UpperBound));
        Assert.Equal((19511205, 19511205), (PartialDate.Parse("1951-12-05").LowerBound, PartialDate.Parse("1951-12-05").UpperBound));
    }

    [Theory]
    [InlineData("2006", "2018", "2010", true)]
    [InlineData("2006", "2018", "2018-06", true)]
    [InlineData("2006", "2018", "2020", false)]
    [InlineData("2006", "2018", "2005", false)]
    [InlineData("2006-05-09", null, "2006", true)]
    [InlineData("2006-05-09", null, "2006-05-08", false)]
    [InlineData(null, "2004", "1990", true)]
    [InlineData(null, "2004", "2005", false)]
    [InlineData("2009-06", "2009-12", "2009", true)]
    [InlineData("2009-06", "2009-12", "2010-01", false)]
    public void A_dated_relation_holds_on_a_date_when_their_periods_overlap_whether_or_not_undated_ones_are_asked_for(string? start, string? end, string asOf, bool holds)
    {
        PartialDate? s = start is null ? null : PartialDate.Parse(start);
        PartialDate? e = end is null ? null : PartialDate.Parse(end);

        Assert.False(Validity.IsUndated(s, e));
        Assert.Equal(holds, Validity.Holds(s, e, PartialDate.Parse(asOf), includeUndated: false));
        Assert.Equal(holds, Validity.Holds(s, e, PartialDate.Parse(asOf), includeUndated: true));
    }

    [Theory]
    [InlineData("1900")]
    [InlineData("2024-02")]
    [InlineData("9999-12-31")]
    public void An_undated_relation_holds_on_no_date_unless_undated_relations_are_asked_for(string asOf)
    {
        Assert.True(Validity.IsUndated(null, null));
        Assert.False(Validity.Holds(null, null, PartialDate.Parse(asOf), includeUndated: false));
        Assert.True(Validity.Holds(null, null, PartialDate.Parse(asOf), includeUndated: true));
    }

    [Fact]
    public void Undated_relations_are_left_out_only_by_a_date_filter_that_did_not_ask_for_them()
    {
        Assert.True(Validity.ExcludesUndated(PartialDate.OfYear(2024), includeUndated: false));
        Assert.False(Validity.ExcludesUndated(PartialDate.OfYear(2024), includeUndated: true));
        Assert.False(Validity.ExcludesUndated(null, includeUndated: false));
        Assert.False(Validity.ExcludesUndated(null, includeUndated: true));
    }

    [Fact]
    public void Dates_order_by_their_first_day_then_coarser_first()
    {
        var dates = new[] { "2006-05-09", "2006", "2005-12", "2006-05" }.Select(PartialDate.Parse).Order().Select(d => d.ToString());

        Assert.Equal(["2005-12", "2006", "2006-05", "2006-05-09"], dates);
    }
}
