using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Core.Tests;

public class TextFoldingTests
{
    [Theory]
    [InlineData("Côte d’Ivoire", "cote d'ivoire")]
    [InlineData("  Organisation   internationale pour les MIGRATIONS ", "organisation internationale pour les migrations")]
    [InlineData("Bosnia‐Herzegovina", "bosnia-herzegovina")]
    [InlineData("Ørsted Æble Straße", "orsted aeble strasse")]
    [InlineData("São Tomé", "sao tome")]
    public void Folding_ignores_case_accents_and_typographic_variants(string text, string folded)
    {
        Assert.Equal(folded, TextFolding.Fold(text));
    }

    [Fact]
    public void Exact_beats_prefix_beats_contains()
    {
        string[] names = ["unhcr", "office of the unhcr liaison"];

        Assert.Equal(MatchRank.Exact, TextFolding.Rank(names, "unhcr"));
        Assert.Equal(MatchRank.Prefix, TextFolding.Rank(names, "office"));
        Assert.Equal(MatchRank.Contains, TextFolding.Rank(names, "liaison"));
        Assert.Null(TextFolding.Rank(names, "ilo"));
    }

    [Fact]
    public void Actors_sort_by_their_folded_name_not_their_label_or_id()
    {
        var actor = new Actor("civ", "Côte d’Ivoire", ActorKind.State, "Ivory Coast");

        Assert.Equal("cote d'ivoire", TextFolding.SortKey(actor));
    }
}

public class ActorSearchTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    [InlineData("  CÔTE d’Ivoire ", "cote d'ivoire")]
    public void A_search_matches_its_folded_query(string? query, string folded)
    {
        Assert.Equal(folded, new ActorSearch(query, [], 10, null).FoldedQuery);
    }

    [Fact]
    public void Without_a_query_a_cursor_of_a_better_rank_starts_from_the_beginning()
    {
        var ranked = ActorCursor.After(MatchRank.Prefix, "international organization for migration", "iom");
        var unranked = ActorCursor.After(MatchRank.Unranked, "international organization for migration", "iom");

        Assert.Null(new ActorSearch(null, [], 10, ranked).StartAfter);
        Assert.Equal(unranked, new ActorSearch(null, [], 10, unranked).StartAfter);
        Assert.Equal(ranked, new ActorSearch("migration", [], 10, ranked).StartAfter);
    }
}

public class CursorTests
{
    [Fact]
    public void A_cursor_round_trips()
    {
        var text = Cursors.Encode(ActorCursor.After(MatchRank.Prefix, "international organization for migration", "iom"));

        Assert.True(Cursors.TryDecode<ActorCursor>(text, out var cursor));
        Assert.Equal(ActorCursor.After(MatchRank.Prefix, "international organization for migration", "iom"), cursor);
    }

    [Fact]
    public void A_search_cursor_carries_the_rank_as_its_number_and_refuses_an_unknown_one()
    {
        static string Cursor(string rank) =>
            System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes($$"""{"k":"actors","r":{{rank}},"s":"iom","i":"iom"}"""));

        Assert.Equal(Cursor("1"), Cursors.Encode(ActorCursor.After(MatchRank.Prefix, "iom", "iom")));
        Assert.True(Cursors.TryDecode<ActorCursor>(Cursor("3"), out var unranked));
        Assert.Equal(MatchRank.Unranked, unranked.Rank);
        Assert.False(Cursors.TryDecode<ActorCursor>(Cursor("4"), out _));
        Assert.False(Cursors.TryDecode<ActorCursor>(Cursor("\"exact\""), out _));
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("!!!")]
    [InlineData("eyJ4IjoxfQ")]
    [InlineData("")]
    public void Garbage_is_not_a_cursor(string text)
    {
        Assert.False(Cursors.TryDecode<ActorCursor>(text, out _));
        Assert.False(Cursors.TryDecode<RelationCursor>(text, out _));
    }

    [Fact]
    public void A_cursor_from_one_listing_is_refused_by_another()
    {
        var text = Cursors.Encode(RelationCursor.After(20060101, "iom.member-of.gmg"));

        Assert.False(Cursors.TryDecode<ActorCursor>(text, out _));
        Assert.False(Cursors.TryDecode<IdCursor>(text, out _));
        Assert.True(Cursors.TryDecode<RelationCursor>(text, out _));
    }
}
