using System.Diagnostics.CodeAnalysis;

namespace IomGraph.Formats;

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
