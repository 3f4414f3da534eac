using System.Text.Json;
using IomGraph.Core.Model;

namespace IomGraph.Formats.Tests;

public sealed class JsonFormatTests
{
    [Fact]
    public async Task Json_export_reads_back_as_the_same_bundle()
    {
        var bytes = await FormatGraph.WriteAsync(GraphFormats.Json);

        var bundle = JsonSerializer.Deserialize<GraphBundle>(bytes, GraphJson.Options);

        Assert.NotNull(bundle);
        FormatGraph.AssertSameRecords(FormatGraph.Bundle(), bundle);
    }

    [Fact]
    public async Task Json_export_has_exactly_the_three_record_arrays()
    {
        using var json = JsonDocument.Parse(await FormatGraph.WriteAsync(GraphFormats.Json));

        Assert.Equal(["actors", "relations", "sources"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(6, json.RootElement.GetProperty("actors").GetArrayLength());
        Assert.Equal(7, json.RootElement.GetProperty("relations").GetArrayLength());
        Assert.Equal(4, json.RootElement.GetProperty("sources").GetArrayLength());
    }

    [Fact]
    public async Task Json_export_uses_the_wire_names_of_the_vocabulary()
    {
        using var json = JsonDocument.Parse(await FormatGraph.WriteAsync(GraphFormats.Json));

        var civ = json.RootElement.GetProperty("actors").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "civ");
        Assert.Equal("state", civ.GetProperty("kind").GetString());
        Assert.Equal("1960-08", civ.GetProperty("founded").GetString());
        var chairs = json.RootElement.GetProperty("relations").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "iom.chairs.global-migration-group");
        Assert.Equal("CHAIRS", chairs.GetProperty("type").GetString());
        Assert.Equal("medium", chairs.GetProperty("confidence").GetString());
    }

    [Fact]
    public async Task An_empty_export_is_an_empty_bundle()
    {
        using var output = new MemoryStream();

        await GraphFormats.Json.WriteAsync(FormatGraph.Sequence(), output, FormatGraph.Context, TestContext.Current.CancellationToken);

        Assert.Equal("""{"actors":[],"relations":[],"sources":[]}""", System.Text.Encoding.UTF8.GetString(output.ToArray()));
    }
}
