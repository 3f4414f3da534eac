using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Core.Tests;

public class VocabularyTests
{
    [Fact]
    public void Every_relation_type_is_documented_once()
    {
        Assert.Equal(Enum.GetValues<RelationType>().Length, RelationTypes.All.Count);
        Assert.All(RelationTypes.All, t =>
        {
            Assert.Matches("^[A-Z]+(_[A-Z]+)*$", t.Name);
            Assert.False(string.IsNullOrWhiteSpace(t.Description));
            Assert.False(string.IsNullOrWhiteSpace(t.InverseLabel));
            Assert.Contains("{from}", t.Template, StringComparison.Ordinal);
            Assert.Contains("{to}", t.Template, StringComparison.Ordinal);
            Assert.NotEmpty(t.FromKinds);
            Assert.NotEmpty(t.ToKinds);
        });
    }

    [Fact]
    public void Every_actor_kind_is_documented_once()
    {
        Assert.Equal(Enum.GetValues<ActorKind>().Length, ActorKinds.All.Count);
        Assert.All(ActorKinds.All, k => Assert.Matches("^[a-z]+(-[a-z]+)*$", k.Name));
    }

    [Theory]
    [InlineData("MEMBER_OF", RelationType.MemberOf)]
    [InlineData("member_of", RelationType.MemberOf)]
    [InlineData("EMPHASISES", RelationType.Emphasises)]
    [InlineData("ACCOUNTABLE_TO", RelationType.AccountableTo)]
    public void Relation_types_are_read_by_their_wire_name_ignoring_case(string name, RelationType expected)
    {
        Assert.True(RelationTypes.TryParse(name, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("MemberOf")]
    [InlineData("MEMBER OF")]
    [InlineData("0")]
    [InlineData("KNOWS")]
    [InlineData("")]
    public void Anything_else_is_not_a_relation_type(string name)
    {
        Assert.False(RelationTypes.TryParse(name, out _));
    }

    [Fact]
    public void Emphasises_connects_an_actor_to_a_value_only()
    {
        var info = RelationTypes.Get(RelationType.Emphasises);

        Assert.True(info.Allows(ActorKind.UnEntity, ActorKind.Value));
        Assert.False(info.Allows(ActorKind.UnEntity, ActorKind.State));
        Assert.False(info.Allows(ActorKind.Value, ActorKind.Value));
    }

    [Fact]
    public void A_sentence_names_both_ends_the_role_and_the_period()
    {
        var relation = new Relation("iom.member-of.gmg", "iom", "global-migration-group", RelationType.MemberOf, Confidence.High, [new Citation("s", "q")],
            PartialDate.Parse("2006"), PartialDate.Parse("2018"));
        var iom = new ActorRef("iom", "International Organization for Migration", ActorKind.IntergovernmentalOrganisation, "IOM");
        var gmg = new ActorRef("global-migration-group", "Global Migration Group", ActorKind.InterAgencyGroup, "the Global Migration Group");

        Assert.Equal("IOM is a member of the Global Migration Group (2006–2018).", RelationSentence.Render(relation, iom, gmg));
        Assert.Equal(
            "IOM is a member of the Global Migration Group, as founding member (2006–2018).",
            RelationSentence.Render(relation with { Role = "founding member" }, iom, gmg));
    }

    [Theory]
    [InlineData(RelationType.MemberOf, "2018", null, "The UN is a member of the UN (since 2018).")]
    [InlineData(RelationType.Established, "2006", null, "The UN established the UN (2006).")]
    [InlineData(RelationType.Chairs, "2017-01-01", "2017-12-31", "The UN chairs the UN (2017-01-01–2017-12-31).")]
    [InlineData(RelationType.Chairs, "2017", "2017", "The UN chairs the UN (2017).")]
    [InlineData(RelationType.Leads, null, "2004", "The UN leads the UN (until 2004).")]
    [InlineData(RelationType.Leads, null, null, "The UN leads the UN.")]
    public void A_sentence_says_the_period_as_a_reader_would(RelationType type, string? start, string? end, string expected)
    {
        var un = new ActorRef("un", "United Nations", ActorKind.IntergovernmentalOrganisation, "the UN");
        var relation = new Relation("r", "un", "un", type, Confidence.High, [new Citation("s", "q")],
            start is null ? null : PartialDate.Parse(start), end is null ? null : PartialDate.Parse(end));

        Assert.Equal(expected, RelationSentence.Render(relation, un, un));
    }
}
