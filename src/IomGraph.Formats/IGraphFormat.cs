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
