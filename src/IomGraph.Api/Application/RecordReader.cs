using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using IomGraph.Core.Model;

namespace IomGraph.Api.Application;

/// <summary>
/// Reads a record that a client sent with <see cref="GraphJson"/>'s strict rules, but reports every problem at once,
/// each under the JSON path of its field (<c>name</c>, <c>sources[0].quote</c>), in words a client can act on. The
/// serializer alone stops at the first problem and names C# types ("…for type 'IomGraph.Core.Model.Actor' was missing
/// required properties"), which helps nobody who sent JSON.
/// </summary>
public static class RecordReader
{
    private static readonly FrozenDictionary<Type, string> Nouns = new Dictionary<Type, string>
    {
        [typeof(Actor)] = "an actor",
        [typeof(Relation)] = "a relation",
        [typeof(Source)] = "a source",
        [typeof(Citation)] = "a citation",
        [typeof(GraphBundle)] = "a bundle",
    }.ToFrozenDictionary();

    /// <summary>Parses a JSON body, or says in plain words why it is not JSON.</summary>
    public static async Task<(JsonNode? Node, string? Malformed)> ReadJsonAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return (await JsonNode.ParseAsync(body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }, cancellationToken: cancellationToken), null);
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
            var where = e.LineNumber is { } line && e.BytePositionInLine is { } column
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, character {column + 1}")
                : string.Empty;
            return (null, $"The body is not valid JSON{where}: {reason}.");
        }
    }

    /// <summary>The record, or the problems keyed by field path (never both).</summary>
    public static (T? Record, IReadOnlyDictionary<string, string[]> Errors) Read<T>(JsonNode? node, string root = "")
        where T : class
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (node is null)
        {
            Add(errors, Field(root, "body"), $"The body is null; send {Noun(typeof(T))} as a JSON object.");
        }
        else
        {
            Check(node, typeof(T), root, errors);
        }

        if (errors.Count == 0)
        {
            try
            {
                return (node!.Deserialize<T>(GraphJson.Options), Empty);
            }
            catch (JsonException e)
            {
                // Every rule above mirrors the serializer's; reaching here means one was missed. Say where, not what type.
                Add(errors, Field(root, e.Path is { Length: > 2 } path ? path[2..] : "body"), "This value cannot be read.");
            }
        }

        return (null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    private static void Check(JsonNode node, Type type, string path, Dictionary<string, List<string>> errors)
    {
        var info = GraphJson.Options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when node is not JsonObject:
                Add(errors, Field(path, "body"), $"{Capitalised(Noun(type))} must be a JSON object.");
                return;
            case JsonTypeInfoKind.Object:
                CheckObject((JsonObject)node, info, path, errors);
                return;
            case JsonTypeInfoKind.Enumerable when node is not JsonArray:
                Add(errors, Field(path, "body"), $"'{Name(path)}' must be a JSON array.");
                return;
            case JsonTypeInfoKind.Enumerable:
                var items = (JsonArray)node;
                for (var i = 0; i < items.Count; i++)
                {
                    CheckValue(items[i], info.ElementType!, isNullable: false, $"{path}[{i}]", errors);
                }

                return;
            case JsonTypeInfoKind.Dictionary when node is not JsonObject:
                Add(errors, Field(path, "body"), $"'{Name(path)}' must be a JSON object of names and values.");
                return;
            case JsonTypeInfoKind.Dictionary:
                foreach (var (key, value) in (JsonObject)node)
                {
                    CheckValue(value, info.ElementType!, isNullable: false, $"{path}.{key}", errors);
                }

                return;
            default:
                CheckScalar(node, type, path, errors);
                return;
        }
    }

    private static void CheckObject(JsonObject node, JsonTypeInfo info, string path, Dictionary<string, List<string>> errors)
    {
        var properties = WireContract.Properties(info).ToList();
        var byName = properties.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, _) in node)
        {
            if (!byName.ContainsKey(name))
            {
                Add(errors, Field(path, name), $"'{name}' is not a field of {Noun(info.Type)}. Its fields are: {string.Join(", ", properties.Select(p => p.Name))}.");
            }
        }

        foreach (var property in properties)
        {
            var present = node.FirstOrDefault(p => string.Equals(p.Key, property.Name, StringComparison.OrdinalIgnoreCase));
            if (present.Key is null)
            {
                if (property.IsRequired)
                {
                    Add(errors, Field(path, property.Name), $"'{property.Name}' is required.");
                }

                continue;
            }

            CheckValue(present.Value, property.PropertyType, property.IsSetNullable, Field(path, property.Name), errors);
        }
    }

    private static void CheckValue(JsonNode? value, Type type, bool isNullable, string path, Dictionary<string, List<string>> errors)
    {
        var underlying = System.Nullable.GetUnderlyingType(type);
        if (value is null)
        {
            if (!isNullable && underlying is null)
            {
                Add(errors, path, $"'{Name(path)}' may not be null; leave it out or give a value.");
            }

            return;
        }

        Check(value, underlying ?? type, path, errors);
    }

    private static void CheckScalar(JsonNode node, Type type, string path, Dictionary<string, List<string>> errors)
    {
        try
        {
            _ = node.Deserialize(type, GraphJson.Options);
        }
        catch (JsonException)
        {
            Add(errors, path, $"'{Name(path)}' {Expected(type)}.");
        }
    }

    private static string Expected(Type type)
    {
        if (type == typeof(PartialDate))
        {
            return "must be a real date written YYYY, YYYY-MM or YYYY-MM-DD";
        }

        if (type.IsEnum)
        {
            var names = Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.SerializeToElement(v, type, GraphJson.Options).GetString());
            return $"must be one of: {string.Join(", ", names)}";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => "must be a string",
            TypeCode.Boolean => "must be true or false",
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 => "must be a whole number",
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "must be a number",
            _ => "has the wrong type",
        };
    }

    private static string Noun(Type type) => Nouns.GetValueOrDefault(type, "a record");

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Field(string path, string name) => path.Length == 0 ? name : name == "body" ? path : $"{path}.{name}";

    // The field's own name, as the client wrote it: "sources[0].quote" → "quote".
    private static string Name(string path) => path.Length == 0 ? "body" : path[(path.LastIndexOf('.') + 1)..];

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }
}
