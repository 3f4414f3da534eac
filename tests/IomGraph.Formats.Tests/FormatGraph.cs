using System.Runtime.CompilerServices;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Formats.Tests;

/// <summary>
/// A small graph that exercises every awkward value a format must carry: accents, quotes, commas, CR and LF line breaks,
/// dates of each precision, a dissolved actor, roles, several citations of each kind (quote, summary, dataset record), a
/// source with every bibliographic field, an undated relation, one known to hold from a date (heldOn) and parallel relations.
/// </summary>
internal static class FormatGraph
{
    /// <summary>The formats' context: sentences told on a fixed date, with no source records.</summary>
    public static ExportContext Context { get; } = new(v => Core.Vocabulary.RelationSentence.Render(v, Core.Vocabulary.SentenceContext.On(new DateOnly(2026, 12, 1))));

    public const string IomDescription = "Founded as \"PICMME\", then ICEM; now IOM.\nIt joined the UN system in 2016, as a related organisation.\r\nMembers: 175, observers: 8.";

    public static GraphBundle Bundle() => new()
    {
        Sources =
        [
            new("un-ceb-gmg", "Global Migration Group (GMG)", SourceKind.PrimaryDocument, "UN CEB", 2013, "https://unsceb.org/content/global-migration-group-gmg"),
            new("noborder-iom-wiki", "The IOM, \"a migration-management agency\"", SourceKind.Perspective, "Noborder Network", Url: "https://noborder.org/iom/", Note: "An argued view, with commas,\r\nand a line break."),
            new("ilo-history", "ILO history", SourceKind.Secondary, Attribution: "the ILO's historians"),
            new("cow-igo", "Tracking Organizations in the World: The Correlates of War IGO Version 3.0 Datasets", SourceKind.Dataset,
                "Pevehouse, Jon C. W.; Nordstrom, Timothy", 2020, "https://correlatesofwar.org/data-sets/IGOs/")
            {
                Publisher = "Correlates of War Project",
                Container = "Journal of Peace Research",
                Published = PartialDate.OfMonth(2020, 5),
                Symbols = ["COW/IGO/3.0", "A, B | C"],
                Doi = "10.1177/0022343319881175",
            },
        ],
        Actors =
        [
            new Actor("iom", "International Organization for Migration", ActorKind.IntergovernmentalOrganisation, "IOM",
                Founded: PartialDate.OfDay(1951, 12, 5), Headquarters: "Geneva", ExternalIds: new Dictionary<string, string> { ["wikidata"] = "Q1066" },
                Description: IomDescription,
                Sources: [new Citation("un-ceb-gmg", "IOM, a \"related organisation\", since 2016", "p. 3, §2")])
            {
                Aliases = ["ICEM", "Organisation internationale pour les migrations", "OIM"],
            },
            new Actor("civ", "Côte d’Ivoire", ActorKind.State, Founded: PartialDate.OfMonth(1960, 8), Iso3: "CIV") { Aliases = ["Ivory Coast"] },
            new Actor("geneva-migration-group", "Geneva Migration Group", ActorKind.InterAgencyGroup, "the Geneva Migration Group",
                Founded: PartialDate.OfYear(2003), Dissolved: PartialDate.OfYear(2006), Sources: []),
            new Actor("global-migration-group", "Global Migration Group", ActorKind.InterAgencyGroup, "the Global Migration Group", "Global Migration Group",
                Founded: PartialDate.OfYear(2006), Dissolved: PartialDate.OfMonth(2018, 12)),
            new Actor("unhcr", "Office of the United Nations High Commissioner for Refugees", ActorKind.UnEntity, "UNHCR",
                ExternalIds: new Dictionary<string, string> { ["wikidata"] = "Q132036", ["isni"] = "0000 0001 2181 0340" })
            {
                Aliases = ["UN Refugee Agency", "HCR | Genève", " padded "],
            },
            new Actor("humanitarian-protection", "humanitarian protection", ActorKind.Value),
        ],
        Relations =
        [
            new("iom.member-of.geneva-migration-group", "iom", "geneva-migration-group", RelationType.MemberOf, Confidence.High,
                [new Citation("un-ceb-gmg", "the six founding members", "Annex I"), new Citation("noborder-iom-wiki", "IOM, \"of course\", was there")],
                PartialDate.OfYear(2003), PartialDate.OfYear(2006), Role: "founding member"),
            new("iom.chairs.global-migration-group", "iom", "global-migration-group", RelationType.Chairs, Confidence.Medium,
                [new Citation("un-ceb-gmg", "chairs rotate every six months")],
                PartialDate.OfMonth(2007, 1), PartialDate.OfMonth(2007, 6), Role: "chair, rotating"),
            new("iom.member-of.global-migration-group", "iom", "global-migration-group", RelationType.MemberOf, Confidence.High,
                [new Citation("un-ceb-gmg", "the ten initial members")],
                PartialDate.OfDay(2006, 3, 1), PartialDate.OfMonth(2018, 12)),
            new("unhcr.emphasises.humanitarian-protection", "unhcr", "humanitarian-protection", RelationType.Emphasises, Confidence.Low,
                [new Citation("noborder-iom-wiki", "protection, not \"management\"", "section 2"), new Citation("ilo-history", "a contrast, often drawn")],
                Note: "Undated: a standing emphasis.\nSources disagree, slightly."),
            new("civ.member-of.iom", "civ", "iom", RelationType.MemberOf, Confidence.High,
                [new Citation("un-ceb-gmg", "Côte d’Ivoire, member state"), new Citation("cow-igo", Locator: "codebook p. 4")
                {
                    Record = new DatasetRow("COW IGO v3.0", "state 'cotedivoire', years 1960–2014", new Dictionary<string, string> { ["iomig"] = "1", ["note, \"quoted\""] = "full member" }, "state_year_formatv3"),
                    Summary = "COW codes 1 as full membership.",
                }], PartialDate.OfDay(1960, 8, 7)),
            new("iom.observer-of.global-migration-group", "iom", "global-migration-group", RelationType.ObserverOf, Confidence.Medium,
                [new Citation("ilo-history") { Summary = "An observer by 2009, the notes say." }], End: PartialDate.OfYear(2018))
            {
                HeldOn = PartialDate.OfYear(2009),
            },
            new("geneva-migration-group.succeeded-by.global-migration-group", "geneva-migration-group", "global-migration-group", RelationType.SucceededBy, Confidence.High,
                [new Citation("un-ceb-gmg", "renamed and enlarged")], PartialDate.OfYear(2006)),
        ],
    };

