using IomGraph.Core.Storage.Writing;

namespace IomGraph.Testing.InMemory;

/// <summary>
/// One stored record: the record, its canonical JSON and version tag as Core encoded them, and whether a seed wrote it
/// last, which is what a seed's removals go by (see <see cref="Core.Storage.IGraphWriter"/>).
/// </summary>
internal sealed record InMemoryRecord<T>(T Record, string Json, string Version, bool SeedOwned)
{
    public static InMemoryRecord<T> Of(Encoded<T> encoded, bool seedOwned) => new(encoded.Record, encoded.Json, encoded.Version, seedOwned);
}
