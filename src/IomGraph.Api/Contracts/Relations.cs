using IomGraph.Api.Http.OpenApi;
using IomGraph.Core.Model;

namespace IomGraph.Api.Contracts;

/// <summary>
/// A relation: typed, directed (<c>from</c> → <c>to</c>), dated, with a plain-English sentence, a confidence and its
/// sources. <c>heldOn</c>, given only without <c>start</c>, is a date on which the relation is known to hold although
/// its start is not known ("a member by 2009"): it holds from then on, and before then it is not known to. <c>undated</c>
/// is true when no date at all is recorded: the period is unknown, not "always".
/// </summary>
public sealed record RelationResponse(
    string Id,
    RelationType Type,
    string From,
    string To,
    ActorRefResponse FromActor,
    ActorRefResponse ToActor,
    string Sentence,
    PartialDate? Start,
    PartialDate? End,
    PartialDate? HeldOn,
    string? Role,
    Confidence Confidence,
    IReadOnlyList<CitationResponse> Sources,
    string? Note,
    bool Undated)
{
    /// <param name="say">How the relation is told: <see cref="Application.Sentences"/> for the request.</param>
    public static RelationResponse Of(RelationView v, Func<RelationView, string> say) => new(
        v.Relation.Id, v.Relation.Type, v.Relation.From, v.Relation.To,
        ActorRefResponse.Of(v.From), ActorRefResponse.Of(v.To), say(v),
        v.Relation.Start, v.Relation.End, v.Relation.HeldOn, v.Relation.Role, v.Relation.Confidence,
        CitationResponse.Of(v.Relation.Sources), v.Relation.Note, v.Relation.IsUndated);
}

/// <summary>
/// A relation as seen from one of its ends, in that actor's relation list: <c>direction</c> says whether the actor is
/// its <c>from</c> ("out") or its <c>to</c> ("in"), and <c>counterpart</c> is the actor at the other end.
/// </summary>
public sealed record ActorRelationResponse(
    string Id,
    RelationType Type,
    string From,
    string To,
    ActorRefResponse FromActor,
    ActorRefResponse ToActor,
    string Sentence,
    PartialDate? Start,
    PartialDate? End,
    PartialDate? HeldOn,
    string? Role,
    Confidence Confidence,
    IReadOnlyList<CitationResponse> Sources,
    string? Note,
    bool Undated,
    [property: Values("out", "in")] string Direction,
    ActorRefResponse Counterpart)
{
    public static ActorRelationResponse Of(RelationView v, string focusActorId, Func<RelationView, string> say)
    {
        var outgoing = v.Relation.From == focusActorId;
        var r = RelationResponse.Of(v, say);
        return new(
            r.Id, r.Type, r.From, r.To, r.FromActor, r.ToActor, r.Sentence, r.Start, r.End, r.HeldOn, r.Role, r.Confidence, r.Sources, r.Note, r.Undated,
            outgoing ? "out" : "in", ActorRefResponse.Of(outgoing ? v.To : v.From));
    }
}
