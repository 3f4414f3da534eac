using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace IomGraph.Api.Application;

/// <summary>What the serializer's contract says about a type's properties on the wire.</summary>
internal static class WireContract
{
    /// <summary>The properties that are ever read or written: those marked <c>[JsonIgnore]</c> without a condition are not.</summary>
    public static IEnumerable<JsonPropertyInfo> Properties(JsonTypeInfo info) =>
        info.Properties.Where(p => p.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
            .OfType<JsonIgnoreAttribute>().Any(a => a.Condition == JsonIgnoreCondition.Always) != true);
}
