using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Formats.Tests;

public sealed class GraphFormatsTests
{
    public static TheoryData<string> Names => [.. GraphFormats.Names];

    [Fact]
    public void The_registry_lists_every_format_by_name()
    {
        Assert.Equal(["json", "cytoscape", "graphml", "gexf", "csv"], GraphFormats.Names);
        Assert.Equal(
            [("application/vnd.iomgraph.bundle+json", "json"), ("application/vnd.iomgraph.cytoscape+json", "cyjs"), ("application/graphml+xml", "graphml"), ("application/gexf+xml", "gexf"), ("application/zip", "zip")],
            GraphFormats.All.Select(f => (f.ContentType, f.FileExtension)));
    }

    [Fact]
    public void Formats_are_found_by_name_ignoring_case_and_unknown_names_are_not()
    {
        Assert.True(GraphFormats.TryGet("GraphML", out var format));
        Assert.Same(GraphFormats.GraphMl, format);
        Assert.False(GraphFormats.TryGet("dot", out _));
        Assert.False(GraphFormats.TryGet(null, out _));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Every_format_writes_asynchronously_only(string name)
    {
        // Kestrel refuses synchronous writes to a response body; this stream does too.
        await using var output = new AsyncOnlyStream();
        GraphFormats.TryGet(name, out var format);

        await format!.WriteAsync(FormatGraph.Items(FormatGraph.Bundle(), TestContext.Current.CancellationToken), output, FormatGraph.Context, TestContext.Current.CancellationToken);

        Assert.True(output.Length > 100);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Every_format_hands_output_on_before_the_export_ends(string name)
    {
        GraphFormats.TryGet(name, out var format);
        using var output = new MemoryStream();
        long writtenBeforeTheLastItem = -1;

        async IAsyncEnumerable<ExportItem> Large()
        {
            const int Count = 3000;
            for (var i = 0; i < Count; i++)
            {
                await Task.Yield();
                yield return new ActorItem(new Actor($"actor-{i:D5}", $"Actor {i}", ActorKind.State, Description: new string('x', 200)));
            }

            for (var i = 1; i < Count; i++)
            {
                if (i == Count - 1)
                {
                    writtenBeforeTheLastItem = output.Length;
                }

                yield return new RelationItem(new Relation(
                    $"r-{i:D5}", $"actor-{i - 1:D5}", $"actor-{i:D5}", RelationType.SucceededBy, Confidence.Low, [new Citation("s", "a quote")]));
            }
        }

        await format!.WriteAsync(Large(), output, FormatGraph.Context, TestContext.Current.CancellationToken);

        // Deflate keeps some of what it compresses, so the zip only has to have started.
        Assert.InRange(writtenBeforeTheLastItem, name == "csv" ? 1 : output.Length / 2, output.Length - 1);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task An_actor_after_the_relations_breaks_the_export_contract(string name)
    {
        GraphFormats.TryGet(name, out var format);
        var actor = FormatGraph.Actor("iom");
        var items = FormatGraph.Sequence(
            new ActorItem(FormatGraph.Actor("civ")), new ActorItem(actor), new RelationItem(FormatGraph.Relation("civ.member-of.iom")), new ActorItem(FormatGraph.Actor("unhcr")));

        using var output = new MemoryStream();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => format!.WriteAsync(items, output, FormatGraph.Context, TestContext.Current.CancellationToken));

        Assert.Contains("actor 'unhcr' came after the relations", error.Message, StringComparison.Ordinal);
        Assert.False(await IsCompleteAsync(name, output.ToArray()), "A failed export looks like a complete file.");
    }

    [Theory]
    [InlineData("cytoscape")]
    [InlineData("graphml")]
    [InlineData("gexf")]
    public async Task A_graph_format_refuses_an_edge_to_a_node_it_has_not_written(string name)
    {
        GraphFormats.TryGet(name, out var format);
        var items = FormatGraph.Sequence(new ActorItem(FormatGraph.Actor("civ")), new RelationItem(FormatGraph.Relation("civ.member-of.iom")));

        using var output = new MemoryStream();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => format!.WriteAsync(items, output, FormatGraph.Context, TestContext.Current.CancellationToken));

        Assert.Equal("Relation 'civ.member-of.iom' refers to actor 'iom', which the export did not send before it.", error.Message);
        Assert.False(await IsCompleteAsync(name, output.ToArray()), "A failed export looks like a complete file.");
    }

    [Fact]
    public async Task CSV_names_an_end_it_has_not_seen_by_its_id()
    {
        using var output = new MemoryStream();
        var items = FormatGraph.Sequence(new RelationItem(FormatGraph.Relation("civ.member-of.iom")));

        await GraphFormats.Csv.WriteAsync(items, output, FormatGraph.Context, TestContext.Current.CancellationToken);

        output.Position = 0;
        var result = await CsvBundleReader.ReadZipAsync(output, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(result.Errors);
        Assert.Equal("civ.member-of.iom", Assert.Single(result.Bundle.Relations).Id);
    }

    [Fact]
    public async Task XML_formats_drop_characters_that_XML_cannot_carry()
    {
        var actor = new Actor("odd", "Odd\u0001name", ActorKind.Event, Description: "bell\u0007 and lone \uD800 surrogate");
        foreach (var format in new[] { GraphFormats.GraphMl, GraphFormats.Gexf })
        {
            using var output = new MemoryStream();

            await format.WriteAsync(FormatGraph.Sequence(new ActorItem(actor)), output, FormatGraph.Context, TestContext.Current.CancellationToken);

            var text = Xml.Parse(output.ToArray()).ToString();
            Assert.Contains("Oddname", text, StringComparison.Ordinal);
            Assert.Contains("bell and lone \uFFFD surrogate", text, StringComparison.Ordinal);
        }
    }

    private static async Task<bool> IsCompleteAsync(string format, byte[] bytes)
    {
        try
        {
            switch (format)
            {
                case "json" or "cytoscape":
                    using (System.Text.Json.JsonDocument.Parse(bytes))
                    {
                        return true;
                    }

                case "graphml" or "gexf":
                    Xml.Parse(bytes);
                    return true;
                default:
                    return (await CsvBundleReader.ReadZipAsync(new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken)).Errors.Count == 0;
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or System.Xml.XmlException)
        {
            return false;
        }
    }

    /// <summary>A write-only, unseekable stream that, like Kestrel's response body, throws on synchronous I/O.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _inner = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _inner.Length;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void WriteByte(byte value) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.WriteAsync(buffer, offset, count, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
