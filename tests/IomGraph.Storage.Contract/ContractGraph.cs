using IomGraph.Core.Model;

namespace IomGraph.Storage.Contract;

/// <summary>
/// A small graph that exercises what stores get wrong: accents and curly apostrophes, aliases and acronyms, an actor
/// whose name contains another's acronym, a curated short name, dates known to the year or the month, undated relations, parallel relations
/// between two actors, an actor with no relations and a source nobody cites; citations of every kind (quote, summary,
/// dataset record), a source with every bibliographic field, and a relation known to hold from a date whose start is
/// unknown (unhcr-member-of-gmg, heldOn 2006).
/// </summary>
/// <remarks>
/// Sort keys (folded names) put the actors in this order: berne-initiative, civ, excom, gcim, gfmd, gmg, iom, unhcr,
/// che, un-network. Relations by (start, id): civ-member-of-iom, unhcr-reports-to-excom (undated), che-member-of-iom
/// (1951), che-funds-gcim (2003-04), gcim-precursor-of-gfmd (2005), iom-member-of-gmg, unhcr-member-of-gmg (2006),
/// che-chairs-gfmd (2011), unhcr-member-of-un-network (2018), iom-coordinates-un-network,
/// iom-secretariat-of-un-network (2018-12).
/// </remarks>
public static class ContractGraph
{
    public static class Actors
    {
        public const string Iom = "iom";
        public const string Unhcr = "unhcr";
        public const string ExCom = "excom";
        public const string Gmg = "gmg";
        public const string CoteDIvoire = "civ";
        public const string Switzerland = "che";
        public const string Gcim = "gcim";
        public const string Gfmd = "gfmd";
        public const string UnNetwork = "un-network";
        public const string BerneInitiative = "berne-initiative";
    }

    public static class Relations
    {
        public const string IomMemberOfGmg = "iom-member-of-gmg";
        public const string UnhcrMemberOfGmg = "unhcr-member-of-gmg";
        public const string SwitzerlandFundsGcim = "che-funds-gcim";
        public const string UnhcrReportsToExCom = "unhcr-reports-to-excom";
        public const string IomCoordinatesUnNetwork = "iom-coordinates-un-network";
        public const string IomSecretariatOfUnNetwork = "iom-secretariat-of-un-network";
        public const string UnhcrMemberOfUnNetwork = "unhcr-member-of-un-network";
        public const string CoteDIvoireMemberOfIom = "civ-member-of-iom";
        public const string SwitzerlandMemberOfIom = "che-member-of-iom";
        public const string SwitzerlandChairsGfmd = "che-chairs-gfmd";
        public const string GcimPrecursorOfGfmd = "gcim-precursor-of-gfmd";
    }

    public static class Sources
    {
        public const string GmgTermsOfReference = "gmg-terms-of-reference";
        public const string GcimReport = "gcim-report-2005";
        public const string UnhcrStatute = "unhcr-statute";
        public const string UnNetworkTermsOfReference = "un-network-terms-of-reference";
        public const string IomMemberStates = "iom-member-states";
        public const string GfmdChairs = "gfmd-chairs";
        public const string Uncited = "uncited-commentary";
    }

    public static IReadOnlyList<Source> AllSources { get; } =
    [
        new(Sources.GmgTermsOfReference, "Terms of Reference of the Global Migration Group", SourceKind.PrimaryDocument, Author: "Global Migration Group", Year: 2006, Url: "https://example.org/gmg-tor"),
        new(Sources.GcimReport, "Migration in an interconnected world: New directions for action", SourceKind.PrimaryDocument, Author: "Global Commission on International Migration", Year: 2005)
        {
            Publisher = "Global Commission on International Migration",
            Published = PartialDate.OfMonth(2005, 10),
            Symbols = ["GCIM/2005/1", "A/60/000"],
            Doi = "10.1111/j.1728-4457.2005.00100.x",
        },
        new(Sources.UnhcrStatute, "Statute of the Office of the United Nations High Commissioner for Refugees", SourceKind.PrimaryDocument, Author: "UN General Assembly", Year: 1950, Note: "Resolution 428 (V)"),
        new(Sources.UnNetworkTermsOfReference, "Terms of Reference of the United Nations Network on Migration", SourceKind.PrimaryDocument, Year: 2018),
        new(Sources.IomMemberStates, "IOM Member States", SourceKind.PrimaryDocument, Author: "International Organization for Migration", Url: "https://example.org/iom-members"),
        new(Sources.GfmdChairs, "Chairs of the Global Forum on Migration and Development", SourceKind.Dataset) { Container = "GFMD data", Publisher = "Global Forum on Migration and Development" },
        new(Sources.Uncited, "A commentary that no record cites", SourceKind.Perspective, Author: "A. Writer", Year: 2020),
    ];

