using IomGraph.Core.Model;

namespace IomGraph.Formats;

/// <summary>
/// What <see cref="CsvBundleReader"/> read: the records of every row that parsed, and the problems of the rows that did
/// not. Import only when <see cref="Errors"/> is empty, and validate the bundle then (<c>BundleValidator</c>) as any
/// other import: the reader checks the syntax of each cell, not the rules between records.
/// </summary>
public sealed record CsvReadResult(GraphBundle Bundle, IReadOnlyList<CsvError> Errors)
{
    /// <summary>The row each record of <see cref="GraphBundle.Actors"/> came from, index for index, to locate a validation error.</summary>
    public IReadOnlyList<int> ActorRows { get; init; } = [];

    /// <summary>The row each record of <see cref="GraphBundle.Relations"/> came from.</summary>
    public IReadOnlyList<int> RelationRows { get; init; } = [];

    /// <summary>The row each record of <see cref="GraphBundle.Sources"/> came from.</summary>
    public IReadOnlyList<int> SourceRows { get; init; } = [];
}
