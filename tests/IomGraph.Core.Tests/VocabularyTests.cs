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
            Assert.All(Enum.GetValues<Tense>(), tense => Assert.Contains("{to}", t.Predicate.Say(tense, plural: false), StringComparison.Ordinal));
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
}
