using System.Text.Json.Serialization;

namespace IomGraph.Core.Model;

/// <summary>
/// A citation: which source supports a record, what the source says, and where in the source it says it. What it says is
/// given as one or more kinds of text, each for what it is: <see cref="Quote"/>, the source's own words, verbatim;
/// <see cref="Summary"/>, a curator's rendering of what the source says; <see cref="Record"/>, the row of a dataset
/// the record rests on. A citation carries at least one of them.
/// </summary>
public sealed record Citation(
    [property: JsonPropertyOrder(0)] string SourceId,
    [property: JsonPropertyOrder(1)] string? Quote = null,
    [property: JsonPropertyOrder(4)] string? Locator = null)
{
    /// <summary>A curator's rendering of what the source says, in the curator's words: never to be quoted as the source's.</summary>
    [JsonPropertyOrder(2)]
    public string? Summary { get; init; }

    /// <summary>The row of a dataset the record rests on, with the values it holds.</summary>
    [JsonPropertyOrder(3)]
    public DatasetRow? Record { get; init; }
}

/// <summary>A row of a dataset, cited as the record it is: which dataset and table, which row, and the values read from it.</summary>
/// <param name="Dataset">The dataset and its version ("COW IGO v3.0").</param>
/// <param name="Table">The table or file of the dataset, when it has several.</param>
/// <param name="Row">Which row or rows: the key values that pick them out ("state 'australia', years 1951–1973").</param>
/// <param name="Values">The values cited, by column name, as the dataset writes them.</param>
public sealed record DatasetRow(
    [property: JsonPropertyOrder(0)] string Dataset,
    [property: JsonPropertyOrder(2)] string Row,
    [property: JsonPropertyOrder(3)] IReadOnlyDictionary<string, string> Values,
    [property: JsonPropertyOrder(1)] string? Table = null);

/// <summary>A document that records cite.</summary>
/// <param name="Attribution">How a sentence names who says what the source says ("the Noborder Network"), when a claim
/// resting on it is attributed rather than asserted; the author is used when it is not given.</param>
/// <param name="Author">People as "Family, Given", several separated by "; "; an organisation as its name.</param>
/// <param name="Year">The year of publication.</param>
/// <param name="Url">An address where the source can be read.</param>
public sealed record Source(
    string Id,
    string Title,
    SourceKind Kind,
    string? Author = null,
    int? Year = null,
    string? Url = null,
    string? Note = null,
    string? Attribution = null)
{
    /// <summary>Who published it ("International Organization for Migration", "Correlates of War Project").</summary>
    public string? Publisher { get; init; }

    /// <summary>The journal, website, newspaper or series it appears in ("Journal of Peace Research", "IOM News").</summary>
    public string? Container { get; init; }

    /// <summary>The date of publication at its real precision; its year is <see cref="Year"/>.</summary>
    public PartialDate? Published { get; init; }

    /// <summary>Document symbols ("A/RES/47/4", "MC/2097/Rev.1").</summary>
    public IReadOnlyList<string> Symbols { get; init; } = [];

    /// <summary>The DOI, bare ("10.1177/0022343319881175").</summary>
    public string? Doi { get; init; }
}

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
    string? Note = null)
{
    /// <summary>
    /// A date on which the relation is known to hold, when its start is not known ("a member by 2009"): the relation
    /// holds from then on (until <see cref="End"/>), and before it is not known to hold. Only without <see cref="Start"/>.
    /// </summary>
    public PartialDate? HeldOn { get; init; }

    /// <summary>True when the relation records no date at all: no start, no end and no date it is known to hold on.</summary>
    [JsonIgnore]
    public bool IsUndated => Start is null && End is null && HeldOn is null;
}

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
