using System.Diagnostics.CodeAnalysis;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Formats;

/// <summary>
/// A file format the graph can be exported in. A format writes the records of an export as they stream in, in the
/// order <see cref="IGraphReader.ExportAsync"/> gives them (actors, then relations, then sources), and never holds
/// the whole graph: only what it needs of the actors to name a relation's ends.
/// </summary>
public interface IGraphFormat
{
    /// <summary>The name clients ask for (<c>?format=graphml</c>): lowercase.</summary>
    string Name { get; }

    /// <summary>The media type of the response.</summary>
    string ContentType { get; }

    /// <summary>The file name extension of a download, without the dot.</summary>
    string FileExtension { get; }

    /// <summary>
    /// Writes the records to <paramref name="output"/> asynchronously only (Kestrel forbids synchronous writes), and
    /// leaves the stream open. An item that comes out of order (an actor after a relation, a relation whose end was not
    /// exported before it where the format needs its node) is a broken export contract: <see cref="InvalidOperationException"/>.
    /// </summary>
    Task WriteAsync(IAsyncEnumerable<ExportItem> items, Stream output, ExportContext context, CancellationToken cancellationToken = default);
}

/// <summary>
/// What a format needs besides the records: how to tell each relation (its sentence, for this request's date and
/// sources), and, for a neighbourhood, where each actor sits.
/// </summary>
public sealed record ExportContext(Func<RelationView, string> Sentence, NeighbourhoodLayout? Layout = null);

/// <summary>Every export format, by name.</summary>
public static class GraphFormats
{
    public static IGraphFormat Json { get; } = new JsonFormat();

    public static IGraphFormat Cytoscape { get; } = new CytoscapeFormat();

    public static IGraphFormat GraphMl { get; } = new GraphMlFormat();

    public static IGraphFormat Gexf { get; } = new GexfFormat();

    public static IGraphFormat Csv { get; } = new CsvFormat();

    /// <summary>The formats in the order the documentation lists them; the first is the default.</summary>
    public static IReadOnlyList<IGraphFormat> All { get; } = [Json, Cytoscape, GraphMl, Gexf, Csv];

    /// <summary>The names a request may give: "json", "cytoscape", "graphml", "gexf", "csv".</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];

    /// <summary>Finds a format by name, ignoring case.</summary>
    public static bool TryGet(string? name, [NotNullWhen(true)] out IGraphFormat? format)
    {
        format = All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        return format is not null;
    }
}
