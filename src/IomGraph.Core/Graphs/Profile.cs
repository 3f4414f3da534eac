using System.Globalization;
using System.Text;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Core.Graphs;

/// <summary>
/// A source a profile cites, numbered in the order the profile first cites it, with what it is cited for: its own words
/// (<paramref name="Quote"/>), a curator's summary, or a dataset row, as the citation gives them.
/// </summary>
public sealed record Footnote(
    int Number, string SourceId, string? Title, string? Author, int? Year, string? Url, string? Quote, string? Locator)
{
    public string? Summary { get; init; }

    public DatasetRow? Record { get; init; }
}

/// <summary>A sentence of a profile: its text, the relations it tells, how sure the graph is, and its footnotes.</summary>
public sealed record ProfileSentence(string Text, IReadOnlyList<string> RelationIds, Confidence? Confidence, IReadOnlyList<int> Footnotes);

/// <summary>A section of a profile, under its heading.</summary>
public sealed record ProfileSection(string Heading, IReadOnlyList<ProfileSentence> Sentences);

/// <summary>A short, readable account of an actor, built from its record and its relations.</summary>
public sealed record Profile(ActorRef Actor, PartialDate? AsOf, IReadOnlyList<ProfileSection> Sections, IReadOnlyList<Footnote> Footnotes);

/// <summary>
/// Builds an actor's profile in a fixed order: what it is and since when; what it leads, chairs, coordinates or serves;
/// who leads it; what it belongs to and answers to; its members; what it founded, hosted or decided; what it emphasises.
/// Each sentence is a relation's sentence (attributed where the rules say so) with its sources as footnotes. Many
/// memberships from actors of one kind (IOM's member states) are told in one counted sentence.
/// </summary>
public static class Profiles
{
    /// <summary>More incoming relations of one type from one kind than this are told as one counted sentence.</summary>
    public const int SummariseAbove = 20;

    // Belonging is counted; leadership, founding and the rest are always told one by one.
    private static readonly RelationType[] Countable = [RelationType.MemberOf, RelationType.ObserverOf, RelationType.PartOf, RelationType.ParticipatesIn];

    private static readonly (string Heading, RelationType[] Types, bool Outgoing)[] Order =
    [
        ("Leads, chairs and coordinates", [RelationType.Leads, RelationType.Chairs, RelationType.Coordinates, RelationType.SecretariatOf], true),
        ("Led by", [RelationType.Leads, RelationType.Chairs, RelationType.Coordinates, RelationType.SecretariatOf], false),
        ("Belongs to and answers to",
            [RelationType.MemberOf, RelationType.ObserverOf, RelationType.PartOf, RelationType.RelatedOrganisationOf, RelationType.AccountableTo,
             RelationType.ReportsTo, RelationType.ParticipatesIn, RelationType.NotMemberOf], true),
        ("Members and parts",
            [RelationType.MemberOf, RelationType.ObserverOf, RelationType.PartOf, RelationType.RelatedOrganisationOf, RelationType.AccountableTo,
             RelationType.ReportsTo, RelationType.ParticipatesIn, RelationType.NotMemberOf], false),
        ("Founded, launched, hosted and decided",
            [RelationType.Established, RelationType.Launched, RelationType.Convened, RelationType.Hosted, RelationType.Produced, RelationType.Supports,
             RelationType.Funds, RelationType.Nominated, RelationType.Mandates, RelationType.SucceededBy, RelationType.PrecursorOf,
             RelationType.WithdrewFrom, RelationType.VotedAgainst], true),
        ("Founded, launched, hosted and decided by others",
            [RelationType.Established, RelationType.Launched, RelationType.Convened, RelationType.Hosted, RelationType.Produced, RelationType.Supports,
             RelationType.Funds, RelationType.Nominated, RelationType.Mandates, RelationType.SucceededBy, RelationType.PrecursorOf,
             RelationType.WithdrewFrom, RelationType.VotedAgainst], false),
        ("Emphasises and prefers", [RelationType.Emphasises, RelationType.Prefers], true),
        ("Emphasised by", [RelationType.Emphasises, RelationType.Prefers], false),
    ];

