using IomGraph.Core.Graphs;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Validation;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Core.Tests;

/// <summary>
/// What a citation carries (a quote, a summary, a dataset row), what a source can be followed by, and relations known to
/// hold from a date whose start is unknown: the rules every input meets, and how sentences and dates read them.
/// </summary>
public sealed class CitationModelTests
{
    private static readonly DatasetRow CowRow = new(
        "COW IGO v3.0", "state 'australia', years 1951–1973", new Dictionary<string, string> { ["IOMig"] = "1" }, "state_year_formatv3");

    private static List<string> Errors(GraphBundle bundle) =>
        [.. new BundleValidator(ExistingRecords.None).Validate(bundle).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")];

    private static GraphBundle WithCitation(Citation citation) =>
        Build.Bundle() with { Relations = [Build.Relation() with { Sources = [citation] }] };

    private static GraphBundle WithRelation(Func<Relation, Relation> change) =>
        Build.Bundle() with { Relations = [change(Build.Relation())] };

    private static GraphBundle WithSource(Func<Source, Source> change) =>
        Build.Bundle() with { Sources = [change(Build.Source())] };

    [Fact]
    public void A_citation_may_give_a_quote_a_summary_or_a_record_and_must_give_one()
    {
        Assert.Empty(Errors(WithCitation(new Citation("un-ceb-gmg", "The GMG is an inter-agency group."))));
        Assert.Empty(Errors(WithCitation(new Citation("un-ceb-gmg") { Summary = "The CEB lists the GMG's chairs." })));
        Assert.Empty(Errors(WithCitation(new Citation("un-ceb-gmg") { Record = CowRow })));

        var none = Errors(WithCitation(new Citation("un-ceb-gmg", Locator: "p. 3")));

        Assert.Contains(none, e => e.StartsWith("relations[0].sources[0]", StringComparison.Ordinal) && e.Contains("'quote'", StringComparison.Ordinal) && e.Contains("'summary'", StringComparison.Ordinal) && e.Contains("'record'", StringComparison.Ordinal));
    }

    [Fact]
    public void Blank_texts_and_empty_records_are_refused_by_name()
    {
        var errors = Errors(WithCitation(new Citation("un-ceb-gmg", " ") { Summary = "" }))
            .Concat(Errors(WithCitation(new Citation("un-ceb-gmg") { Record = CowRow with { Values = new Dictionary<string, string>() } })))
            .Concat(Errors(WithCitation(new Citation("un-ceb-gmg") { Record = CowRow with { Dataset = "", Row = "" } })))
            .ToList();

        Assert.Contains(errors, e => e.StartsWith("relations[0].sources[0].quote:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("relations[0].sources[0].summary:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("relations[0].sources[0].record.values:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("relations[0].sources[0].record.dataset:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("relations[0].sources[0].record.row:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_source_can_carry_its_publisher_date_symbols_and_doi()
    {
        var followed = WithSource(s => s with
        {
            Year = 2020,
            Publisher = "Correlates of War Project",
            Container = "Journal of Peace Research",
            Published = PartialDate.Parse("2020-05"),
            Symbols = ["A/RES/47/4", "MC/2097/Rev.1"],
            Doi = "10.1177/0022343319881175",
        });

        Assert.Empty(Errors(followed));
    }

    [Theory]
    [InlineData("https://doi.org/10.1177/0022343319881175")]
    [InlineData("doi:10.1177/0022343319881175")]
    [InlineData("10.1177")]
    public void A_doi_is_given_bare(string doi) =>
        Assert.Contains(Errors(WithSource(s => s with { Doi = doi })), e => e.StartsWith("sources[0].doi:", StringComparison.Ordinal));

    [Fact]
    public void A_publication_date_names_the_sources_year_and_symbols_do_not_repeat()
    {
        Assert.Contains(Errors(WithSource(s => s with { Year = 2013, Published = PartialDate.Parse("2014-01") })), e => e.StartsWith("sources[0].published:", StringComparison.Ordinal));
        Assert.Contains(Errors(WithSource(s => s with { Year = null, Published = PartialDate.Parse("2013") })), e => e.StartsWith("sources[0].published:", StringComparison.Ordinal));
        Assert.Contains(Errors(WithSource(s => s with { Symbols = ["A/68/283", "A/68/283"] })), e => e.StartsWith("sources[0].symbols:", StringComparison.Ordinal));
        Assert.Contains(Errors(WithSource(s => s with { Symbols = [""] })), e => e.StartsWith("sources[0].symbols[0]:", StringComparison.Ordinal));
    }

    [Fact]
    public void HeldOn_stands_only_where_the_start_is_unknown_before_any_end_and_not_for_events()
    {
        Assert.Empty(Errors(WithRelation(r => r with { Start = null, End = PartialDate.Parse("2018"), HeldOn = PartialDate.Parse("2009") })));

        Assert.Contains(Errors(WithRelation(r => r with { Start = PartialDate.Parse("2006"), HeldOn = PartialDate.Parse("2009") })), e => e.StartsWith("relations[0].heldOn:", StringComparison.Ordinal));
        Assert.Contains(Errors(WithRelation(r => r with { Start = null, End = PartialDate.Parse("2008"), HeldOn = PartialDate.Parse("2009") })), e => e.StartsWith("relations[0].end:", StringComparison.Ordinal));
        var eventBundle = Build.Bundle() with
        {
            Actors = [.. Build.Bundle().Actors, new Actor("conference", "A conference", ActorKind.Event)],
            Relations = [Build.Relation(to: "conference", type: RelationType.Hosted) with { Start = null, HeldOn = PartialDate.Parse("2007") }],
        };
        Assert.Contains(Errors(eventBundle), e => e.StartsWith("relations[0].heldOn:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2008", false, false)]
    [InlineData("2008", true, false)]
    [InlineData("2009", false, true)]
    [InlineData("2012-06", false, true)]
    [InlineData("2018", false, true)]
    [InlineData("2019", true, false)]
    public void A_relation_known_to_hold_from_a_date_holds_from_then_until_its_end(string asOf, bool includeUndated, bool holds)
    {
        var relation = Build.Relation() with { Start = null, End = PartialDate.Parse("2018"), HeldOn = PartialDate.Parse("2009") };

        Assert.Equal(holds, Validity.Holds(relation, PartialDate.Parse(asOf), includeUndated));
        Assert.False(relation.IsUndated);
        Assert.Equal(20090101, Validity.StartKey(relation));
    }

    [Theory]
    [InlineData(null, "2024-08", "Palau has been a member of IOM since at least August 2024.")]
    [InlineData("2018", "2009", "Palau was a member of IOM from at least 2009 to 2018.")]
    [InlineData("2018", "2018", "Palau was a member of IOM in 2018.")]
    [InlineData("2030", "2009", "Palau has been a member of IOM since at least 2009, until 2030.")]
    [InlineData(null, "2028", "Palau is a member of IOM from 2028.")]
    public void A_relation_known_to_hold_from_a_date_is_told_from_that_date_and_no_earlier(string? end, string heldOn, string expected)
    {
        var palau = new ActorRef("plw", "Palau", ActorKind.State);
        var iom = new ActorRef("iom", "International Organization for Migration", ActorKind.IntergovernmentalOrganisation, "IOM");
        var relation = new Relation("plw.member-of.iom", "plw", "iom", RelationType.MemberOf, Confidence.High, [new Citation("s") { Summary = "On the list." }],
            End: end is null ? null : PartialDate.Parse(end)) { HeldOn = PartialDate.Parse(heldOn) };

        Assert.Equal(expected, RelationSentence.Render(new RelationView(relation, palau, iom), SentenceContext.On(new DateOnly(2026, 12, 1))));
    }

    [Fact]
    public void Only_a_quote_is_printed_in_quotation_marks()
    {
        Assert.Equal("Quoted: “IOM was its Secretariat.”", CitationWords.Describe(new Citation("s", "IOM was its Secretariat.")));
        Assert.Equal(
            "Summary (IomGraph's words, not the source's): IOM was the secretariat",
            CitationWords.Describe(new Citation("s") { Summary = "IOM was the secretariat." }));
        Assert.Equal(
            "Record: COW IGO v3.0, table state_year_formatv3, state 'australia', years 1951–1973: IOMig = 1",
            CitationWords.Describe(new Citation("s") { Record = CowRow }));
        Assert.DoesNotContain("“", CitationWords.Describe(new Citation("s") { Summary = "x", Record = CowRow }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_footnote_whose_quotation_ends_its_sentence_takes_no_second_full_stop()
    {
        var iom = new Actor("iom", "International Organization for Migration", ActorKind.IntergovernmentalOrganisation, "IOM");
        var pope = new ActorRef("amy-pope", "Amy E. Pope", ActorKind.Person);
        var leads = new Relation("amy-pope.leads.iom", "amy-pope", "iom", RelationType.Leads, Confidence.High,
            [new Citation("dpa", "Pope will assume the duties of director general for a five-year term from October 1.")], PartialDate.Parse("2023-10-01"), Role: "Director General");

        var markdown = Profiles.ToMarkdown(Profiles.Build(iom, [new RelationView(leads, pope, ActorRef.Of(iom))], null, SentenceContext.On(new DateOnly(2026, 12, 1))));

        Assert.Contains("[^1]: dpa. Quoted: “Pope will assume the duties of director general for a five-year term from October 1.”\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_footnote_says_what_kind_of_text_it_cites()
    {
        var iom = new Actor("iom", "International Organization for Migration", ActorKind.IntergovernmentalOrganisation, "IOM");
        var aus = new ActorRef("aus", "Australia", ActorKind.State);
        var member = new Relation("aus.member-of.iom", "aus", "iom", RelationType.MemberOf, Confidence.Medium, [new Citation("cow") { Record = CowRow }], PartialDate.Parse("1951"), PartialDate.Parse("1973"));
        var source = new Source("cow", "Tracking Organizations in the World", SourceKind.Dataset, "Pevehouse, Jon C. W.", 2020);
        var context = new SentenceContext(new DateOnly(2026, 12, 1), id => id == "cow" ? source : null);

        var markdown = Profiles.ToMarkdown(Profiles.Build(iom, [new RelationView(member, aus, ActorRef.Of(iom))], null, context));

        Assert.Contains("[^1]: Pevehouse, Jon C. W., *Tracking Organizations in the World*, 2020. Record: COW IGO v3.0, table state_year_formatv3, state 'australia', years 1951–1973: IOMig = 1.\n", markdown, StringComparison.Ordinal);
    }
}
