using System.Text.Json.Serialization;

namespace IomGraph.Core.Model;

/// <summary>What an actor is. A closed vocabulary: see <see cref="Vocabulary.ActorKinds"/> for the descriptions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActorKind>))]
public enum ActorKind
{
    [JsonStringEnumMemberName("intergovernmental-organisation")] IntergovernmentalOrganisation,
    [JsonStringEnumMemberName("un-entity")] UnEntity,
    [JsonStringEnumMemberName("inter-agency-group")] InterAgencyGroup,
    [JsonStringEnumMemberName("state-led-process")] StateLedProcess,
    [JsonStringEnumMemberName("forum-or-commission")] ForumOrCommission,
    [JsonStringEnumMemberName("policy-framework")] PolicyFramework,
    [JsonStringEnumMemberName("governing-body")] GoverningBody,
    [JsonStringEnumMemberName("state")] State,
    [JsonStringEnumMemberName("person")] Person,
    [JsonStringEnumMemberName("event")] Event,
    [JsonStringEnumMemberName("value")] Value,
}

/// <summary>The kind of relation between two actors. A closed vocabulary: see <see cref="Vocabulary.RelationTypes"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RelationType>))]
public enum RelationType
{
    [JsonStringEnumMemberName("MEMBER_OF")] MemberOf,
    [JsonStringEnumMemberName("NOT_MEMBER_OF")] NotMemberOf,
    [JsonStringEnumMemberName("OBSERVER_OF")] ObserverOf,
    [JsonStringEnumMemberName("PART_OF")] PartOf,
    [JsonStringEnumMemberName("LEADS")] Leads,
    [JsonStringEnumMemberName("CHAIRS")] Chairs,
    [JsonStringEnumMemberName("COORDINATES")] Coordinates,
    [JsonStringEnumMemberName("SECRETARIAT_OF")] SecretariatOf,
    [JsonStringEnumMemberName("ACCOUNTABLE_TO")] AccountableTo,
    [JsonStringEnumMemberName("REPORTS_TO")] ReportsTo,
    [JsonStringEnumMemberName("RELATED_ORGANISATION_OF")] RelatedOrganisationOf,
    [JsonStringEnumMemberName("PARTICIPATES_IN")] ParticipatesIn,
    [JsonStringEnumMemberName("ESTABLISHED")] Established,
    [JsonStringEnumMemberName("LAUNCHED")] Launched,
    [JsonStringEnumMemberName("CONVENED")] Convened,
    [JsonStringEnumMemberName("HOSTED")] Hosted,
    [JsonStringEnumMemberName("PRODUCED")] Produced,
    [JsonStringEnumMemberName("SUPPORTS")] Supports,
    [JsonStringEnumMemberName("FUNDS")] Funds,
    [JsonStringEnumMemberName("NOMINATED")] Nominated,
    [JsonStringEnumMemberName("MANDATES")] Mandates,
    [JsonStringEnumMemberName("SUCCEEDED_BY")] SucceededBy,
    [JsonStringEnumMemberName("PRECURSOR_OF")] PrecursorOf,
    [JsonStringEnumMemberName("WITHDREW_FROM")] WithdrewFrom,
    [JsonStringEnumMemberName("VOTED_AGAINST")] VotedAgainst,
    [JsonStringEnumMemberName("EMPHASISES")] Emphasises,
    [JsonStringEnumMemberName("PREFERS")] Prefers,
}

/// <summary>How sure the curators are of a relation, ordered so that a higher value is surer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Confidence>))]
public enum Confidence
{
    [JsonStringEnumMemberName("low")] Low = 1,
    [JsonStringEnumMemberName("medium")] Medium = 2,
    [JsonStringEnumMemberName("high")] High = 3,
}

/// <summary>What kind of document a source is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SourceKind>))]
public enum SourceKind
{
    /// <summary>A treaty, resolution, statute, report or official page of the body concerned.</summary>
    [JsonStringEnumMemberName("primary-document")] PrimaryDocument,
    [JsonStringEnumMemberName("news")] News,
    /// <summary>Scholarship, reference works and reports by third parties.</summary>
    [JsonStringEnumMemberName("secondary")] Secondary,
    /// <summary>An argued point of view, such as an activist article. Its claims are attributed, not asserted.</summary>
    [JsonStringEnumMemberName("perspective")] Perspective,
    /// <summary>A dataset, cited by its rows (<see cref="Citation.Record"/>).</summary>
    [JsonStringEnumMemberName("dataset")] Dataset,
}

/// <summary>Which of an actor's relations to follow.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Direction>))]
public enum Direction
{
    [JsonStringEnumMemberName("both")] Both,
    [JsonStringEnumMemberName("out")] Out,
    [JsonStringEnumMemberName("in")] In,
}
