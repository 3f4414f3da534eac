using System.Text.Json;
using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>Turns records into their stored form and back. The stored form is Core's canonical JSON.</summary>
internal static class RecordCodec
{
    public static EncodedRecord Encode(Actor actor) => CanonicalJson.Encode(actor);

    public static EncodedRecord Encode(Relation relation) => CanonicalJson.Encode(relation);

    public static EncodedRecord Encode(Source source) => CanonicalJson.Encode(source);

    public static T Decode<T>(string doc)
        where T : class =>
        JsonSerializer.Deserialize<T>(doc, GraphJson.Options) ?? throw new InvalidDataException($"A stored {typeof(T).Name} is null.");

    /// <summary>'\n' + each folded search name + '\n', for instr() matching.</summary>
    public static string SearchNames(Actor actor) => "\n" + string.Join('\n', TextFolding.SearchNames(actor)) + "\n";

    public static string SortKey(Actor actor) => TextFolding.Fold(actor.Name);

    public static string KindName(ActorKind kind) => ActorKinds.NameOf(kind);

    public static string TypeName(RelationType type) => RelationTypes.NameOf(type);

    public static ActorKind ParseKind(string name) =>
        ActorKinds.TryParse(name, out var kind) ? kind : throw new InvalidDataException($"'{name}' is not an actor kind.");

    public static RelationType ParseType(string name) =>
        RelationTypes.TryParse(name, out var type) ? type : throw new InvalidDataException($"'{name}' is not a relation type.");

    public static string JsonArray(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToArray(), StringArrayContext.Default.StringArray);
}
