using IomGraph.Core.Vocabulary;

namespace IomGraph.Api.Contracts;

/// <summary>A relation type of the closed vocabulary.</summary>
public sealed record RelationTypeResponse(
    string Name,
    string Label,
    string Description,
    string InverseLabel,
    string Example,
    bool IsEvent,
    IReadOnlyList<string> FromKinds,
    IReadOnlyList<string> ToKinds)
{
    /// <summary>The type with its example sentence, told in the present ("A is a member of B.") or, for an event, in the past.</summary>
    public static RelationTypeResponse Of(RelationTypeInfo t) => new(
        t.Name, t.Label, t.Description, t.InverseLabel,
        Core.Vocabulary.Predicate.Example(t),
        t.IsEvent,
        ActorKinds.All.Where(k => t.FromKinds.Contains(k.Kind)).Select(k => k.Name).ToList(),
        ActorKinds.All.Where(k => t.ToKinds.Contains(k.Kind)).Select(k => k.Name).ToList());
}

/// <summary>An actor kind of the closed vocabulary.</summary>
public sealed record ActorKindResponse(string Name, string Label, string Plural, string Description)
{
    public static ActorKindResponse Of(ActorKindInfo k) => new(k.Name, k.Label, k.Plural, k.Description);
}
