using System.IO.Compression;
using System.Text;
using IomGraph.Core.Model;

namespace IomGraph.Formats.Tests;

public sealed class CsvBundleReaderTests
{
    private const string NodesHeader = "id,name,kind,label,aliases,founded,dissolved,headquarters,iso3,wikidata,description\r\n";
    private const string EdgesHeader = "id,from,to,type,start,end,role,confidence,sentence,note,citations\r\n";
    private const string Citations = "\"[{\"\"sourceId\"\":\"\"un-ceb-gmg\"\",\"\"quote\"\":\"\"the ten initial members\"\"}]\"";

    [Fact]
    public async Task Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var nodes = NodesHeader + "iom,\"International Organization for Migration, \"\"IOM\"\"\",intergovernmental-organisation,,,,,,,,\"line one\r\nline two\nline three\"\r\n";

        var result = await ReadAsync(nodes, EdgesHeader);

        Assert.Empty(result.Errors);
        var iom = Assert.Single(result.Bundle.Actors);
        Assert.Equal("International Organization for Migration, \"IOM\"", iom.Name);
        Assert.Equal("line one\r\nline two\nline three", iom.Description);
    }

    [Fact]
    public async Task Empty_cells_are_absent_values_and_aliases_split_on_the_bar()
    {
        var nodes = NodesHeader + "iom,IOM,intergovernmental-organisation,,ICEM|PICMME | OIM,1951,,,,,\r\n";

        var result = await ReadAsync(nodes, EdgesHeader);

        var iom = Assert.Single(result.Bundle.Actors);
        Assert.Null(iom.Label);
        Assert.Null(iom.Description);
        Assert.Null(iom.ExternalIds);
        Assert.Null(iom.Sources);
        Assert.Equal(PartialDate.OfYear(1951), iom.Founded);
        Assert.Equal(["ICEM", "PICMME", "OIM"], iom.Aliases);
    }

    [Fact]
    public async Task Columns_may_come_in_any_order_and_case_and_optional_ones_may_be_left_out()
    {
        var result = await ReadAsync("Kind,ID,Name\r\nstate,civ,Côte d’Ivoire\r\n", "type,from,to,id,confidence\r\nMEMBER_OF,civ,iom,civ.member-of.iom,high\r\n");

        Assert.Empty(result.Errors);
        FormatGraph.AssertSameRecords(
            new GraphBundle { Actors = [new Actor("civ", "Côte d’Ivoire", ActorKind.State)] },
            result.Bundle with { Relations = [] });
        var relation = Assert.Single(result.Bundle.Relations);
        Assert.Equal(RelationType.MemberOf, relation.Type);
        Assert.Empty(relation.Sources);
    }

    [Fact]
    public async Task A_byte_order_mark_and_bare_line_feeds_are_accepted()
    {
        var nodes = "\uFEFFid,name,kind\nciv,Côte d’Ivoire,state\n";

        var result = await ReadAsync(nodes, EdgesHeader);

        Assert.Empty(result.Errors);
        Assert.Equal("civ", Assert.Single(result.Bundle.Actors).Id);
    }

    [Fact]
    public async Task The_sentence_column_is_ignored_on_the_way_in()
    {
        var edges = EdgesHeader + $"iom.member-of.gmg,iom,gmg,MEMBER_OF,2006,2018,,high,Anything at all.,,{Citations}\r\n";

        var result = await ReadAsync("id,name,kind\r\n", edges);

        Assert.Empty(result.Errors);
        var relation = Assert.Single(result.Bundle.Relations);
        Assert.Equal(new Citation("un-ceb-gmg", "the ten initial members"), Assert.Single(relation.Sources));
        Assert.Equal(PartialDate.OfYear(2018), relation.End);
    }

    [Fact]
    public async Task An_unknown_kind_is_reported_with_its_file_row_and_column()
    {
        var result = await ReadAsync(NodesHeader + "iom,IOM,agency,,,,,,,,\r\n", EdgesHeader);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("nodes.csv", 2, "kind"), (error.File, error.Row, error.Column));
        Assert.Contains("'agency' is not an actor kind", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Bundle.Actors);
    }

    [Fact]
    public async Task An_unknown_relation_type_and_confidence_are_reported()
    {
        var edges = EdgesHeader + $"a.b,a,b,OWNS,,,,certain,,,{Citations}\r\n";

        var result = await ReadAsync("id,name,kind\r\n", edges);

        Assert.Equal([("edges.csv", 2, "type"), ("edges.csv", 2, "confidence")], result.Errors.Select(e => (e.File, e.Row, e.Column)));
    }

    [Fact]
    public async Task A_row_s_problems_are_reported_in_the_order_of_the_columns()
    {
        var edges = EdgesHeader + "a.b,a,b,MEMBER_OF,spring,,,certain,,,nope\r\n";

        var result = await ReadAsync("id,name,kind\r\n", edges);

        Assert.Equal(["start", "confidence", "citations"], result.Errors.Select(e => e.Column));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData(" TRUE ", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public async Task The_plural_column_reads_true_false_or_empty_as_false(string cell, bool plural)
    {
        var result = await ReadAsync($"id,name,kind,plural\r\nun-regional-commissions,UN Regional Commissions,un-entity,{cell}\r\n", EdgesHeader);

        Assert.Empty(result.Errors);
        Assert.Equal(plural, Assert.Single(result.Bundle.Actors).Plural);
    }

    [Fact]
    public async Task A_plural_cell_that_is_not_true_or_false_is_reported()
    {
        var result = await ReadAsync("id,name,kind,plural\r\nun-regional-commissions,UN Regional Commissions,un-entity,yes\r\n", EdgesHeader);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("nodes.csv", 2, "plural"), (error.File, error.Row, error.Column));
        Assert.Contains("'yes' is not 'true' or 'false'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_date_is_reported()
    {
        var result = await ReadAsync(NodesHeader + "iom,IOM,intergovernmental-organisation,,,2020-13-45,,,,,\r\n", EdgesHeader);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("nodes.csv", 2, "founded"), (error.File, error.Row, error.Column));
        Assert.Contains("'2020-13-45' is not a date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_JSON_in_citations_is_reported()
    {
        var edges = EdgesHeader + "a.b,a,b,MEMBER_OF,,,,high,,,\"[{\"\"sourceId\"\": \"\"x\"\"\"\r\n"
            + "a.c,a,c,MEMBER_OF,,,,high,,,\"[{\"\"source\"\":\"\"x\"\",\"\"quote\"\":\"\"q\"\"}]\"\r\n";

        var result = await ReadAsync("id,name,kind\r\n", edges);

        Assert.Equal([("edges.csv", 2, "citations"), ("edges.csv", 3, "citations")], result.Errors.Select(e => (e.File, e.Row, e.Column)));
        Assert.All(result.Errors, e => Assert.StartsWith("The cell must hold a JSON array", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_required_column_is_reported_on_the_header_row()
    {
        var result = await ReadAsync("id,name\r\niom,IOM\r\n", EdgesHeader);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("nodes.csv", 1, "kind"), (error.File, error.Row, error.Column));
        Assert.Empty(result.Bundle.Actors);
    }

    [Fact]
    public async Task An_unknown_column_is_reported()
    {
        var result = await ReadAsync("id,name,kind,colour\r\niom,IOM,intergovernmental-organisation,blue\r\n", EdgesHeader);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("nodes.csv", 1, "colour"), (error.File, error.Row, error.Column));
    }

    [Fact]
    public async Task A_row_of_the_wrong_length_is_reported_and_rows_count_records_not_lines()
    {
        var nodes = "id,name,kind,description\r\n"
            + "iom,IOM,intergovernmental-organisation,\"two\r\nlines\"\r\n"
            + "civ,Côte d’Ivoire,state\r\n"
            + "che,Switzerland,state,,\r\n";

        var result = await ReadAsync(nodes, EdgesHeader);

        Assert.Equal([("nodes.csv", 3, (string?)null), ("nodes.csv", 4, null)], result.Errors.Select(e => (e.File, e.Row, e.Column)));
        Assert.Equal("The row has 3 fields; the header has 4.", result.Errors[0].Message);
        Assert.Equal("iom", Assert.Single(result.Bundle.Actors).Id);
        Assert.Equal([2], result.ActorRows);
    }

    [Fact]
    public async Task A_quote_left_open_and_text_after_a_closing_quote_are_reported()
    {
        var nodes = "id,name,kind\r\niom,\"IOM\"x,intergovernmental-organisation\r\nciv,\"Côte d’Ivoire,state\r\n";

        var result = await ReadAsync(nodes, EdgesHeader);

        Assert.Equal([("nodes.csv", 2), ("nodes.csv", 3)], result.Errors.Select(e => (e.File, e.Row)));
        Assert.Contains("after its closing quote", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("not closed before the end of the file", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_is_located_at_the_file_and_row_it_came_from()
    {
        var result = await ReadAsync("id,name,kind\r\n\r\nciv,Côte d’Ivoire,state\r\nche,Switzerland,state\r\n", EdgesHeader);

        Assert.Equal(
            ("nodes.csv row 3", "nodes.csv row 4", "relations[0]", "bundle"),
            (result.Locate("actors[0]"), result.Locate("actors[1]"), result.Locate("relations[0]"), result.Locate("bundle")));
    }

    [Fact]
    public async Task An_empty_file_is_reported()
    {
        var result = await ReadAsync(string.Empty, EdgesHeader);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("nodes.csv", 1), (error.File, error.Row));
    }

    [Fact]
    public async Task Sources_are_read_with_their_kind_and_year()
    {
        var sources = "id,title,kind,author,year,url,note\r\nun-ceb-gmg,\"Global Migration Group (GMG)\",primary-document,UN CEB,2013,https://unsceb.org/,\r\nbad,Bad,rumour,,20x3,,\r\n";

        var result = await CsvBundleReader.ReadAsync(Utf8(NodesHeader), Utf8(EdgesHeader), Utf8(sources), TestContext.Current.CancellationToken);

        Assert.Equal(
            CanonicalJson.Encode(new Source("un-ceb-gmg", "Global Migration Group (GMG)", SourceKind.PrimaryDocument, "UN CEB", 2013, "https://unsceb.org/")).Json,
            CanonicalJson.Encode(Assert.Single(result.Bundle.Sources)).Json);
        Assert.Equal([("sources.csv", 3, "kind"), ("sources.csv", 3, "year")], result.Errors.Select(e => (e.File, e.Row, e.Column)));
    }

    [Fact]
    public async Task A_zip_without_nodes_csv_is_reported()
    {
        using var zip = new MemoryStream();
        await using (var archive = await ZipArchive.CreateAsync(zip, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, TestContext.Current.CancellationToken))
        {
            await using var edges = await archive.CreateEntry("export/edges.csv").OpenAsync(TestContext.Current.CancellationToken);
            await edges.WriteAsync(Encoding.UTF8.GetBytes(EdgesHeader), TestContext.Current.CancellationToken);
        }

        zip.Position = 0;
        var result = await CsvBundleReader.ReadZipAsync(zip, cancellationToken: TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Errors);
        Assert.Equal("nodes.csv", error.File);
        Assert.Equal("nodes.csv, row 0: The archive holds no nodes.csv.", error.ToString());
    }

    [Fact]
    public async Task Bytes_that_are_not_a_zip_are_reported()
    {
        var result = await CsvBundleReader.ReadZipAsync(Utf8("id,name,kind\r\n"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("not a readable zip archive", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    private static Task<CsvReadResult> ReadAsync(string nodes, string edges) =>
        CsvBundleReader.ReadAsync(Utf8(nodes), Utf8(edges), null, TestContext.Current.CancellationToken);

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));
}
