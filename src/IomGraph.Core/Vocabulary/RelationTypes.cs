using System.Collections.Frozen;
using IomGraph.Core.Model;

namespace IomGraph.Core.Vocabulary;

/// <summary>
/// A relation type as the API documents it: its wire name, what it means, how to read it backwards,
/// how to say it in a sentence, and which kinds of actor it may connect.
/// </summary>
/// <param name="Predicate">How the relation is said after its subject, in each tense (see <see cref="RelationSentence"/>).</param>
/// <param name="IsEvent">True for something that happened (ESTABLISHED, HOSTED), false for a state that lasts (MEMBER_OF).</param>
public sealed record RelationTypeInfo(
    RelationType Type,
    string Name,
    string Label,
    string Description,
    string InverseLabel,
    Predicate Predicate,
    IReadOnlySet<ActorKind> FromKinds,
    IReadOnlySet<ActorKind> ToKinds,
    bool IsEvent)
{
    public bool Allows(ActorKind from, ActorKind to) => FromKinds.Contains(from) && ToKinds.Contains(to);
}

/// <summary>The closed vocabulary of relation types. Queries and Cypher may name only these.</summary>
public static class RelationTypes
{
    private static readonly FrozenSet<RelationType> EventTypes = new[]
    {
        RelationType.Established, RelationType.Launched, RelationType.Convened, RelationType.Hosted, RelationType.Produced,
        RelationType.Nominated, RelationType.Mandates, RelationType.SucceededBy, RelationType.PrecursorOf,
        RelationType.WithdrewFrom, RelationType.VotedAgainst,
    }.ToFrozenSet();

    private static readonly ActorKind[] Organisations =
        [ActorKind.IntergovernmentalOrganisation, ActorKind.UnEntity, ActorKind.InterAgencyGroup, ActorKind.GoverningBody];

    private static readonly ActorKind[] Groupings =
        [ActorKind.IntergovernmentalOrganisation, ActorKind.UnEntity, ActorKind.InterAgencyGroup, ActorKind.GoverningBody, ActorKind.StateLedProcess, ActorKind.ForumOrCommission];

    private static readonly ActorKind[] Bodies = [.. Organisations, ActorKind.State];

    private static readonly ActorKind[] Agents = [.. Bodies, ActorKind.Person, ActorKind.StateLedProcess, ActorKind.ForumOrCommission];

    private static readonly ActorKind[] Initiatives =
        [.. Groupings, ActorKind.PolicyFramework, ActorKind.Event];

    private static readonly ActorKind[] AllButValues =
        [.. Enum.GetValues<ActorKind>().Where(k => k != ActorKind.Value)];

