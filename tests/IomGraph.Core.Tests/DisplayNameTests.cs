using IomGraph.Core.Model;

namespace IomGraph.Core.Tests;

public sealed class DisplayNameTests
{
    [Theory]
    [InlineData("United Nations", "the United Nations", "UN", "UN")]
    [InlineData("Global Migration Group", "the Global Migration Group", null, "Global Migration Group")]
    [InlineData("International Organization for Migration", "IOM", null, "IOM")]
    [InlineData("Switzerland", null, null, "Switzerland")]
    [InlineData("Switzerland", " ", "", "Switzerland")]
    [InlineData("The Hague Process", "The Hague Process", null, "The Hague Process")]
    [InlineData("Theory Group", "theory group", null, "theory group")]
    [InlineData("An odd label", "the ", null, "An odd label")]
    public void The_short_name_is_the_curated_one_else_the_label_without_its_article_else_the_name(string name, string? label, string? shortName, string expected)
    {
        var actor = new Actor("a", name, ActorKind.IntergovernmentalOrganisation, label, shortName);

        Assert.Equal(expected, actor.DisplayShortName);
        Assert.Equal(expected, ActorRef.Of(actor).DisplayShortName);
    }

    [Fact]
    public void An_actor_ref_keeps_the_curated_short_name()
    {
        var actor = new Actor("gcm", "Global Compact for Safe, Orderly and Regular Migration", ActorKind.PolicyFramework, "the Global Compact for Migration", "Global Compact for Migration");

        Assert.Equal(new ActorRef("gcm", actor.Name, ActorKind.PolicyFramework, actor.Label, "Global Compact for Migration"), ActorRef.Of(actor));
    }

    [Fact]
    public void A_short_name_is_written_after_the_label_and_only_when_set()
    {
        var curated = new Actor("un", "United Nations", ActorKind.IntergovernmentalOrganisation, "the United Nations", "UN");
        var plain = curated with { ShortName = null };

        Assert.Equal(
            """{"id":"un","name":"United Nations","kind":"intergovernmental-organisation","label":"the United Nations","shortName":"UN","aliases":[]}""",
            System.Text.Json.JsonSerializer.Serialize(curated, GraphJson.Options));
        Assert.DoesNotContain("shortName", System.Text.Json.JsonSerializer.Serialize(plain, GraphJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void Plural_is_written_only_when_true_and_read_back_missing_as_false()
    {
        var commissions = new Actor("un-regional-commissions", "United Nations Regional Commissions", ActorKind.UnEntity, "the UN Regional Commissions") { Plural = true };
        var un = commissions with { Id = "un", Plural = false };

        var written = System.Text.Json.JsonSerializer.Serialize(commissions, GraphJson.Options);

        Assert.EndsWith(""","aliases":[],"plural":true}""", written, StringComparison.Ordinal);
        Assert.DoesNotContain("plural", System.Text.Json.JsonSerializer.Serialize(un, GraphJson.Options), StringComparison.Ordinal);
        Assert.DoesNotContain("plural", CanonicalJson.Encode(un).Json, StringComparison.Ordinal);
        Assert.True(System.Text.Json.JsonSerializer.Deserialize<Actor>(written, GraphJson.Options)!.Plural);
        Assert.False(System.Text.Json.JsonSerializer.Deserialize<Actor>("""{"id":"un","name":"United Nations","kind":"intergovernmental-organisation"}""", GraphJson.Options)!.Plural);
    }

    [Fact]
    public void An_actor_ref_says_whether_the_name_is_plural()
    {
        var commissions = new Actor("un-regional-commissions", "United Nations Regional Commissions", ActorKind.UnEntity) { Plural = true };

        Assert.True(ActorRef.Of(commissions).Plural);
        Assert.False(ActorRef.Of(commissions with { Plural = false }).Plural);
        Assert.False(new ActorRef("un", "United Nations", ActorKind.IntergovernmentalOrganisation).Plural);
    }
}
