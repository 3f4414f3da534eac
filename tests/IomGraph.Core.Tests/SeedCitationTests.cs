using System.Text.RegularExpressions;
using IomGraph.Core.Model;
using IomGraph.Core.Seed;
using IomGraph.Core.Storage;
using IomGraph.Testing;

namespace IomGraph.Core.Tests;

/// <summary>
/// The seed's citations as a researcher follows them: every quote is the source's own words, found in a stored copy of
/// its text; sources can be followed; and the IOM's membership record is complete for 2023.
/// </summary>
public sealed partial class SeedCitationTests
{
    private static readonly string SeedDirectory = Path.Combine(TestEnvironment.RepositoryRoot, "seed-data");

    private static readonly Lazy<Task<SeedData>> Seed = new(() => SeedReader.ReadDirectoryAsync(SeedDirectory));

    /// <summary>The five member states that no source dates before August 2024 (seed-data/README.md, "IOM membership").</summary>
    private static readonly string[] Unplaced = ["dma", "grd", "plw", "ton", "wsm"];

    private static async Task<GraphBundle> BundleAsync() => (await Seed.Value).Bundle;

    private static IEnumerable<Citation> Citations(GraphBundle bundle) =>
        bundle.Relations.SelectMany(r => r.Sources).Concat(bundle.Actors.SelectMany(a => a.Sources ?? []));

    /// <summary>A source's stored text, its lines joined with single spaces as the quotes are: the seed document, or an excerpt.</summary>
    private static string? StoredText(string sourceId)
    {
        var path = sourceId == "noborder-iom-wiki"
            ? Path.Combine(SeedDirectory, "raw", "noborder-iom-wiki.txt")
            : Path.Combine(SeedDirectory, "raw", "excerpts", sourceId + ".txt");
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllLines(path).Where(l => sourceId == "noborder-iom-wiki" || !l.StartsWith("# ", StringComparison.Ordinal));
        return Whitespace().Replace(string.Join(' ', lines), " ");
    }

    [Fact]
    public async Task Every_quote_is_found_word_for_word_in_a_stored_copy_of_its_sources_text()
    {
        var quotes = Citations(await BundleAsync()).Where(c => c.Quote is not null).ToList();
        var texts = quotes.Select(c => c.SourceId).Distinct().ToDictionary(id => id, StoredText);

        Assert.True(quotes.Count >= 100, $"Only {quotes.Count} quotes: the seed quotes its sources wherever a stored copy allows.");
        var missing = texts.Where(t => t.Value is null).Select(t => t.Key).ToList();
        Assert.True(missing.Count == 0, $"Quoted sources without a stored text in seed-data/raw/excerpts: {string.Join(", ", missing)}.");
        var unfound = quotes.Where(c => !texts[c.SourceId]!.Contains(Whitespace().Replace(c.Quote!, " "), StringComparison.Ordinal))
            .Select(c => $"{c.SourceId}: “{c.Quote}”").ToList();
        Assert.True(unfound.Count == 0, "Quotes not in their source's stored text:\n" + string.Join('\n', unfound));
    }

    [Fact]
    public async Task Every_excerpt_names_the_address_it_was_read_at()
    {
        var excerpts = Directory.GetFiles(Path.Combine(SeedDirectory, "raw", "excerpts"), "*.txt");
        var sources = (await BundleAsync()).Sources.Select(s => s.Id).ToHashSet();

        Assert.NotEmpty(excerpts);
        Assert.All(excerpts, path =>
        {
            var header = File.ReadLines(path).First();
            Assert.True(header.StartsWith("# url: http", StringComparison.Ordinal), $"{Path.GetFileName(path)} does not start with '# url: '.");
            Assert.Contains(Path.GetFileNameWithoutExtension(path), sources);
        });
    }