    /// <param name="relations">Every relation of the actor that holds on <paramref name="asOf"/> (or all of them).</param>
    public static Profile Build(Actor actor, IReadOnlyList<RelationView> relations, PartialDate? asOf, SentenceContext context)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(context);

        var notes = new Notes(context);
        var sections = new List<ProfileSection>
        {
            new("What it is", [new ProfileSentence(Introduction(actor, context.Today), [], null, notes.Cite(actor.Sources ?? []))]),
        };

        foreach (var (heading, types, outgoing) in Order)
        {
            var chosen = relations
                .Where(r => types.Contains(r.Relation.Type) && (outgoing ? r.Relation.From == actor.Id : r.Relation.To == actor.Id))
                .OrderBy(r => Array.IndexOf(types, r.Relation.Type))
                .ThenBy(r => r.Relation.Start?.LowerBound ?? r.Relation.End?.LowerBound ?? 0)
                .ThenBy(r => r.Relation.Id, StringComparer.Ordinal)
                .ToList();
            var sentences = new List<ProfileSentence>();
            foreach (var group in chosen.GroupBy(r => (r.Relation.Type, Kind: (outgoing ? r.To : r.From).Kind)))
            {
                var counterparts = group.Select(r => outgoing ? r.Relation.To : r.Relation.From).Distinct().Count();
                if (!outgoing && counterparts > SummariseAbove && Countable.Contains(group.Key.Type))
                {
                    sentences.Add(Counted(actor, group.ToList(), group.Key.Type, group.Key.Kind, counterparts, asOf, context.Today, notes));
                    continue;
                }

                sentences.AddRange(group.Select(r => new ProfileSentence(
                    RelationSentence.Render(r, context), [r.Relation.Id], r.Relation.Confidence, notes.Cite(r.Relation.Sources))));
            }

            if (sentences.Count > 0)
            {
                sections.Add(new ProfileSection(heading, sentences));
            }
        }