    public static IReadOnlyList<RelationTypeInfo> All { get; } =
    [
        Info(RelationType.MemberOf, "member of", "has member",
            "The first actor is a member of the second. The role says what kind: founding member, Executive Committee member.",
            Predicate.Be("a member of {to}", "members of {to}"), Bodies, Groupings),
        Info(RelationType.NotMemberOf, "not a member of", "does not include",
            "The first actor is documented as staying out of the second, where its absence is itself a fact worth recording.",
            Predicate.Be("a member of {to}", "members of {to}", negative: true), Bodies, Groupings),
        Info(RelationType.ObserverOf, "observer of", "has observer",
            "The first actor has observer status in the second.",
            Predicate.Be("an observer of {to}", "observers of {to}"), Bodies, Groupings),
        Info(RelationType.PartOf, "part of", "includes",
            "The first actor is an organ, office or subsidiary body of the second.",
            Predicate.Be("part of {to}"), Organisations, Organisations),
        Info(RelationType.Leads, "leads", "is led by",
            "The first actor heads the second, as its executive head or as the designated lead agency.",
            Predicate.Verb("lead", "led", "{to}"), Agents, Initiatives),
        Info(RelationType.Chairs, "chairs", "is chaired by",
            "The first actor holds the chair (or a co-chair) of the second for the period given.",
            Predicate.Verb("chair", "chaired", "{to}"), Agents, Initiatives),
        Info(RelationType.Coordinates, "coordinates", "is coordinated by",
            "The first actor coordinates the work of the second.",
            Predicate.Verb("coordinate", "coordinated", "{to}"), Agents, Initiatives),
        Info(RelationType.SecretariatOf, "secretariat of", "has secretariat",
            "The first actor runs the secretariat of the second.",
            Predicate.Verb("serve", "served", "as the secretariat of {to}"), Organisations, Initiatives),
        Info(RelationType.AccountableTo, "accountable to", "holds to account",
            "The first actor answers for its conduct to the second.",
            Predicate.Be("accountable to {to}"), AllButValues, AllButValues),
        Info(RelationType.ReportsTo, "reports to", "receives reports from",
            "The first actor reports formally to the second.",
            Predicate.Verb("report", "reported", "to {to}"), Organisations, Organisations),
        Info(RelationType.RelatedOrganisationOf, "related organisation of", "has related organisation",
            "The first actor is a related organisation of the second under a relationship agreement.",
            Predicate.Be("a related organisation of {to}", "related organisations of {to}"), Organisations, Organisations),
        Info(RelationType.ParticipatesIn, "participates in", "has participant",
            "The first actor takes part in the second without a more specific role.",
            Predicate.Verb("take part", "took part", "in {to}", participle: "taken part"), Agents, Initiatives),
        Info(RelationType.Established, "established", "was established by",
            "The first actor created the second.",
            Predicate.Verb("establish", "established", "{to}"), [.. Agents, ActorKind.Event], Initiatives),
        Info(RelationType.Launched, "launched", "was launched by",
            "The first actor launched or initiated the second.",
            Predicate.Verb("launch", "launched", "{to}"), Agents, Initiatives),
        Info(RelationType.Convened, "convened", "was convened by",
            "The first actor called the second, a conference or meeting, together.",
            Predicate.Verb("convene", "convened", "{to}"), Agents, [ActorKind.Event, ActorKind.ForumOrCommission]),
        Info(RelationType.Hosted, "hosted", "was hosted by",
            "The first actor hosted the second, a meeting or body.",
            Predicate.Verb("host", "hosted", "{to}"), Bodies, Initiatives),
        Info(RelationType.Produced, "produced", "was produced by",
            "The first actor produced the second, a framework or document.",
            Predicate.Verb("produce", "produced", "{to}"), [.. Agents, ActorKind.Event], [ActorKind.PolicyFramework]),
        Info(RelationType.Supports, "supports", "is supported by",
            "The first actor supports the implementation of the second.",
            Predicate.Verb("support", "supported", "{to}"), Agents, Initiatives),
        Info(RelationType.Funds, "funds", "is funded by",
            "The first actor funds the second.",
            Predicate.Verb("fund", "funded", "{to}"), Bodies, AllButValues),
        Info(RelationType.Nominated, "nominated", "was nominated by",
            "The first actor put the second forward as a candidate for office.",
            Predicate.Verb("nominate", "nominated", "{to}"), Bodies, [ActorKind.Person]),
        Info(RelationType.Mandates, "mandates to lead", "is mandated to lead by",
            "The first actor, a governing body or states, decided that the second shall take the lead.",
            Predicate.Verb("decide", "decided", "{when} that {to} shall take the lead"), [ActorKind.GoverningBody, ActorKind.State, ActorKind.UnEntity], Organisations),
        Info(RelationType.SucceededBy, "succeeded by", "succeeded",
            "The second actor took over the role of the first, which ended or was folded into it.",
            Predicate.Be("succeeded by {to}"), Initiatives, Initiatives),
        Info(RelationType.PrecursorOf, "precursor of", "grew out of",
            "The first actor paved the way for the second without being replaced by it.",
            Predicate.Verb("pave", "paved", "the way for {to}"), Initiatives, Initiatives),
        Info(RelationType.WithdrewFrom, "withdrew from", "was left by",
            "The first actor left the second, a process or negotiation.",
            Predicate.Verb("withdraw", "withdrew", "from {to}", participle: "withdrawn"), Bodies, Initiatives),
        Info(RelationType.VotedAgainst, "voted against", "was opposed in a vote by",
            "The first actor voted against the adoption or endorsement of the second.",
            Predicate.Verb("vote", "voted", "against {to}"), Bodies, Initiatives),
        Info(RelationType.Emphasises, "emphasises", "is emphasised by",
            "The first actor emphasises the second, a value, in its mandate or its work.",
            Predicate.Verb("emphasise", "emphasised", "{to}"), AllButValues, [ActorKind.Value]),
        Info(RelationType.Prefers, "prefers", "is preferred by",
            "The first actor prefers the second, a value or a kind of policy, over its alternatives.",
            Predicate.Verb("prefer", "preferred", "{to}", gerund: "preferring"), AllButValues, [ActorKind.Value]),
    ];

    private static readonly FrozenDictionary<RelationType, RelationTypeInfo> ByType = All.ToFrozenDictionary(t => t.Type);
    private static readonly FrozenDictionary<string, RelationType> ByName = All.ToFrozenDictionary(t => t.Name, t => t.Type, StringComparer.OrdinalIgnoreCase);

    public static RelationTypeInfo Get(RelationType type) => ByType[type];

    /// <summary>Reads a type by its wire name ("MEMBER_OF"), ignoring case.</summary>
    public static bool TryParse(string? name, out RelationType type)
    {
        type = default;
        return name is not null && ByName.TryGetValue(name, out type);
    }

    public static string NameOf(RelationType type) => ByType[type].Name;

    public static IEnumerable<string> Names => All.Select(t => t.Name);

    private static RelationTypeInfo Info(
        RelationType type, string label, string inverse, string description, Predicate predicate, ActorKind[] from, ActorKind[] to) =>
        new(type, WireNames.Of(type), label, description, inverse, predicate, from.ToFrozenSet(), to.ToFrozenSet(), EventTypes.Contains(type));
}