    [Fact]
    public async Task Citations_of_the_correlates_of_war_data_are_dataset_records_not_prose()
    {
        var bundle = await BundleAsync();
        var cow = Assert.Single(bundle.Sources, s => s.Kind == SourceKind.Dataset && s.Id == "cow-igo-v3");
        // Its memberships are cited by their rows; the dataset's documentation may still be quoted elsewhere.
        var citations = bundle.Relations.Where(r => r.Type == RelationType.MemberOf).SelectMany(r => r.Sources).Where(c => c.SourceId == cow.Id).ToList();

        Assert.True(citations.Count >= 150);
        Assert.All(citations, c =>
        {
            Assert.Null(c.Quote);
            Assert.NotNull(c.Record);
            Assert.StartsWith("COW IGO v3", c.Record!.Dataset, StringComparison.Ordinal);
        });
        Assert.Equal("Correlates of War Project", cow.Publisher);
        Assert.StartsWith("https://correlatesofwar.org/", cow.Url, StringComparison.Ordinal);

        // The article the publisher asks users to cite, by its DOI.
        var article = Assert.Single(bundle.Sources, s => s.Doi == "10.1177/0022343319881175");
        Assert.Equal("Journal of Peace Research", article.Container);
        Assert.Equal(2020, article.Year);
        Assert.Contains(Citations(bundle), c => c.SourceId == article.Id);
    }

    [Fact]
    public async Task No_ai_generated_encyclopedia_is_cited()
    {
        var bundle = await BundleAsync();

        Assert.DoesNotContain(bundle.Sources, s => s.Id.Contains("grokipedia", StringComparison.Ordinal) || (s.Url ?? "").Contains("grokipedia", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Sources_can_be_followed_online_or_by_their_document_symbol()
    {
        var bundle = await BundleAsync();
        var cited = Citations(bundle).Select(c => c.SourceId).ToHashSet();
        var unfollowable = bundle.Sources.Where(s => cited.Contains(s.Id) && s.Url is null && s.Symbols.Count == 0 && s.Doi is null)
            .Select(s => s.Id).ToList();

        // The seed document's only stored copy is a wiki's random-page capture, not an address anyone can open again.
        Assert.True(unfollowable.Count <= 3, $"Sources with neither URL, document symbol nor DOI: {string.Join(", ", unfollowable)}.");
    }

    [Fact]
    public async Task Member_states_known_only_by_a_later_date_have_no_invented_start()
    {
        var memberships = (await BundleAsync()).Relations.Where(r => r.Type == RelationType.MemberOf && r.To == "iom").ToList();

        Assert.All(Unplaced, id =>
        {
            var membership = Assert.Single(memberships, r => r.From == id);
            Assert.Null(membership.Start);
            Assert.Equal(PartialDate.OfMonth(2024, 8), membership.HeldOn);
        });
    }

    [Fact]
    public async Task One_hundred_and_seventy_five_member_states_hold_in_mid_2023_but_for_the_five_no_source_places_then()
    {
        var bundle = await BundleAsync();
        var states = bundle.Actors.Where(a => a.Kind == ActorKind.State).Select(a => a.Id).ToHashSet();
        var memberships = bundle.Relations.Where(r => r.Type == RelationType.MemberOf && r.To == "iom" && states.Contains(r.From)).ToList();

        var mid2023 = memberships.Where(r => Validity.Holds(r, PartialDate.OfDay(2023, 6, 30), includeUndated: false)).Select(r => r.From).ToHashSet();
        var august2024 = memberships.Where(r => Validity.Holds(r, PartialDate.OfMonth(2024, 8), includeUndated: false)).Select(r => r.From).ToHashSet();

        // IOM counted 175 member states in May 2023 and still in 2024; five of them are known only from its list of August 2024.
        Assert.Equal(175 - Unplaced.Length, mid2023.Count);
        Assert.Empty(mid2023.Intersect(Unplaced));
        Assert.Equal(175, august2024.Count);
        Assert.Superset(mid2023, august2024);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