    /// <summary>The bundle as a store exports it: actors, then relations, then sources, each by id.</summary>
    public static async IAsyncEnumerable<ExportItem> Items(GraphBundle bundle, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var actor in bundle.Actors.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            await Task.Yield();
            yield return new ActorItem(actor);
        }

        foreach (var relation in bundle.Relations.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            await Task.Yield();
            yield return new RelationItem(relation);
        }

        foreach (var source in bundle.Sources.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new SourceItem(source);
        }
    }

    public static async IAsyncEnumerable<ExportItem> Sequence(params ExportItem[] items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    public static async Task<byte[]> WriteAsync(IGraphFormat format, GraphBundle? bundle = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var output = new MemoryStream();
        await format.WriteAsync(Items(bundle ?? Bundle(), cancellationToken), output, Context, cancellationToken);
        return output.ToArray();
    }

    public static Actor Actor(string id) => Bundle().Actors.Single(a => a.Id == id);

    public static Relation Relation(string id) => Bundle().Relations.Single(r => r.Id == id);

    /// <summary>Records are equal when their canonical JSON is: lists and dictionaries compare by content, in id order.</summary>
    public static void AssertSameRecords(GraphBundle expected, GraphBundle actual)
    {
        Assert.Equal(Canonical(expected.Sources, s => s.Id, CanonicalJson.Encode), Canonical(actual.Sources, s => s.Id, CanonicalJson.Encode));
        Assert.Equal(Canonical(expected.Actors, a => a.Id, CanonicalJson.Encode), Canonical(actual.Actors, a => a.Id, CanonicalJson.Encode));
        Assert.Equal(Canonical(expected.Relations, r => r.Id, CanonicalJson.Encode), Canonical(actual.Relations, r => r.Id, CanonicalJson.Encode));
    }

    private static List<string> Canonical<T>(IEnumerable<T> records, Func<T, string> id, Func<T, EncodedRecord> encode) =>
        [.. records.OrderBy(id, StringComparer.Ordinal).Select(r => encode(r).Json)];
}
