namespace IomGraph.Core.Storage;

/// <summary>A stored record in its canonical JSON, with its version tag.</summary>
public sealed record VersionedRecord(RecordRef Record, string Json, string Version);
