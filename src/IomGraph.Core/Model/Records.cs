using System.Text.Json.Serialization;

namespace IomGraph.Core.Model;

/// <summary>A citation: which source supports a record, the words it rests on, and where in the source they are.</summary>
public sealed record Citation(string SourceId, string Quote, string? Locator = null);

/// <summary>A document that records cite.</summary>
/// <param name="Attribution">How a sentence names who says what the source says ("the Noborder Network"), when a claim
/// resting on it is attributed rather than asserted; the author is used when it is not given.</param>
public sealed record Source(
    string Id,
    string Title,
    SourceKind Kind,
    string? Author = null,
    int? Year = null,
    string? Url = null,
    string? Note = null,
    string? Attribution = null);

/// <summary>An actor of migration governance: an organisation, a group, a process, a state, a person, an event or a value.</summary>
public sealed record Actor(
    string Id,
    string Name,
    ActorKind Kind,
    string? Label = null,
    string? ShortName = null,
    PartialDate? Founded = null,
    PartialDate? Dissolved = null,
    string? Headquarters = null,
    string? Iso3 = null,
    IReadOnlyDictionary<string, string>? ExternalIds = null,
    string? Description = null,
    IReadOnlyList<Citation>? Sources = null)
{
    /// <summary>Acronyms, former names and names in other languages.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// True when the actor's name takes a plural verb ("the UN Regional Commissions are ..."). Written only when true, so
    /// that the records of every other actor, and their hashes, stay as they were.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Plural { get; init; }

    /// <summary>How the actor is named inside a sentence ("IOM", "the Global Migration Group").</summary>
    [JsonIgnore]
    public string DisplayLabel => string.IsNullOrWhiteSpace(Label) ? Name : Label;

    /// <summary>The name a drawing puts on the actor's node: <see cref="ShortName"/>, else the label without its article, else the name.</summary>
    [JsonIgnore]
    public string DisplayShortName => ActorNames.Short(Name, Label, ShortName);
}

/// <summary>A typed, directed, dated and sourced relation between two actors.</summary>
public sealed record Relation(
    string Id,
    string From,
    string To,
    RelationType Type,
    Confidence Confidence,
    IReadOnlyList<Citation> Sources,
    PartialDate? Start = null,
    PartialDate? End = null,
    string? Role = null,
    string? Note = null);

/// <summary>The few fields of an actor that a relation or a graph needs to show its ends.</summary>
public sealed record ActorRef(string Id, string Name, ActorKind Kind, string? Label = null, string? ShortName = null, bool Plural = false)
{
    [JsonIgnore]
    public string DisplayLabel => string.IsNullOrWhiteSpace(Label) ? Name : Label;

    /// <inheritdoc cref="Actor.DisplayShortName"/>
    [JsonIgnore]
    public string DisplayShortName => ActorNames.Short(Name, Label, ShortName);

    public static ActorRef Of(Actor actor) => new(actor.Id, actor.Name, actor.Kind, actor.Label, actor.ShortName, actor.Plural);
}

/// <summary>The one rule for an actor's short display name, shared by <see cref="Actor"/> and <see cref="ActorRef"/>.</summary>
internal static class ActorNames
{
    private const string Article = "the ";

    public static string Short(string name, string? label, string? shortName)
    {
        if (!string.IsNullOrWhiteSpace(shortName))
        {
            return shortName;
        }

        if (string.IsNullOrWhiteSpace(label))
        {
            return name;
        }

        // A label is written for the middle of a sentence ("the Global Migration Group"); on a node the article is noise.
        // Only the lower-case article: a label that starts "The" is a proper name that keeps it.
        var bare = label.StartsWith(Article, StringComparison.Ordinal) ? label[Article.Length..] : label;
        return string.IsNullOrWhiteSpace(bare) ? name : bare;
    }
}

/// <summary>A relation with the actors at both ends resolved, as the stores return it; <see cref="Vocabulary.RelationSentence"/> tells it.</summary>
public sealed record RelationView(Relation Relation, ActorRef From, ActorRef To);

/// <summary>A set of records to load together: the seed-data format and the import format.</summary>
public sealed record GraphBundle
{
    public IReadOnlyList<Source> Sources { get; init; } = [];

    public IReadOnlyList<Actor> Actors { get; init; } = [];

    public IReadOnlyList<Relation> Relations { get; init; } = [];

    public static GraphBundle Empty { get; } = new();
}
