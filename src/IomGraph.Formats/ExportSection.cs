namespace IomGraph.Formats;

/// <summary>The parts of an export, in the order the store streams them.</summary>
internal enum ExportSection
{
    Actors,
    Relations,
    Sources,
}
