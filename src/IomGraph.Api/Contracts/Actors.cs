using IomGraph.Api.Http.OpenApi;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Api.Contracts;

/// <summary>An actor as a node or a counterpart: enough to label it and to fetch it.</summary>
/// <remarks>
/// <c>label</c> is how the actor is named inside a sentence ("the Global Migration Group"), or null when that is its
/// name; <c>shortName</c> is what a list or a drawing shows ("Global Migration Group", "UNHCR", "IAMM").
/// </remarks>
public sealed record ActorRefResponse(string Id, string Name, ActorKind Kind, string? Label, string ShortName)
{
    public static ActorRefResponse Of(ActorRef actor) => new(actor.Id, actor.Name, actor.Kind, actor.Label, actor.DisplayShortName);
}

/// <summary>An actor with everything the graph knows of it.</summary>
/// <remarks>
/// <c>shortName</c> is the curated short name, or null where none is curated (see <c>ActorRef.shortName</c> for what is
/// shown then); <c>plural</c> is true when the name takes a plural verb ("the UN Regional Commissions are").
/// </remarks>
public sealed record ActorResponse(
    string Id,
    string Name,
    ActorKind Kind,
    string? Label,
    string? ShortName,
    bool Plural,
    IReadOnlyList<string> Aliases,
    PartialDate? Founded,
    PartialDate? Dissolved,
    string? Headquarters,
    string? Iso3,
    IReadOnlyDictionary<string, string> ExternalIds,
    string? Description,
    IReadOnlyList<CitationResponse> Sources)
{
    public static ActorResponse Of(Actor a) => new(
        a.Id, a.Name, a.Kind, a.Label, a.ShortName, a.Plural, a.Aliases, a.Founded, a.Dissolved, a.Headquarters, a.Iso3,
        a.ExternalIds ?? new Dictionary<string, string>(), a.Description, CitationResponse.Of(a.Sources));
}

/// <summary>A search hit: the actor, and how it matched (exact, prefix, contains; absent without a query).</summary>
public sealed record ActorHitResponse(ActorResponse Actor, [property: Values("exact", "prefix", "contains")] string? Match)
{
    public static ActorHitResponse Of(ActorHit hit) => new(
        ActorResponse.Of(hit.Actor),
        hit.Rank switch { MatchRank.Exact => "exact", MatchRank.Prefix => "prefix", MatchRank.Contains => "contains", _ => null });
}

/// <summary>How many relations of one type an actor has, by direction.</summary>
public sealed record RelationCountResponse(RelationType Type, int Outgoing, int Incoming);

/// <summary>An actor with its relation counts by type.</summary>
public sealed record ActorDetailsResponse(ActorResponse Actor, IReadOnlyList<RelationCountResponse> RelationCounts, int TotalRelations)
{
    public static ActorDetailsResponse Of(ActorDetails d) => new(
        ActorResponse.Of(d.Actor),
        d.RelationCounts.Select(c => new RelationCountResponse(c.Type, c.Outgoing, c.Incoming)).ToList(),
        d.RelationCounts.Sum(c => c.Outgoing + c.Incoming));
}
