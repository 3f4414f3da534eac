using System.Text.Json.Serialization;

namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>Id and name lists go to SQLite as one JSON array parameter, read back with json_each.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class StringArrayContext : JsonSerializerContext;
