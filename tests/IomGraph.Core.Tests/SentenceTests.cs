using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Core.Tests;

/// <summary>The sentence rules of <see cref="RelationSentence"/>, each as a journalist would read it.</summary>
public sealed class SentenceTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static readonly ActorRef Iom = new("iom", "International Organization for Migration", ActorKind.IntergovernmentalOrganisation, "IOM");
    private static readonly ActorRef Gmg = new("global-migration-group", "Global Migration Group", ActorKind.InterAgencyGroup, "the Global Migration Group");
    private static readonly ActorRef Uk = new("gbr", "United Kingdom", ActorKind.State, "the United Kingdom");
    private static readonly ActorRef Commissions = new("un-regional-commissions", "United Nations Regional Commissions", ActorKind.UnEntity, "the UN Regional Commissions", Plural: true);
    private static readonly ActorRef Pope = new("amy-pope", "Amy E. Pope", ActorKind.Person);
    private static readonly ActorRef Usa = new("usa", "United States of America", ActorKind.State, "the United States");
    private static readonly ActorRef Brussels = new("brussels-migration-conference-1951", "Brussels Migration Conference (1951)", ActorKind.Event, "the 1951 Brussels migration conference");
    private static readonly ActorRef Values = new("national-interests", "National economic and security interests", ActorKind.Value, "national economic and security interests");
    private static readonly ActorRef Council = new("iom-council", "IOM Council", ActorKind.GoverningBody, "the IOM Council");

    private static readonly Source Noborder = new("noborder", "The IOM", SourceKind.Perspective, "Noborder Network", Attribution: "the Noborder Network");
    private static readonly Source Official = new("official", "Official page", SourceKind.PrimaryDocument, "IOM");
    private static readonly Source Blog = new("blog", "New DG at IOM", SourceKind.Secondary, "Global Administrative Law", Attribution: "the Global Administrative Law blog");

    [Theory]
    [InlineData("1965", "1968", "The United Kingdom was a member of IOM from 1965 to 1968.")]
    [InlineData("1951", null, "The United Kingdom has been a member of IOM since 1951.")]
    [InlineData("2002-04", null, "The United Kingdom has been a member of IOM since April 2002.")]
    [InlineData(null, "2005", "The United Kingdom was a member of IOM until 2005.")]
    [InlineData("2024", "2030", "The United Kingdom has been a member of IOM since 2024, until 2030.")]
    [InlineData(null, "2030-06", "The United Kingdom is a member of IOM until June 2030.")]
    [InlineData("2027", "2030", "The United Kingdom is a member of IOM from 2027 to 2030.")]
    [InlineData(null, null, "IomGraph records the United Kingdom as a member of IOM, without dates.")]
    public void A_state_is_told_in_the_tense_its_period_gives(string? start, string? end, string expected) =>
        Assert.Equal(expected, Say(Uk, Iom, RelationType.MemberOf, start, end));

    [Theory]
    [InlineData("2006-05-09", "2006-06", "UNCTAD chaired the Global Migration Group from 9 May to June 2006.")]
    [InlineData("2007-01", "2007-06", "UNCTAD chaired the Global Migration Group from January to June 2007.")]
    [InlineData("2006-05-09", "2006-05-20", "UNCTAD chaired the Global Migration Group from 9 to 20 May 2006.")]
    [InlineData("2006-05", "2007", "UNCTAD chaired the Global Migration Group from May 2006 to 2007.")]
    [InlineData("2009-06", "2009-06", "UNCTAD chaired the Global Migration Group in June 2009.")]
    [InlineData("2017-01-01", "2017-12-31", "UNCTAD chaired the Global Migration Group throughout 2017.")]
    [InlineData("2017-03-01", "2017-03-31", "UNCTAD chaired the Global Migration Group throughout March 2017.")]
    [InlineData("2023-10-01", null, "UNCTAD has chaired the Global Migration Group since 1 October 2023.")]
    public void Dates_are_said_in_words_at_their_own_precision(string start, string? end, string expected)
    {
        var unctad = new ActorRef("unctad", "United Nations Conference on Trade and Development", ActorKind.UnEntity, "UNCTAD");

        Assert.Equal(expected, Say(unctad, Gmg, RelationType.Chairs, start, end));
    }

    [Theory]
    [InlineData("1951-12-05", null, "The United States established IOM on 5 December 1951.")]
    [InlineData("1951-11-26", "1951-12-05", "The United States established IOM from 26 November to 5 December 1951.")]
    [InlineData("2017-12", null, "The United States established IOM in December 2017.")]
    [InlineData(null, null, "The United States established IOM.")]
    public void An_event_is_told_in_the_past_whatever_its_dates(string? start, string? end, string expected) =>
        Assert.Equal(expected, Say(Usa, Iom, RelationType.Established, start, end));

    [Fact]
    public void A_plural_subject_takes_a_plural_verb_in_every_tense()
    {
        Assert.Equal("The UN Regional Commissions chaired the Global Migration Group from January to June 2012.", Say(Commissions, Gmg, RelationType.Chairs, "2012-01", "2012-06"));
        Assert.Equal("The UN Regional Commissions have been members of the Global Migration Group since 2006.", Say(Commissions, Gmg, RelationType.MemberOf, "2006"));
        Assert.Equal("The UN Regional Commissions were members of the Global Migration Group from 2006 to 2018.", Say(Commissions, Gmg, RelationType.MemberOf, "2006", "2018"));
        Assert.Equal("IomGraph records the UN Regional Commissions as members of the Global Migration Group, without dates.", Say(Commissions, Gmg, RelationType.MemberOf));
    }

    [Theory]
    [InlineData(RelationType.MemberOf, "initial member", "The United Kingdom was an initial member of IOM from 2006 to 2018.")]
    [InlineData(RelationType.MemberOf, "Executive Committee member", "The United Kingdom was an Executive Committee member of IOM from 2006 to 2018.")]
    [InlineData(RelationType.NotMemberOf, "core group member", "The United Kingdom was not a core group member of IOM from 2006 to 2018.")]
    [InlineData(RelationType.Chairs, "co-chair", "The United Kingdom co-chaired IOM from 2006 to 2018.")]
    [InlineData(RelationType.Leads, "Director General", "The United Kingdom led IOM as its Director General from 2006 to 2018.")]
    [InlineData(RelationType.Funds, "largest bilateral donor", "The United Kingdom funded IOM as its largest bilateral donor from 2006 to 2018.")]
    [InlineData(RelationType.MemberOf, "West Germany (Federal Republic of Germany)", "The United Kingdom was a member of IOM as West Germany (Federal Republic of Germany) from 2006 to 2018.")]
    [InlineData(RelationType.ParticipatesIn, "observer", "The United Kingdom took part in IOM as an observer from 2006 to 2018.")]
    public void A_role_reads_with_its_article_or_in_place_of_the_noun_it_names(RelationType type, string role, string expected) =>
        Assert.Equal(expected, Say(Uk, Iom, type, "2006", "2018", role));

    [Fact]
    public void A_nomination_names_the_office()
    {
        Assert.Equal(
            "The United States nominated Amy E. Pope for the post of IOM Director General on 3 October 2022.",
            Say(Usa, Pope, RelationType.Nominated, "2022-10-03", role: "IOM Director General"));
    }

    [Fact]
    public void A_year_that_a_name_already_holds_is_not_repeated()
    {
        Assert.Equal("The United States took part in the 1951 Brussels migration conference.", Say(Usa, Brussels, RelationType.ParticipatesIn, "1951", "1951"));
        Assert.Equal("The United States took part in the 1951 Brussels migration conference in November 1951.", Say(Usa, Brussels, RelationType.ParticipatesIn, "1951-11", "1951-11"));
    }

    [Fact]
    public void A_decision_says_when_it_was_taken_before_what_it_decided()
    {
        Assert.Equal("The IOM Council decided in 2000 that IOM shall take the lead.", Say(Council, Iom, RelationType.Mandates, "2000", sources: [Official], confidence: Confidence.High));
    }

    [Fact]
    public void A_claim_resting_only_on_a_perspective_names_who_says_it()
    {
        Assert.Equal(
            "According to the Noborder Network, IOM has emphasised national economic and security interests since 2001.",
            Say(Iom, Values, RelationType.Emphasises, "2001", sources: [Noborder], confidence: Confidence.Medium));
    }

    [Fact]
    public void A_claim_the_graph_rates_low_names_who_says_it_even_beside_an_official_source()
    {
        Assert.Equal(
            "According to the Noborder Network, the IOM Council decided in 2000 that IOM shall take the lead.",
            Say(Council, Iom, RelationType.Mandates, "2000", sources: [Official, Noborder], confidence: Confidence.Low));
        Assert.Equal(
            "According to the Global Administrative Law blog, the United Kingdom was a member of IOM from 1965 to 1968.",
            Say(Uk, Iom, RelationType.MemberOf, "1965", "1968", sources: [Official, Blog], confidence: Confidence.Low));
    }

    [Fact]
    public void A_claim_the_graph_rates_low_that_no_source_is_named_as_saying_is_told_as_unconfirmed()
    {
        Assert.Equal(
            "Unconfirmed: The United Kingdom was a member of IOM from 1965 to 1968.",
            Say(Uk, Iom, RelationType.MemberOf, "1965", "1968", sources: [Official], confidence: Confidence.Low));
        Assert.Equal(
            "IomGraph records Amy E. Pope as leading IOM as its Director, without dates, unconfirmed.",
            Say(Pope, Iom, RelationType.Leads, role: "Director", sources: [Official], confidence: Confidence.Low));
    }

    [Fact]
    public void A_perspective_undated_claim_is_told_as_the_perspective_tells_it_and_a_low_one_as_merely_recorded()
    {
        Assert.Equal(
            "According to the Noborder Network, the United States prefers national economic and security interests.",
            Say(Usa, Values, RelationType.Prefers, sources: [Noborder], confidence: Confidence.Low));
        Assert.Equal(
            "IomGraph records Amy E. Pope as leading IOM as its Director, without dates, according to the Global Administrative Law blog.",
            Say(Pope, Iom, RelationType.Leads, role: "Director", sources: [Blog], confidence: Confidence.Low));
    }

    [Fact]
    public void A_perspective_corroborated_by_another_source_is_stated_plainly()
    {
        Assert.Equal(
            "IOM has emphasised national economic and security interests since 2001.",
            Say(Iom, Values, RelationType.Emphasises, "2001", sources: [Noborder, Official], confidence: Confidence.Medium));
    }

    [Theory]
    [MemberData(nameof(EveryType))]
    public void Every_type_is_told_in_each_kind_of_period_as_a_whole_sentence(RelationType type)
    {
        foreach (var (start, end) in new (string?, string?)[] { ("1990", "2000"), ("2001", null), (null, null), ("1999-03-04", "1999-03-04") })
        {
            var sentence = Say(Uk, Iom, type, start, end, role: type == RelationType.Nominated ? "IOM Director General" : null);
            Assert.True(sentence.StartsWith("The United Kingdom ", StringComparison.Ordinal) || sentence.StartsWith("IomGraph records the United Kingdom ", StringComparison.Ordinal), sentence);
            Assert.Contains(" IOM", sentence, StringComparison.Ordinal);
            Assert.EndsWith(".", sentence, StringComparison.Ordinal);
            Assert.DoesNotContain("{", sentence, StringComparison.Ordinal);
            Assert.DoesNotContain("  ", sentence, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\d{4}-\d{2}", sentence);
        }
    }

    public static TheoryData<RelationType> EveryType() => [.. Enum.GetValues<RelationType>()];

    [Fact]
    public void Date_words_say_each_precision()
    {
        Assert.Equal("in 2006", DateWords.At(PartialDate.Parse("2006")));
        Assert.Equal("in June 2007", DateWords.At(PartialDate.Parse("2007-06")));
        Assert.Equal("on 5 December 1951", DateWords.At(PartialDate.Parse("1951-12-05")));
        Assert.Equal("since 1 October 2023", DateWords.Since(PartialDate.Parse("2023-10-01")));
        Assert.Equal("from 2006 to June 2006", DateWords.Range(PartialDate.Parse("2006"), PartialDate.Parse("2006-06")));
    }

    private static string Say(
        ActorRef from, ActorRef to, RelationType type, string? start = null, string? end = null, string? role = null,
        Source[]? sources = null, Confidence confidence = Confidence.High)
    {
        var cited = sources ?? [Official];
        var relation = new Relation("r", from.Id, to.Id, type, confidence, [.. cited.Select(s => new Citation(s.Id, "q"))],
            start is null ? null : PartialDate.Parse(start), end is null ? null : PartialDate.Parse(end), role);
        var byId = cited.Append(Official).DistinctBy(s => s.Id).ToDictionary(s => s.Id);
        return RelationSentence.Render(new RelationView(relation, from, to), new SentenceContext(Today, id => byId.GetValueOrDefault(id)));
    }
}
