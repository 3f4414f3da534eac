namespace IomGraph.Core.Storage;

/// <summary>One record, named by kind and id.</summary>
public sealed record RecordRef(RecordKind Kind, string Id)
{
    public static RecordRef ActorOf(string id) => new(RecordKind.Actor, id);

    public static RecordRef RelationOf(string id) => new(RecordKind.Relation, id);

    public static RecordRef SourceOf(string id) => new(RecordKind.Source, id);

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} '{Id}'";
}
