using System.Text.Json.Serialization;

namespace IomGraph.Core.Storage;

/// <summary>The kinds of stored record.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecordKind>))]
public enum RecordKind
{
    [JsonStringEnumMemberName("source")] Source,
    [JsonStringEnumMemberName("actor")] Actor,
    [JsonStringEnumMemberName("relation")] Relation,
}
