using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// Writes parameter values as plain JSON (transactional endpoint) or as the Query API's typed JSON, and turns typed
/// result values back into plain JSON so that the store reads rows the same way from either transport.
/// Typed JSON: https://neo4j.com/docs/query-api/current/typed-json
/// </summary>
internal static class CypherJson
{
    public const string TypedMediaType = "application/vnd.neo4j.query";

    public static void WriteValue(Utf8JsonWriter writer, object? value, bool typed)
    {
        switch (value)
        {
            case null:
                if (typed)
                {
                    WriteTyped(writer, "Null", w => w.WriteNullValue());
                }
                else
                {
                    writer.WriteNullValue();
                }

                break;
            case string text:
                if (typed)
                {
                    WriteTyped(writer, "String", w => w.WriteStringValue(text));
                }
                else
                {
                    writer.WriteStringValue(text);
                }

                break;
            case bool flag:
                if (typed)
                {
                    WriteTyped(writer, "Boolean", w => w.WriteBooleanValue(flag));
                }
                else
                {
                    writer.WriteBooleanValue(flag);
                }

                break;
            case int or long or short or byte:
                var integer = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                if (typed)
                {
                    // Typed JSON carries integers as strings, so that 64-bit values survive JavaScript-grade parsers.
                    WriteTyped(writer, "Integer", w => w.WriteStringValue(integer.ToString(CultureInfo.InvariantCulture)));
                }
                else
                {
                    writer.WriteNumberValue(integer);
                }

                break;
            case double or float:
                var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (typed)
                {
                    WriteTyped(writer, "Float", w => w.WriteStringValue(real.ToString("R", CultureInfo.InvariantCulture)));
                }
                else
                {
                    writer.WriteNumberValue(real);
                }

                break;
            case IReadOnlyDictionary<string, object?> map:
                if (typed)
                {
                    WriteTyped(writer, "Map", w => WriteMap(w, map, typed: true));
                }
                else
                {
                    WriteMap(writer, map, typed: false);
                }

                break;
            case IEnumerable list:
                if (typed)
                {
                    WriteTyped(writer, "List", w => WriteList(w, list, typed: true));
                }
                else
                {
                    WriteList(writer, list, typed: false);
                }

                break;
            default:
                throw new ArgumentException($"A Cypher parameter cannot be a {value.GetType().Name}.", nameof(value));
        }
    }

    public static void WriteParameters(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> parameters, bool typed) =>
        WriteMap(writer, parameters, typed);

    private static void WriteMap(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> map, bool typed)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in map)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, item, typed);
        }

        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, IEnumerable list, bool typed)
    {
        writer.WriteStartArray();
        foreach (var item in list)
        {
            WriteValue(writer, item, typed);
        }

        writer.WriteEndArray();
    }

    private static void WriteTyped(Utf8JsonWriter writer, string type, Action<Utf8JsonWriter> value)
    {
        writer.WriteStartObject();
        writer.WriteString("$type", type);
        writer.WritePropertyName("_value");
        value(writer);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Unwraps a typed value: Integer and Float become JSON numbers, List and Map recurse, temporal, spatial and
    /// Base64 values stay their strings, a Node becomes {elementId, labels, properties}, a Relationship
    /// {elementId, type, startNodeElementId, endNodeElementId, properties}, and a Path the array of its elements.
    /// </summary>
    public static JsonElement Untype(JsonElement typed)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteUntyped(writer, typed);
        }

        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }

    private static void WriteUntyped(Utf8JsonWriter writer, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("$type", out var typeElement))
        {
            // Not a typed value (a nested plain map of a node's internals, say): copy it as it is.
            value.WriteTo(writer);
            return;
        }

        var type = typeElement.GetString();
        var inner = value.TryGetProperty("_value", out var v) ? v : default;
        switch (type)
        {
            case "Null":
                writer.WriteNullValue();
                break;
            case "Integer":
                writer.WriteNumberValue(long.Parse(inner.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                break;
            case "Float":
                var text = inner.ValueKind == JsonValueKind.String ? inner.GetString()! : inner.GetRawText();
                var real = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (double.IsFinite(real))
                {
                    writer.WriteNumberValue(real);
                }
                else
                {
                    writer.WriteStringValue(text);
                }

                break;
            case "List":
                writer.WriteStartArray();
                foreach (var item in inner.EnumerateArray())
                {
                    WriteUntyped(writer, item);
                }

                writer.WriteEndArray();
                break;
            case "Map":
                WriteUntypedMap(writer, inner);
                break;
            case "Node":
                writer.WriteStartObject();
                writer.WriteString("elementId", inner.GetProperty("_element_id").GetString());
                writer.WritePropertyName("labels");
                inner.GetProperty("_labels").WriteTo(writer);
                writer.WritePropertyName("properties");
                WriteUntypedMap(writer, inner.TryGetProperty("_properties", out var nodeProperties) ? nodeProperties : default);
                writer.WriteEndObject();
                break;
            case "Relationship":
                writer.WriteStartObject();
                writer.WriteString("elementId", inner.GetProperty("_element_id").GetString());
                writer.WriteString("type", inner.GetProperty("_type").GetString());
                writer.WriteString("startNodeElementId", inner.GetProperty("_start_node_element_id").GetString());
                writer.WriteString("endNodeElementId", inner.GetProperty("_end_node_element_id").GetString());
                writer.WritePropertyName("properties");
                WriteUntypedMap(writer, inner.TryGetProperty("_properties", out var relationshipProperties) ? relationshipProperties : default);
                writer.WriteEndObject();
                break;
            case "Path":
                writer.WriteStartArray();
                foreach (var element in inner.EnumerateArray())
                {
                    WriteUntyped(writer, element);
                }

                writer.WriteEndArray();
                break;
            default:
                // Boolean and String are already plain; Date, DateTime, Duration, Point, Base64 and the like stay the
                // strings the server wrote. The store never asks for them.
                inner.WriteTo(writer);
                break;
        }
    }

    private static void WriteUntypedMap(Utf8JsonWriter writer, JsonElement map)
    {
        writer.WriteStartObject();
        if (map.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in map.EnumerateObject())
            {
                writer.WritePropertyName(property.Name);
                WriteUntyped(writer, property.Value);
            }
        }

        writer.WriteEndObject();
    }
}
