using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Formats;

/// <summary>The parts of an export, in the order the store streams them.</summary>
internal enum ExportSection
{
    Actors,
    Relations,
    Sources,
}

/// <summary>
/// Walks a format through the sections of an export as the items arrive: it closes the section that ends and opens
/// the next, including sections that turn out to be empty, so every file has all its parts.
/// </summary>
internal sealed class SectionCursor(Func<ExportSection, ValueTask> open, Func<ExportSection, ValueTask> close)
{
    private ExportSection? _current;

    public static ExportSection SectionOf(ExportItem item) => item switch
    {
        { Actor: not null } => ExportSection.Actors,
        { Relation: not null } => ExportSection.Relations,
        { Source: not null } => ExportSection.Sources,
        _ => throw new InvalidOperationException("An export item holds no record."),
    };

    public ValueTask EnterAsync(ExportItem item) => MoveToAsync(SectionOf(item), item);

    public async ValueTask CompleteAsync()
    {
        await MoveToAsync(ExportSection.Sources, null);
        await close(ExportSection.Sources);
    }

    private async ValueTask MoveToAsync(ExportSection section, ExportItem? item)
    {
        if (_current > section)
        {
            throw new InvalidOperationException(
                $"An export streams actors, then relations, then sources, but {Describe(item)} came after the {_current.Value.ToString().ToLowerInvariant()}.");
        }

        while (_current != section)
        {
            if (_current is { } ending)
            {
                await close(ending);
            }

            _current = _current is { } previous ? previous + 1 : ExportSection.Actors;
            await open(_current.Value);
        }
    }

    private static string Describe(ExportItem? item) => item switch
    {
        { Actor: { } a } => $"actor '{a.Id}'",
        { Relation: { } r } => $"relation '{r.Id}'",
        { Source: { } s } => $"source '{s.Id}'",
        _ => "the end",
    };
}

/// <summary>
/// The actors seen so far, reduced to what a relation needs to show its ends. The store sends every actor before the
/// relations, so this is all the state a writer keeps.
/// </summary>
internal sealed class ActorDirectory
{
    private readonly Dictionary<string, ActorRef> _actors = new(StringComparer.Ordinal);

    public void Add(Actor actor) => _actors[actor.Id] = ActorRef.Of(actor);

    public bool Contains(string id) => _actors.ContainsKey(id);

    /// <summary>The relation with both ends resolved; an end the export did not include is named by its id.</summary>
    public RelationView View(Relation relation) => new(relation, Find(relation.From), Find(relation.To));

    /// <summary>The relation with both ends resolved, for formats whose edges must point at nodes already written.</summary>
    public RelationView Require(Relation relation)
    {
        foreach (var end in new[] { relation.From, relation.To })
        {
            if (!Contains(end))
            {
                throw new InvalidOperationException(
                    $"Relation '{relation.Id}' refers to actor '{end}', which the export did not send before it.");
            }
        }

        return View(relation);
    }

    private ActorRef Find(string id) => _actors.TryGetValue(id, out var actor) ? actor : new ActorRef(id, id, ActorKind.Value);
}

/// <summary>The wire names of the vocabulary enums, as <see cref="GraphJson"/> writes them ("un-entity", "high").</summary>
internal static class WireName<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonSerializer.SerializeToElement(v, GraphJson.Options).GetString()!);

    private static readonly FrozenDictionary<string, TEnum> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    public static string Of(TEnum value) => Names[value];

    /// <summary>Reads a wire name, ignoring case.</summary>
    public static bool TryParse(string? text, out TEnum value)
    {
        value = default;
        return text is not null && Values.TryGetValue(text, out value);
    }

    public static string Expected => string.Join(", ", Names.Values.Order(StringComparer.Ordinal).Select(n => $"'{n}'"));
}

/// <summary>Values that several formats write the same way.</summary>
internal static class ExportText
{
    /// <summary>What joins a list in a single text field: aliases, source ids.</summary>
    public const string ListSeparator = " | ";

    public static string? Date(PartialDate? date) => date?.ToString();

    /// <summary>The first day a partial date denotes, as a full date: "2006" gives "2006-01-01".</summary>
    public static string? FirstDay(PartialDate? date) => date is { } d ? FullDate(d.LowerBound) : null;

    /// <summary>The last day a partial date denotes, as a full date: "2006" gives "2006-12-31".</summary>
    public static string? LastDay(PartialDate? date) => date is { } d ? FullDate(d.UpperBound) : null;

    public static string? Wikidata(Actor actor) => actor.ExternalIds?.GetValueOrDefault(ExternalIdKeys.Wikidata);

    public static IEnumerable<string> SourceIds(IReadOnlyList<Citation>? citations) =>
        (citations ?? []).Select(c => c.SourceId).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// A record's citations as one JSON text, as <c>citations</c> cells and attributes carry them: each with its source id
    /// and what it gives (<c>quote</c>, the source's own words; <c>summary</c>, IomGraph's rendering; <c>record</c>, a
    /// dataset row) and its locator.
    /// </summary>
    public static string? Citations(IReadOnlyList<Citation>? citations) =>
        citations is null or { Count: 0 } ? null : System.Text.Json.JsonSerializer.Serialize(citations, CsvLayout.Json);

    public static string? Joined(IEnumerable<string> values)
    {
        var text = string.Join(ListSeparator, values);
        return text.Length == 0 ? null : text;
    }

    public static string KindName(ActorKind kind) => ActorKinds.NameOf(kind);

    public static string TypeName(RelationType type) => RelationTypes.NameOf(type);

    /// <summary>How a drawing labels an edge: the type's reading, "member of".</summary>
    public static string TypeLabel(RelationType type) => RelationTypes.Get(type).Label;

    private static string FullDate(int yyyymmdd) =>
        string.Create(CultureInfo.InvariantCulture, $"{yyyymmdd / 10000:D4}-{yyyymmdd / 100 % 100:D2}-{yyyymmdd % 100:D2}");
}

internal static class ExternalIdKeys
{
    public const string Wikidata = "wikidata";
}
