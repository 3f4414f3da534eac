using System.Text.Json;
using IomGraph.Api.Citations;
using IomGraph.Core.Model;

namespace IomGraph.Api.Tests.Citations;

/// <summary>Sources as CSL-JSON and BibTeX, and the plain-text citation of a relation, field by field.</summary>
public sealed class CitationDataTests
{
    private static readonly Source Article = new("cow-igo-v3", "Tracking Organizations in the World: The Correlates of War IGO Version 3.0 Datasets", SourceKind.Secondary,
        "Pevehouse, Jon C. W.; Nordstrom, Timothy; McManus, Roseanne W.; Jamison, Anne Spencer", 2020, "https://doi.org/10.1177/0022343319881175")
    {
        Container = "Journal of Peace Research",
        Doi = "10.1177/0022343319881175",
        Published = PartialDate.OfMonth(2020, 5),
    };

    private static readonly Source Resolution = new("a-res-47-4", "Observer status for the International Organization for Migration in the General Assembly", SourceKind.PrimaryDocument,
        "United Nations General Assembly", 1992)
    {
        Publisher = "United Nations",
        Symbols = ["A/RES/47/4"],
        Published = PartialDate.OfDay(1992, 10, 16),
    };

    [Theory]
    [InlineData(SourceKind.Dataset, null, null, false, null, "dataset")]
    [InlineData(SourceKind.News, "10.1/x", "UN News", true, "https://news.un.org", "article-newspaper")]
    [InlineData(SourceKind.Secondary, "10.1/x", "Journal of Peace Research", false, null, "article-journal")]
    [InlineData(SourceKind.Secondary, "10.1/x", null, false, "https://example.org", "webpage")]
    [InlineData(SourceKind.Secondary, null, null, true, null, "report")]
    [InlineData(SourceKind.PrimaryDocument, null, null, false, "https://www.iom.int", "document")]
    [InlineData(SourceKind.Perspective, null, null, false, "https://noborder.org", "webpage")]
    [InlineData(SourceKind.Perspective, null, null, false, null, "document")]
    public void A_source_has_the_csl_type_its_kind_and_fields_say(SourceKind kind, string? doi, string? container, bool symbols, string? url, string expected)
    {
        var source = new Source("s", "T", kind, Url: url) { Doi = doi, Container = container, Symbols = symbols ? ["MC/2097/Rev.1"] : [] };

        Assert.Equal(expected, CslJson.TypeOf(source));
    }

    [Fact]
    public void People_are_family_and_given_names_and_organisations_literal_names()
    {
        Assert.Equal(
            [new Author("Pevehouse", "Jon C. W.", null), new Author("Nordstrom", "Timothy", null)],
            Authors.Parse("Pevehouse, Jon C. W.; Nordstrom, Timothy"));
        Assert.Equal([new Author(null, null, "International Organization for Migration")], Authors.Parse("International Organization for Migration"));
        Assert.Equal([new Author(null, null, "IOM (Moscow; Cyprus)")], Authors.Parse("IOM (Moscow; Cyprus)"));
        Assert.Equal([new Author(null, null, "International Organization for Migration (IOM), South Africa office")], Authors.Parse("International Organization for Migration (IOM), South Africa office"));
        Assert.Equal([new Author(null, null, "UN News"), new Author(null, null, "Jurist")], Authors.Parse("UN News; Jurist"));
        Assert.Empty(Authors.Parse(null));
        Assert.Empty(Authors.Parse("  "));
    }

