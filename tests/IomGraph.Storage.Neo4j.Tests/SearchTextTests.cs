using System.Text;
using IomGraph.Storage.Neo4j.Internal;

namespace IomGraph.Storage.Neo4j.Tests;

public sealed class SearchTextTests
{
    [Fact]
    public void Names_are_joined_by_line_breaks_which_no_folded_name_or_query_holds()
    {
        var (text, isLong) = SearchText.For(["iom", "international organization for migration", "oim"]);

        Assert.Equal("iom\ninternational organization for migration\noim", text);
        Assert.Null(isLong);
        Assert.DoesNotContain('\n', IomGraph.Core.Model.TextFolding.Fold("a\nquery\r\nwith breaks"));
    }

    [Fact]
    public void Names_longer_together_than_an_index_key_go_without_search_text()
    {
        var fits = new string('a', SearchText.MaxBytes - 2);
        var accented = new string('é', SearchText.MaxBytes / 2); // two bytes each in UTF-8

        Assert.Equal((fits + "\nb", (bool?)null), SearchText.For([fits, "b"]));
        Assert.Equal((null, true), SearchText.For([fits, "bc"]));
        Assert.Equal(SearchText.MaxBytes, Encoding.UTF8.GetByteCount(accented));
        Assert.Equal((accented, (bool?)null), SearchText.For([accented]));
        Assert.Equal((null, true), SearchText.For([accented + "e"]));
    }

    [Theory]
    [InlineData("ab", false)]
    [InlineData("abc", true)]
    [InlineData("移民", false)]
    [InlineData("移民组", true)]
    [InlineData("😀😀", false)] // two characters in four UTF-16 units
    [InlineData("😀😀😀", true)]
    public void Queries_of_three_characters_or_more_go_through_the_index(string query, bool indexed) =>
        Assert.Equal(indexed, SearchText.IsIndexed(query));
}
