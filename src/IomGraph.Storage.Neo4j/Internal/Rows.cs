using System.Text.Json;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>Reads the values the catalogue's statements return. Records come back as their canonical JSON (doc).</summary>
internal static class Rows
{
    public static bool IsNull(JsonElement value) => value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    public static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string RequiredText(JsonElement value) => Text(value) ?? throw new InvalidDataException($"Neo4j returned {value.ValueKind} where a string was expected.");

    public static long Long(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetInt64(out var number) ? number : (long)value.GetDouble(),
        JsonValueKind.Null or JsonValueKind.Undefined => 0,
        _ => throw new InvalidDataException($"Neo4j returned {value.ValueKind} where a number was expected."),
    };

    public static int Int(JsonElement value) => checked((int)Long(value));

    public static bool Bool(JsonElement value) => value.ValueKind == JsonValueKind.True;

    public static T Decode<T>(JsonElement doc)
        where T : class =>
        GraphJson.Decode<T>(RequiredText(doc));

    /// <summary>Reads a map projection <c>a {.id, .name, .kind, .label, .shortName, .plural}</c>; a missing or null plural is false.</summary>
    public static ActorRef ActorRef(JsonElement map) =>
        new(
            RequiredText(map.GetProperty("id")),
            RequiredText(map.GetProperty("name")),
            Kind(RequiredText(map.GetProperty("kind"))),
            map.TryGetProperty("label", out var label) ? Text(label) : null,
            map.TryGetProperty("shortName", out var shortName) ? Text(shortName) : null,
            map.TryGetProperty("plural", out var plural) && Bool(plural));

    public static ActorKind Kind(string name) => WireNames.Parse<ActorKind>(name);

    public static RelationType Type(string name) => WireNames.Parse<RelationType>(name);

    /// <summary>Reads the (doc, startKey, from, to) columns of a relation row, or null for the empty-page row.</summary>
    public static (RelationView View, int StartKey)? View(CypherResult result, JsonElement[] row)
    {
        var doc = row[result.Column("doc")];
        if (IsNull(doc))
        {
            return null;
        }

        var relation = Decode<Relation>(doc);
        var view = new RelationView(relation, ActorRef(row[result.Column("from")]), ActorRef(row[result.Column("to")]));
        return (view, Validity.StartKey(relation));
    }

    public static List<(RelationView View, int StartKey)> Views(CypherResult result)
    {
        var views = new List<(RelationView, int)>(result.Rows.Count);
        foreach (var row in result.Rows)
        {
            if (View(result, row) is { } view)
            {
                views.Add(view);
            }
        }

        return views;
    }

    public static IEnumerable<string> Strings(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Select(RequiredText) : [];
}
