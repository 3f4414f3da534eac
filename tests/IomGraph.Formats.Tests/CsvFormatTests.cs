using System.IO.Compression;
using System.Text;
using IomGraph.Core.Model;

namespace IomGraph.Formats.Tests;

public sealed class CsvFormatTests
{
    [Fact]
    public async Task CSV_export_is_a_zip_of_nodes_edges_and_sources()
    {
        var files = await ReadZipAsync(await FormatGraph.WriteAsync(GraphFormats.Csv));

        Assert.Equal(["nodes.csv", "edges.csv", "sources.csv"], files.Keys);
    }

    [Fact]
    public async Task The_same_graph_gives_the_same_zip_bytes_and_each_entry_says_1980()
    {
        var first = await FormatGraph.WriteAsync(GraphFormats.Csv);
        await Task.Delay(TimeSpan.FromSeconds(2.1), TestContext.Current.CancellationToken); // a zip's clock counts in two-second steps
        var second = await FormatGraph.WriteAsync(GraphFormats.Csv);

        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Fact]
    public async Task CSV_files_are_UTF8_without_BOM_with_CRLF_rows_and_a_header()
    {
        var files = await ReadZipAsync(await FormatGraph.WriteAsync(GraphFormats.Csv));

        Assert.All(files.Values, bytes => Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], "A CSV file starts with a byte order mark."));
        var nodes = Encoding.UTF8.GetString(files["nodes.csv"]);
        Assert.StartsWith("id,name,kind,label,aliases,founded,dissolved,headquarters,iso3,wikidata,description,citations,otherIds,shortName,plural\r\n", nodes, StringComparison.Ordinal);
        Assert.StartsWith("id,from,to,type,start,end,role,confidence,sentence,note,citations,heldOn\r\n", Encoding.UTF8.GetString(files["edges.csv"]), StringComparison.Ordinal);
        Assert.StartsWith("id,title,kind,author,year,url,note,attribution,publisher,container,published,symbols,doi\r\n", Encoding.UTF8.GetString(files["sources.csv"]), StringComparison.Ordinal);
        Assert.All(files.Values, bytes => Assert.EndsWith("\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal));
        Assert.Contains("Côte d’Ivoire", nodes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CSV_quotes_fields_with_commas_quotes_and_line_breaks_and_doubles_quotes()
    {
        var files = await ReadZipAsync(await FormatGraph.WriteAsync(GraphFormats.Csv));

        var nodes = Encoding.UTF8.GetString(files["nodes.csv"]);
        Assert.Contains("\"Founded as \"\"PICMME\"\", then ICEM; now IOM.\nIt joined the UN system in 2016, as a related organisation.\r\nMembers: 175, observers: 8.\"", nodes, StringComparison.Ordinal);
        Assert.Contains(",Geneva,", nodes, StringComparison.Ordinal);
        var edges = Encoding.UTF8.GetString(files["edges.csv"]);
        Assert.Contains(",\"chair, rotating\",", edges, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CSV_edges_carry_the_sentence_and_citations_as_JSON()
    {
        var files = await ReadZipAsync(await FormatGraph.WriteAsync(GraphFormats.Csv));

        var edges = Encoding.UTF8.GetString(files["edges.csv"]);
        Assert.Contains("IOM was a founding member of the Geneva Migration Group from 2003 to 2006.", edges, StringComparison.Ordinal);
        Assert.Contains("\"[{\"\"sourceId\"\":\"\"un-ceb-gmg\"\",\"\"quote\"\":\"\"the six founding members\"\",\"\"locator\"\":\"\"Annex I\"\"},", edges, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CSV_export_reads_back_as_the_same_records()
    {
        var zip = await FormatGraph.WriteAsync(GraphFormats.Csv);

        var result = await CsvBundleReader.ReadZipAsync(new MemoryStream(zip), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        FormatGraph.AssertSameRecords(FormatGraph.Bundle(), result.Bundle);
    }

    [Fact]
    public async Task CSV_files_read_back_one_by_one_and_say_which_row_each_record_came_from()
    {
        var files = await ReadZipAsync(await FormatGraph.WriteAsync(GraphFormats.Csv));

        var result = await CsvBundleReader.ReadAsync(
            new MemoryStream(files["nodes.csv"]), new MemoryStream(files["edges.csv"]), new MemoryStream(files["sources.csv"]), TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        FormatGraph.AssertSameRecords(FormatGraph.Bundle(), result.Bundle);
        Assert.Equal([2, 3, 4, 5, 6, 7], result.ActorRows);
        Assert.Equal("civ", result.Bundle.Actors[0].Id);
        Assert.Equal([2, 3, 4, 5], result.SourceRows);
    }

    [Fact]
    public async Task CSV_keeps_aliases_that_contain_the_separator_and_tells_no_citations_from_an_empty_list()
    {
        var zip = await FormatGraph.WriteAsync(GraphFormats.Csv);

        var bundle = (await CsvBundleReader.ReadZipAsync(new MemoryStream(zip), cancellationToken: TestContext.Current.CancellationToken)).Bundle;

        Assert.Equal(["UN Refugee Agency", "HCR | Genève", " padded "], bundle.Actors.Single(a => a.Id == "unhcr").Aliases);
        Assert.Equal("0000 0001 2181 0340", bundle.Actors.Single(a => a.Id == "unhcr").ExternalIds!["isni"]);
        Assert.Null(bundle.Actors.Single(a => a.Id == "civ").Sources);
        Assert.Empty(bundle.Actors.Single(a => a.Id == "geneva-migration-group").Sources!);
    }

    [Fact]
    public async Task A_plural_actor_is_true_in_the_last_nodes_column_and_reads_back_plural()
    {
        var original = FormatGraph.Bundle();
        var bundle = original with { Actors = [.. original.Actors.Select(a => a.Id == "geneva-migration-group" ? a with { Plural = true } : a)] };

        var zip = await FormatGraph.WriteAsync(GraphFormats.Csv, bundle);

        var rows = Encoding.UTF8.GetString((await ReadZipAsync(zip))["nodes.csv"]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("geneva-migration-group,", Assert.Single(rows, r => r.EndsWith(",true", StringComparison.Ordinal)), StringComparison.Ordinal);
        var read = (await CsvBundleReader.ReadZipAsync(new MemoryStream(zip), cancellationToken: TestContext.Current.CancellationToken)).Bundle;
        FormatGraph.AssertSameRecords(bundle, read);
        Assert.Equal(["geneva-migration-group"], read.Actors.Where(a => a.Plural).Select(a => a.Id));
    }

    [Fact]
    public async Task An_empty_CSV_export_has_the_three_files_with_headers_only()
    {
        using var output = new MemoryStream();

        await GraphFormats.Csv.WriteAsync(FormatGraph.Sequence(), output, FormatGraph.Context, TestContext.Current.CancellationToken);

        var files = await ReadZipAsync(output.ToArray());
        Assert.Equal(["nodes.csv", "edges.csv", "sources.csv"], files.Keys);
        Assert.All(files.Values, bytes => Assert.Single(Encoding.UTF8.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)));
    }

    private static async Task<Dictionary<string, byte[]>> ReadZipAsync(byte[] zip)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var archive = await ZipArchive.CreateAsync(new MemoryStream(zip), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken);
        var files = new Dictionary<string, byte[]>();
        foreach (var entry in archive.Entries)
        {
            await using var stream = await entry.OpenAsync(cancellationToken);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            files.Add(entry.FullName, copy.ToArray());
        }

        return files;
    }
}
