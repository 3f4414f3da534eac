namespace IomGraph.Formats;

/// <summary>A property a graph format writes on each node or edge: its key id, its name and how to read it.</summary>
internal sealed record GraphProperty<T>(string Id, string Name, Func<T, ExportContext, string?> Value);