    public static IReadOnlyList<Actor> AllActors { get; } =
    [
        new(Actors.Iom, "International Organization for Migration", ActorKind.IntergovernmentalOrganisation, "IOM",
            Founded: PartialDate.OfMonth(1951, 12), Headquarters: "Geneva",
            ExternalIds: new Dictionary<string, string> { ["wikidata"] = "Q206791", ["isni"] = "0000 0001 2155 1826" },
            Description: "The intergovernmental organisation for migration.",
            Sources: [new Citation(Sources.IomMemberStates, "IOM has 175 Member States.", "Member States list")])
        {
            Aliases = ["OIM", "ICEM", "Intergovernmental Committee for European Migration"],
        },
        new(Actors.Unhcr, "Office of the UN High Commissioner for Refugees", ActorKind.UnEntity, "UNHCR", Founded: PartialDate.OfDay(1950, 12, 14))
        {
            Aliases = ["UNHCR"],
        },
        new(Actors.ExCom, "Executive Committee of the UNHCR Programme", ActorKind.GoverningBody, "ExCom"),
        new(Actors.Gmg, "Global Migration Group", ActorKind.InterAgencyGroup, "the Global Migration Group",
            Founded: PartialDate.OfYear(2006), Dissolved: PartialDate.OfYear(2018)),
        new(Actors.CoteDIvoire, "Côte d’Ivoire", ActorKind.State, Iso3: "CIV")
        {
            Aliases = ["Ivory Coast"],
        },
        new(Actors.Switzerland, "Switzerland", ActorKind.State, Iso3: "CHE")
        {
            Aliases = ["Schweiz", "Suisse", "Svizzera"],
        },
        new(Actors.Gcim, "Global Commission on International Migration", ActorKind.ForumOrCommission, "GCIM",
            Founded: PartialDate.OfMonth(2003, 12), Dissolved: PartialDate.OfMonth(2005, 12)),
        new(Actors.Gfmd, "Global Forum on Migration and Development", ActorKind.ForumOrCommission, "GFMD", Founded: PartialDate.OfYear(2007)),
        new(Actors.UnNetwork, "United Nations Network on Migration", ActorKind.InterAgencyGroup, "the UN Network on Migration", "UN Network on Migration",
            Founded: PartialDate.OfMonth(2018, 12)),
        new(Actors.BerneInitiative, "Berne Initiative", ActorKind.StateLedProcess, Founded: PartialDate.OfYear(2001), Dissolved: PartialDate.OfYear(2005)),
    ];