        return new Profile(ActorRef.Of(actor), asOf, sections, notes.All);
    }

    /// <summary>The profile as Markdown, with its sources as footnotes.</summary>
    public static string ToMarkdown(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var text = new StringBuilder();
        text.Append("# ").Append(profile.Actor.Name).Append('\n');
        if (profile.AsOf is { } asOf)
        {
            text.Append("\nAs of ").Append(DateWords.Of(asOf)).Append(": only what held then.\n");
        }

        foreach (var section in profile.Sections)
        {
            text.Append("\n## ").Append(section.Heading).Append("\n\n");
            foreach (var sentence in section.Sentences)
            {
                text.Append(section.Heading == "What it is" ? string.Empty : "- ").Append(sentence.Text);
                foreach (var number in sentence.Footnotes)
                {
                    text.Append("[^").Append(number.ToString(CultureInfo.InvariantCulture)).Append(']');
                }

                if (sentence.Confidence is { } confidence && confidence != Confidence.High)
                {
                    text.Append(" *(").Append(confidence.ToString().ToLowerInvariant()).Append(" confidence)*");
                }

                text.Append('\n');
            }
        }

        if (profile.Footnotes.Count > 0)
        {
            text.Append("\n## Sources\n\n");
            foreach (var note in profile.Footnotes)
            {
                text.Append("[^").Append(note.Number.ToString(CultureInfo.InvariantCulture)).Append("]: ")
                    .Append(string.Join(", ", new[] { note.Author, note.Title is null ? null : $"*{note.Title}*", note.Year?.ToString(CultureInfo.InvariantCulture) }.Where(p => p is not null)) is { Length: > 0 } head
                        ? head
                        : note.SourceId);
                var cited = CitationWords.Describe(new Citation(note.SourceId, note.Quote) { Summary = note.Summary, Record = note.Record })
                    + (note.Locator is null ? string.Empty : $" ({note.Locator})");

                // A quotation that ends its own sentence ("… from October 1.”) takes no second full stop.
                var ended = cited.Length > 1 && cited[^1] == '”' && cited[^2] is '.' or '?' or '!';
                text.Append(note.Url is null ? string.Empty : $", <{note.Url}>")
                    .Append(". ").Append(cited)
                    .Append(ended ? "\n" : ".\n");
            }
        }

        return text.ToString();
    }

    private static string Introduction(Actor actor, DateOnly today)
    {
        var kind = English.Lowered(ActorKinds.Get(actor.Kind).Label);
        var subject = English.Capitalise(actor.DisplayLabel);
        // The full name is added only where the label says less ("IOM"), not where it is the name with an article.
        var bare = ActorNames.Short(actor.Name, actor.Label, shortName: null);
        var name = string.Equals(bare, actor.Name, StringComparison.OrdinalIgnoreCase) ? string.Empty : $" ({actor.Name})";
        var todayKey = Validity.DayKey(today);
        var ended = actor.Dissolved is { } d && d.UpperBound < todayKey;
        var text = new StringBuilder().Append(subject).Append(name).Append(ended ? " was " : actor.Plural ? " are " : " is ");
        text.Append(actor.Plural ? ActorKinds.Get(actor.Kind).Plural : English.Indefinite(kind));
        text.Append((actor.Founded, actor.Dissolved) switch
        {
            ({ } f, { } e) => ", " + DateWords.Range(f, e),
            ({ } f, null) => $", founded {DateWords.At(f)}",
            (null, { } e) => $", {DateWords.Until(e)}",
            _ => string.Empty,
        });
        if (!string.IsNullOrWhiteSpace(actor.Headquarters))
        {
            text.Append(", with its headquarters in ").Append(actor.Headquarters);
        }

        return text.Append('.').ToString();
    }

    private static ProfileSentence Counted(
        Actor actor, List<RelationView> relations, RelationType type, ActorKind kind, int count, PartialDate? asOf, DateOnly today, Notes notes)
    {
        var info = RelationTypes.Get(type);
        var plural = ActorKinds.Get(kind).Plural;
        var todayKey = Validity.DayKey(today);
        var now = relations.Where(r => Validity.StartKey(r.Relation) <= todayKey && Validity.EndKey(r.Relation.End) >= todayKey)
            .Select(r => r.Relation.From).Distinct().Count();
        var said = info.Predicate.Say(asOf is null ? Tense.Recorded : Tense.Past, plural: true)
            .Replace("{when} ", string.Empty, StringComparison.Ordinal)
            .Replace("{to}", actor.DisplayLabel, StringComparison.Ordinal);
        var text = asOf is { } date
            ? string.Create(CultureInfo.InvariantCulture, $"{English.Capitalise(DateWords.At(date))}, {count} {plural} {said}.")
            : string.Create(CultureInfo.InvariantCulture, $"IomGraph records {count} {plural} {said}; for {now} of them this still holds today.");
        var cited = relations.SelectMany(r => r.Relation.Sources).DistinctBy(c => c.SourceId).ToList();
        return new ProfileSentence(text, [.. relations.Select(r => r.Relation.Id)], relations.Min(r => r.Relation.Confidence), notes.Cite(cited));
    }

    /// <summary>The footnotes, numbered in the order they are first cited; the same source and words share a number.</summary>
    private sealed class Notes(SentenceContext context)
    {
        private readonly Dictionary<(string SourceId, string? Quote, string? Summary, string? Record, string? Locator), Footnote> _byCitation = [];

        public IReadOnlyList<Footnote> All => [.. _byCitation.Values.OrderBy(n => n.Number)];

        public List<int> Cite(IEnumerable<Citation> citations)
        {
            var numbers = new List<int>();
            foreach (var citation in citations)
            {
                var key = (citation.SourceId, citation.Quote, citation.Summary, citation.Record is null ? null : CitationWords.Record(citation.Record), citation.Locator);
                if (!_byCitation.TryGetValue(key, out var note))
                {
                    var source = context.SourceOf(citation.SourceId);
                    note = new Footnote(_byCitation.Count + 1, citation.SourceId, source?.Title, source?.Author, source?.Year, source?.Url, citation.Quote, citation.Locator)
                    {
                        Summary = citation.Summary,
                        Record = citation.Record,
                    };
                    _byCitation[key] = note;
                }

                if (!numbers.Contains(note.Number))
                {
                    numbers.Add(note.Number);
                }
            }

            return numbers;
        }
    }
}
