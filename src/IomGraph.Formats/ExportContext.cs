using IomGraph.Core.Model;

namespace IomGraph.Formats;

/// <summary>
/// What a format needs besides the records: how to tell each relation (its sentence, for this request's date and
/// sources), and, for a neighbourhood, where each actor sits.
/// </summary>
public sealed record ExportContext(Func<RelationView, string> Sentence, NeighbourhoodLayout? Layout = null);
