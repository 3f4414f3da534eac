using IomGraph.Core.Model;
using IomGraph.Core.Validation;

namespace IomGraph.Core.Tests;

public class ValidatorTests
{
    private static IEnumerable<string> Fails(GraphBundle bundle) =>
        new BundleValidator(ExistingRecords.None).Validate(bundle).Errors.Select(e => e.PropertyName);

    [Fact]
    public void A_sound_bundle_is_valid()
    {
        Assert.Empty(Fails(Build.Bundle()));
    }

    [Theory]
    [InlineData("IOM")]
    [InlineData("iom_x")]
    [InlineData("-iom")]
    [InlineData("iom--x")]
    [InlineData("")]
    [InlineData("a b")]
    public void Actor_ids_must_be_lowercase_slugs(string id)
    {
        var bundle = Build.Bundle() with { Actors = [Build.Actor(id), Build.Actor("global-migration-group", ActorKind.InterAgencyGroup)] };

        Assert.Contains("actors[0].id", Fails(bundle));
    }

    [Fact]
    public void Fields_are_named_as_on_the_wire_in_paths_and_in_messages_without_a_global_resolver()
    {
        Assert.Null(FluentValidation.ValidatorOptions.Global.DisplayNameResolver(typeof(Actor), typeof(Actor).GetProperty(nameof(Actor.ShortName)), null));
        var bundle = Build.Bundle() with { Actors = [Build.Actor("iom") with { ShortName = new string('x', 1000) }, Build.Actor("global-migration-group", ActorKind.InterAgencyGroup)] };

        var failure = Assert.Single(new BundleValidator(ExistingRecords.None).Validate(bundle).Errors);

        Assert.Equal("actors[0].shortName", failure.PropertyName);
        Assert.StartsWith("The length of 'shortName' must be 300 characters or fewer", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_needs_its_iso3_code_as_id()
    {
        var bundle = Build.Bundle() with { Actors = [.. Build.Bundle().Actors, Build.Actor("usa", ActorKind.State) with { Iso3 = "CHE" }] };
        var noIso = Build.Bundle() with { Actors = [.. Build.Bundle().Actors, Build.Actor("usa", ActorKind.State) with { Iso3 = null }] };

        Assert.Contains("actors[2].iso3", Fails(bundle));
        Assert.Contains("actors[2].iso3", Fails(noIso));
    }

    [Fact]
    public void An_actor_cannot_be_dissolved_before_it_was_founded()
    {
        var actor = Build.Actor() with { Founded = PartialDate.Parse("2006"), Dissolved = PartialDate.Parse("2005-12") };
        var sameYear = Build.Actor() with { Founded = PartialDate.Parse("2006-05"), Dissolved = PartialDate.Parse("2006") };

        Assert.Contains("actors[0].dissolved", Fails(Build.Bundle() with { Actors = [actor, Build.Actor("global-migration-group", ActorKind.InterAgencyGroup)] }));
        Assert.Empty(Fails(Build.Bundle() with { Actors = [sameYear, Build.Actor("global-migration-group", ActorKind.InterAgencyGroup)] }));
    }

    [Fact]
    public void A_short_name_may_be_as_long_as_a_label_and_no_longer()
    {
        var longest = new string('x', Limits.MaxName);

        Assert.Empty(Fails(Bundle(longest, longest)));
        Assert.Contains("actors[0].shortName", Fails(Bundle(longest, longest + "x")));
        Assert.Contains("actors[0].label", Fails(Bundle(longest + "x", longest)));

        static GraphBundle Bundle(string label, string shortName) =>
            Build.Bundle() with { Actors = [Build.Actor() with { Label = label, ShortName = shortName }, Build.Actor("global-migration-group", ActorKind.InterAgencyGroup)] };
    }

    [Fact]
    public void A_wikidata_id_must_look_like_a_qid()
    {
        var actor = Build.Actor() with { ExternalIds = new Dictionary<string, string> { ["wikidata"] = "1065" } };

        Assert.Contains("actors[0].externalIds", Fails(Build.Bundle() with { Actors = [actor, Build.Actor("global-migration-group", ActorKind.InterAgencyGroup)] }));
    }

    [Fact]
    public void A_relation_must_cite_a_source()
    {
        var bundle = Build.Bundle() with { Relations = [Build.Relation() with { Sources = [] }] };

        Assert.Contains("relations[0].sources", Fails(bundle));
    }

    [Fact]
    public void A_citation_needs_a_quote()
    {
        var bundle = Build.Bundle() with { Relations = [Build.Relation() with { Sources = [new Citation("un-ceb-gmg", " ")] }] };

        Assert.Contains("relations[0].sources[0].quote", Fails(bundle));
    }

    [Fact]
    public void A_relation_cannot_end_before_it_starts()
    {
        var bundle = Build.Bundle() with { Relations = [Build.Relation() with { Start = PartialDate.Parse("2018"), End = PartialDate.Parse("2006") }] };

        Assert.Contains("relations[0].end", Fails(bundle));
    }

    [Fact]
    public void Both_ends_of_a_relation_must_exist()
    {
        var bundle = Build.Bundle() with { Relations = [Build.Relation(from: "nobody", to: "nowhere")] };

        var fails = Fails(bundle).ToList();
        Assert.Contains("relations[0].from", fails);
        Assert.Contains("relations[0].to", fails);
    }

    [Fact]
    public void Ends_may_exist_in_the_store_rather_than_the_bundle()
    {
        var existing = new ExistingRecords(
            new Dictionary<string, ActorKind> { ["iom"] = ActorKind.IntergovernmentalOrganisation, ["global-migration-group"] = ActorKind.InterAgencyGroup },
            new HashSet<string> { "un-ceb-gmg" });
        var bundle = new GraphBundle { Relations = [Build.Relation()] };

        Assert.True(new BundleValidator(existing).Validate(bundle).IsValid);
    }

    [Fact]
    public void The_kinds_at_both_ends_must_be_ones_the_type_allows()
    {
        var bundle = Build.Bundle() with { Relations = [Build.Relation(type: RelationType.Emphasises)] };

        var error = Assert.Single(new BundleValidator(ExistingRecords.None).Validate(bundle).Errors);
        Assert.Equal("relations[0].type", error.PropertyName);
        Assert.Contains("EMPHASISES cannot connect", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_cited_source_must_exist()
    {
        var bundle = Build.Bundle() with { Relations = [Build.Relation(sourceId: "unknown-source")] };
        var actorCitation = Build.Bundle() with
        {
            Actors = [Build.Actor() with { Sources = [new Citation("unknown-source", "q")] }, Build.Actor("global-migration-group", ActorKind.InterAgencyGroup)],
        };

        Assert.Contains("relations[0].sources[0].sourceId", Fails(bundle));
        Assert.Contains("actors[0].sources[0].sourceId", Fails(actorCitation));
    }

    [Fact]
    public void Ids_are_unique_within_a_bundle()
    {
        var bundle = Build.Bundle() with { Relations = [Build.Relation(), Build.Relation()] };

        Assert.Contains("relations[1]", Fails(bundle));
    }

    [Fact]
    public void A_relation_connects_two_different_actors()
    {
        var bundle = Build.Bundle() with { Relations = [Build.Relation(to: "iom")] };

        Assert.Contains("relations[0].to", Fails(bundle));
    }

    [Theory]
    [InlineData("ftp://example.org/x")]
    [InlineData("not a url")]
    public void A_source_url_must_be_http(string url)
    {
        var bundle = Build.Bundle() with { Sources = [Build.Source() with { Url = url }] };

        Assert.Contains("sources[0].url", Fails(bundle));
    }
}