    public static IReadOnlyList<Relation> AllRelations { get; } =
    [
        new(Relations.IomMemberOfGmg, Actors.Iom, Actors.Gmg, RelationType.MemberOf, Confidence.High,
            [Cite(Sources.GmgTermsOfReference)], PartialDate.OfYear(2006), PartialDate.OfYear(2018)),
        new(Relations.UnhcrMemberOfGmg, Actors.Unhcr, Actors.Gmg, RelationType.MemberOf, Confidence.High,
            [Cite(Sources.GmgTermsOfReference)], End: PartialDate.OfYear(2018))
        {
            HeldOn = PartialDate.OfYear(2006),
        },
        new(Relations.SwitzerlandFundsGcim, Actors.Switzerland, Actors.Gcim, RelationType.Funds, Confidence.Medium,
            [Cite(Sources.GcimReport)], PartialDate.OfMonth(2003, 4), PartialDate.OfYear(2006)),
        new(Relations.UnhcrReportsToExCom, Actors.Unhcr, Actors.ExCom, RelationType.ReportsTo, Confidence.Medium,
            [Cite(Sources.UnhcrStatute)]),
        new(Relations.IomCoordinatesUnNetwork, Actors.Iom, Actors.UnNetwork, RelationType.Coordinates, Confidence.High,
            [Cite(Sources.UnNetworkTermsOfReference)], PartialDate.OfMonth(2018, 12)),
        new(Relations.IomSecretariatOfUnNetwork, Actors.Iom, Actors.UnNetwork, RelationType.SecretariatOf, Confidence.High,
            [Cite(Sources.UnNetworkTermsOfReference)], PartialDate.OfMonth(2018, 12)),
        new(Relations.UnhcrMemberOfUnNetwork, Actors.Unhcr, Actors.UnNetwork, RelationType.MemberOf, Confidence.Medium,
            [Cite(Sources.UnNetworkTermsOfReference)], PartialDate.OfYear(2018)),
        new(Relations.CoteDIvoireMemberOfIom, Actors.CoteDIvoire, Actors.Iom, RelationType.MemberOf, Confidence.High,
            [Cite(Sources.IomMemberStates)]),
        new(Relations.SwitzerlandMemberOfIom, Actors.Switzerland, Actors.Iom, RelationType.MemberOf, Confidence.High,
            [Cite(Sources.IomMemberStates)], PartialDate.OfYear(1951), Role: "founding member"),
        new(Relations.SwitzerlandChairsGfmd, Actors.Switzerland, Actors.Gfmd, RelationType.Chairs, Confidence.Medium,
            [new Citation(Sources.GfmdChairs) { Record = new DatasetRow("GFMD chairs v1", "state 'che', year 2011", new Dictionary<string, string> { ["chair"] = "1", ["meeting"] = "Geneva 2011" }, "chairs") }],
            PartialDate.OfYear(2011), PartialDate.OfYear(2011)),
        new(Relations.GcimPrecursorOfGfmd, Actors.Gcim, Actors.Gfmd, RelationType.PrecursorOf, Confidence.Low,
            [Cite(Sources.GcimReport, "p. 80"), new Citation(Sources.GfmdChairs) { Summary = "The GCIM's report recommended the forum that became the GFMD." }],
            PartialDate.OfYear(2005), Note: "The GCIM recommended a standing forum."),
    ];

    /// <summary>The whole graph, as a new bundle.</summary>
    public static GraphBundle Bundle() => new() { Sources = AllSources, Actors = AllActors, Relations = AllRelations };

    public static Actor Actor(string id) => AllActors.Single(a => a.Id == id);

    public static Relation Relation(string id) => AllRelations.Single(r => r.Id == id);

    public static Source Source(string id) => AllSources.Single(s => s.Id == id);

    private static Citation Cite(string sourceId, string? locator = null) => new(sourceId, "Quoted words that support the claim.", locator);
}

/// <summary>Edits of a bundle for tests that change the graph: each returns a new bundle.</summary>
public static class GraphBundleEdits
{
    public static GraphBundle Without(this GraphBundle bundle, IReadOnlyCollection<string>? actors = null, IReadOnlyCollection<string>? relations = null, IReadOnlyCollection<string>? sources = null) =>
        bundle with
        {
            Actors = [.. bundle.Actors.Where(a => actors?.Contains(a.Id) != true)],
            Relations = [.. bundle.Relations.Where(r => relations?.Contains(r.Id) != true)],
            Sources = [.. bundle.Sources.Where(s => sources?.Contains(s.Id) != true)],
        };

    /// <summary>Replaces the actor with the same id, or adds it.</summary>
    public static GraphBundle With(this GraphBundle bundle, Actor actor) =>
        bundle with { Actors = Replace(bundle.Actors, actor, a => a.Id) };

    public static GraphBundle With(this GraphBundle bundle, Relation relation) =>
        bundle with { Relations = Replace(bundle.Relations, relation, r => r.Id) };

    public static GraphBundle With(this GraphBundle bundle, Source source) =>
        bundle with { Sources = Replace(bundle.Sources, source, s => s.Id) };

    private static List<T> Replace<T>(IReadOnlyList<T> records, T record, Func<T, string> id)
    {
        var list = records.ToList();
        var index = list.FindIndex(r => id(r) == id(record));
        if (index >= 0)
        {
            list[index] = record;
        }
        else
        {
            list.Add(record);
        }

        return list;
    }
}