    [Fact]
    public void A_journal_article_as_csl_json_has_its_names_journal_doi_and_date_at_its_precision()
    {
        var json = JsonSerializer.SerializeToElement(CslJson.Of(Article));

        Assert.Equal("cow-igo-v3", json.GetProperty("id").GetString());
        Assert.Equal("article-journal", json.GetProperty("type").GetString());
        Assert.Equal("Journal of Peace Research", json.GetProperty("container-title").GetString());
        Assert.Equal("10.1177/0022343319881175", json.GetProperty("DOI").GetString());
        Assert.Equal("https://doi.org/10.1177/0022343319881175", json.GetProperty("URL").GetString());
        Assert.Equal("[[2020,5]]", json.GetProperty("issued").GetProperty("date-parts").GetRawText());
        var first = json.GetProperty("author")[0];
        Assert.Equal(("Pevehouse", "Jon C. W."), (first.GetProperty("family").GetString(), first.GetProperty("given").GetString()));
        Assert.Equal(4, json.GetProperty("author").GetArrayLength());

        // What is not known is left out, not null: CSL processors read null as a value.
        Assert.False(json.TryGetProperty("publisher", out _));
        Assert.False(json.TryGetProperty("number", out _));
        Assert.DoesNotContain("null", json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_with_symbols_is_a_report_numbered_by_them_with_its_issuer_as_a_literal_name()
    {
        var json = JsonSerializer.SerializeToElement(CslJson.Of(Resolution));

        Assert.Equal("report", json.GetProperty("type").GetString());
        Assert.Equal("A/RES/47/4", json.GetProperty("number").GetString());
        Assert.Equal("United Nations", json.GetProperty("publisher").GetString());
        Assert.Equal("United Nations General Assembly", json.GetProperty("author")[0].GetProperty("literal").GetString());
        Assert.Equal("[[1992,10,16]]", json.GetProperty("issued").GetProperty("date-parts").GetRawText());
        Assert.Equal("[[1950]]", JsonSerializer.SerializeToElement(CslJson.Of(new Source("s", "T", SourceKind.Secondary, Year: 1950))).GetProperty("issued").GetProperty("date-parts").GetRawText());
        Assert.False(JsonSerializer.SerializeToElement(CslJson.Of(new Source("s", "T", SourceKind.Secondary))).TryGetProperty("issued", out _));
    }

    [Fact]
    public void A_journal_article_in_bibtex_is_an_article_with_people_joined_by_and()
    {
        var entry = BibTex.Of(Article);

        Assert.StartsWith("@article{cow-igo-v3,\n", entry, StringComparison.Ordinal);
        Assert.Contains("  author = {Pevehouse, Jon C. W. and Nordstrom, Timothy and McManus, Roseanne W. and Jamison, Anne Spencer},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  title = {{Tracking Organizations in the World: The Correlates of War IGO Version 3.0 Datasets}},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  journal = {Journal of Peace Research},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  year = {2020},\n  month = may,\n  date = {2020-05},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  doi = {10.1177/0022343319881175},\n", entry, StringComparison.Ordinal);
        Assert.EndsWith("}\n", entry, StringComparison.Ordinal);
        AssertBalanced(entry);
    }

    [Fact]
    public void A_document_with_symbols_in_bibtex_is_a_techreport_by_an_organisation_in_double_braces()
    {
        var entry = BibTex.Of(Resolution);

        Assert.StartsWith("@techreport{a-res-47-4,\n", entry, StringComparison.Ordinal);
        Assert.Contains("  author = {{United Nations General Assembly}},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  institution = {United Nations},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  number = {A/RES/47/4},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  month = oct,\n", entry, StringComparison.Ordinal);
        Assert.StartsWith("@online{", BibTex.Of(new Source("p", "A page", SourceKind.Secondary, Url: "https://example.org")), StringComparison.Ordinal);
        Assert.StartsWith("@misc{", BibTex.Of(new Source("d", "A dataset", SourceKind.Dataset)), StringComparison.Ordinal);
    }

    [Fact]
    public void Bibtex_escapes_its_special_characters_and_keeps_urls_verbatim()
    {
        var source = new Source("odd", "Costs {50%} & $10 per #1 item_x ^ ~ \\ end", SourceKind.Secondary, "Food and Agriculture Organization {FAO}", Url: "https://example.org/a_b?c=1&d=%20#e")
        {
            Note = "Line one\nline two",
        };

        var entry = BibTex.Of(source);

        Assert.Contains(@"  title = {{Costs \{50\%\} \& \$10 per \#1 item\_x \textasciicircum{} \textasciitilde{} \textbackslash{} end}},", entry, StringComparison.Ordinal);
        Assert.Contains(@"  author = {{Food and Agriculture Organization \{FAO\}}},", entry, StringComparison.Ordinal);
        Assert.Contains("  url = {https://example.org/a_b?c=1&d=%20#e},", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("note =", entry, StringComparison.Ordinal);
        AssertBalanced(entry);
    }

    [Fact]
    public void The_text_of_a_relation_names_the_graph_version_each_source_and_what_kind_of_text_it_gives()
    {
        var relation = new Relation("aus.member-of.iom", "aus", "iom", RelationType.MemberOf, Confidence.High,
        [
            new Citation(Resolution.Id, "the International Organization for Migration", "para. 1"),
            new Citation(Article.Id) { Summary = "Australia was a full member from 1951", Record = new DatasetRow("COW IGO v3.0", "state 'australia', years 1951–1973", new Dictionary<string, string> { ["IOMig"] = "1" }, "state_year_formatv3") },
        ], PartialDate.OfYear(1951));
        var sources = new Dictionary<string, Source> { [Resolution.Id] = Resolution, [Article.Id] = Article };

        var text = RelationCitations.Text(relation, "Australia has been a member of IOM since 1951.", [.. relation.Sources.Select(c => (c, (Source?)sources[c.SourceId]))], "0123456789ab.42", new DateOnly(2026, 12, 2), "https://iomgraph.example/api/v1/relations/aus.member-of.iom");

        Assert.Equal(
            "IomGraph (graph version 0123456789ab.42), relation \"aus.member-of.iom\": \"Australia has been a member of IOM since 1951.\" Confidence: high. Sources: "
            + "[1] United Nations General Assembly, Observer status for the International Organization for Migration in the General Assembly, A/RES/47/4 (1992-10-16), para. 1. Quoted: “the International Organization for Migration”. "
            + "[2] Pevehouse, Jon C. W.; Nordstrom, Timothy; McManus, Roseanne W.; Jamison, Anne Spencer, Tracking Organizations in the World: The Correlates of War IGO Version 3.0 Datasets, Journal of Peace Research (2020-05). "
            + "Summary (IomGraph's words, not the source's): Australia was a full member from 1951. Record: COW IGO v3.0, table state_year_formatv3, state 'australia', years 1951–1973: IOMig = 1. https://doi.org/10.1177/0022343319881175. "
            + "https://iomgraph.example/api/v1/relations/aus.member-of.iom. Retrieved 2026-12-02.",
            text);
        Assert.DoesNotContain("“Australia was", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Australia was", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quotation_that_ends_its_sentence_takes_no_second_full_stop()
    {
        var relation = new Relation("x.member-of.iom", "x", "iom", RelationType.MemberOf, Confidence.Medium,
            [new Citation(Resolution.Id, "The governments were: Australia and Venezuela."), new Citation(Article.Id) { Summary = "A member by 1952." }]);
        var sources = new Dictionary<string, Source> { [Resolution.Id] = Resolution, [Article.Id] = Article };

        var text = RelationCitations.Text(relation, "X is a member.", [.. relation.Sources.Select(c => (c, (Source?)sources[c.SourceId]))], "v.1", new DateOnly(2026, 12, 2), "https://iomgraph.example/r");

        Assert.Contains("Quoted: “The governments were: Australia and Venezuela.” [2]", text, StringComparison.Ordinal);
        Assert.Contains("Summary (IomGraph's words, not the source's): A member by 1952. https://doi.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("..", text, StringComparison.Ordinal);
        Assert.DoesNotContain("”.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Iomgraph_itself_is_a_dataset_at_a_version_read_on_a_day()
    {
        var json = JsonSerializer.SerializeToElement(CslJson.IomGraph("iomgraph-x", "0123456789ab.42", "https://iomgraph.example/api/v1/relations/x", new DateOnly(2026, 12, 2), "Relation \"x\""));

        Assert.Equal(("dataset", "IomGraph", "0123456789ab.42"), (json.GetProperty("type").GetString(), json.GetProperty("title").GetString(), json.GetProperty("version").GetString()));
        Assert.Equal("[[2026,12,2]]", json.GetProperty("accessed").GetProperty("date-parts").GetRawText());
        Assert.Equal("https://iomgraph.example/api/v1/relations/x", json.GetProperty("URL").GetString());
    }

    /// <summary>Every unescaped brace closes one opened before it, and every entry ends at depth 0: what BibTeX needs to read it.</summary>
    private static void AssertBalanced(string entry)
    {
        var depth = 0;
        for (var i = 0; i < entry.Length; i++)
        {
            if (entry[i] == '\\')
            {
                i++;
                continue;
            }

            depth += entry[i] switch { '{' => 1, '}' => -1, _ => 0 };
            Assert.True(depth >= 0, $"A brace closes nothing at {i}: {entry}");
        }

        Assert.Equal(0, depth);
    }
}
