using IomGraph.Core.Graphs;
using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Core.Tests;

public sealed class ProfileTests
{
    private static readonly Source Official = new("official", "Official page", SourceKind.PrimaryDocument, "IOM", 2020, "https://example.org/iom");
    private static readonly SentenceContext Context = new(new DateOnly(2026, 12, 1), id => id == Official.Id ? Official : null);

    private static readonly Actor Iom = new("iom", "International Organization for Migration", ActorKind.IntergovernmentalOrganisation, "IOM",
        Founded: PartialDate.Parse("1951-12-05"), Headquarters: "Geneva", Sources: [new Citation("official", "founded 1951", "p. 1")]);
    private static readonly ActorRef IomRef = ActorRef.Of(Iom);
    private static readonly ActorRef Gmg = new("global-migration-group", "Global Migration Group", ActorKind.InterAgencyGroup, "the Global Migration Group");
    private static readonly ActorRef Pope = new("amy-pope", "Amy E. Pope", ActorKind.Person);

    [Fact]
    public void A_profile_tells_what_the_actor_is_then_its_relations_in_a_fixed_order_with_numbered_footnotes()
    {
        var profile = Profiles.Build(Iom, [Member(IomRef, Gmg, "2006", "2018"), Leads(Pope, IomRef, "2023-10-01")], null, Context);

        Assert.Equal(["What it is", "Led by", "Belongs to and answers to"], profile.Sections.Select(s => s.Heading));
        Assert.Equal("IOM (International Organization for Migration) is an intergovernmental organisation, founded on 5 December 1951, with its headquarters in Geneva.", profile.Sections[0].Sentences[0].Text);
        Assert.Equal("Amy E. Pope has led IOM as its Director General since 1 October 2023.", profile.Sections[1].Sentences[0].Text);
        Assert.Equal("IOM was a member of the Global Migration Group from 2006 to 2018.", profile.Sections[2].Sentences[0].Text);

        // The actor's citation and the relations' shared citation are two footnotes, each numbered once.
        Assert.Equal([1], profile.Sections[0].Sentences[0].Footnotes);
        Assert.Equal([2], profile.Sections[1].Sentences[0].Footnotes);
        Assert.Equal([2], profile.Sections[2].Sentences[0].Footnotes);
        Assert.Equal([1, 2], profile.Footnotes.Select(f => f.Number));
        Assert.Equal("Official page", profile.Footnotes[1].Title);
    }

    [Fact]
    public void Many_members_of_one_kind_are_counted_in_one_sentence_and_how_many_still_are()
    {
        var states = Enumerable.Range(0, 25).Select(i => new ActorRef($"s{i:D2}", $"State {i}", ActorKind.State)).ToList();
        var memberships = states.Select((s, i) => Member(s, IomRef, "1990", i < 5 ? "2000" : null)).ToList();

        var now = Profiles.Build(Iom, memberships, null, Context);
        var then = Profiles.Build(Iom, memberships, PartialDate.Parse("1995"), Context);

        var members = Assert.Single(now.Sections.Single(s => s.Heading == "Members and parts").Sentences);
        Assert.Equal("IomGraph records 25 states as members of IOM; for 20 of them this still holds today.", members.Text);
        Assert.Equal(25, members.RelationIds.Count);
        Assert.Equal("In 1995, 25 states were members of IOM.", then.Sections.Single(s => s.Heading == "Members and parts").Sentences[0].Text);
    }

    [Fact]
    public void Leaders_are_always_told_one_by_one()
    {
        var leaders = Enumerable.Range(0, 25).Select(i => Leads(new ActorRef($"p{i:D2}", $"Person {i}", ActorKind.Person), IomRef, $"{1951 + i}")).ToList();

        var led = Profiles.Build(Iom, leaders, null, Context).Sections.Single(s => s.Heading == "Led by");

        Assert.Equal(25, led.Sentences.Count);
    }

    [Fact]
    public void The_markdown_has_the_sections_the_sentences_with_their_footnotes_and_the_sources()
    {
        var markdown = Profiles.ToMarkdown(Profiles.Build(Iom, [Leads(Pope, IomRef, "2023-10-01")], PartialDate.Parse("2024"), Context));

        Assert.StartsWith("# International Organization for Migration\n\nAs of 2024: only what held then.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n## Led by\n\n- Amy E. Pope has led IOM as its Director General since 1 October 2023.[^2]\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n[^1]: IOM, *Official page*, 2020, <https://example.org/iom>. Quoted: “founded 1951” (p. 1).\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dissolved_actor_is_told_in_the_past()
    {
        var gmg = new Actor("global-migration-group", "Global Migration Group", ActorKind.InterAgencyGroup, "the Global Migration Group",
            Founded: PartialDate.Parse("2006"), Dissolved: PartialDate.Parse("2018-12"));

        var profile = Profiles.Build(gmg, [], null, Context);

        Assert.Equal("The Global Migration Group was an inter-agency group or network, from 2006 to December 2018.", profile.Sections[0].Sentences[0].Text);
    }

    [Fact]
    public void A_kind_named_by_an_acronym_keeps_its_capitals_and_takes_the_article_it_is_read_with()
    {
        var unhcr = new Actor("unhcr", "Office of the United Nations High Commissioner for Refugees", ActorKind.UnEntity, "UNHCR");

        Assert.Equal("UNHCR (Office of the United Nations High Commissioner for Refugees) is a UN entity.", Profiles.Build(unhcr, [], null, Context).Sections[0].Sentences[0].Text);
    }

    private static RelationView Member(ActorRef from, ActorRef to, string start, string? end = null) => new(
        new Relation($"{from.Id}.member-of.{to.Id}", from.Id, to.Id, RelationType.MemberOf, Confidence.High, [new Citation("official", "members")],
            PartialDate.Parse(start), end is null ? null : PartialDate.Parse(end)),
        from,
        to);

    private static RelationView Leads(ActorRef from, ActorRef to, string start) => new(
        new Relation($"{from.Id}.leads.{to.Id}", from.Id, to.Id, RelationType.Leads, Confidence.High, [new Citation("official", "members")],
            PartialDate.Parse(start), Role: "Director General"),
        from,
        to);
}
