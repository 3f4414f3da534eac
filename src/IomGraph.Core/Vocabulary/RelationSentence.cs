using System.Globalization;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Core.Vocabulary;

/// <summary>What a sentence needs beyond the relation: today's date (what has ended) and the cited sources (who says it).</summary>
/// <param name="Today">The date the sentence is told on: a relation that ended before it is told in the past.</param>
/// <param name="SourceOf">The source with an id, or null when unknown; used to attribute claims.</param>
public sealed record SentenceContext(DateOnly Today, Func<string, Source?> SourceOf)
{
    /// <summary>Today, without source records: nothing resting only on a perspective is recognised as such.</summary>
    public static SentenceContext On(DateOnly today) => new(today, _ => null);
}

/// <summary>
/// Tells a relation as a sentence a journalist can print. The rules, in order:
/// <list type="bullet">
/// <item><b>Tense from the period.</b> An event type is told in the past. A state that has ended is told in the past
/// ("was a member of IOM from 1965 to 1968"); one that began and holds is told in the present perfect ("has been a
/// member of IOM since 1951"); one with no start that holds is told in the present. A relation with no date at all
/// claims no time: "IomGraph records UNHCR as accountable to the UN General Assembly, without dates."; an undated event is told in the past without a
/// date, and a perspective's undated claim in its own present ("According to …, X prefers …"). A relation known to hold
/// on a date whose start is not known is told from that date: "has been a member of IOM since at least August 2024".</item>
/// <item><b>Dates in words</b> at their own precision (<see cref="DateWords"/>), and left out when the object's or the
/// subject's name already holds the same year ("the 1951 Brussels migration conference").</item>
/// <item><b>Grammar.</b> A plural subject takes a plural verb. A role reads after "as", with its article ("as a
/// co-chair"; "as its Director General"; "as its largest bilateral donor"); a membership role replaces "member" ("an
/// initial member of", "not a core group member of"); a co-chair co-chairs; a nomination names the office.</item>
/// <item><b>Attribution.</b> A relation that rests only on perspective sources, or that the graph rates low, names who
/// says it: "According to the Noborder Network, …". A low one that no source is named as saying is told as unconfirmed:
/// "Unconfirmed: …", "IomGraph records …, unconfirmed."</item>
/// </list>
/// </summary>
public static class RelationSentence
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "Director", "Director General", "Deputy Director General", "Chair", "Chairperson", "President", "Secretary-General",
        "Executive Secretary", "Coordinator", "High Commissioner", "Head",
    };

    public static string Render(RelationView view, SentenceContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        var relation = view.Relation;
        var info = RelationTypes.Get(relation.Type);
        var today = Validity.DayKey(context.Today);
        var (tense, when, suffix) = relation.HeldOn is { } heldOn && relation.Start is null && !info.IsEvent
            ? Known(heldOn, relation.End, today)
            : Period(relation.Start, relation.End, info.IsEvent, today);
        var attribution = Attribution(relation, context);

        // A perspective's undated claim is its own, told as it tells it: "According to …, the United States prefers …".
        if (tense == Tense.Recorded && attribution is { FromPerspective: true })
        {
            (tense, suffix) = (Tense.Present, string.Empty);
        }

        var (predicate, rolePhrase) = WithRole(info, relation.Role);
        var said = predicate.Say(tense, view.From.Plural).Replace("{to}", view.To.DisplayLabel, StringComparison.Ordinal);
        if (when is not null && RepeatsYear(when, relation, view))
        {
            when = null;
        }

        var text = said.Contains("{when}", StringComparison.Ordinal)
            ? view.From.DisplayLabel + " " + (when is null ? said.Replace("{when} ", string.Empty, StringComparison.Ordinal) : said.Replace("{when}", when, StringComparison.Ordinal)) + rolePhrase
            : view.From.DisplayLabel + " " + said + rolePhrase + (when is null ? string.Empty : " " + when);
        text += suffix;

        // What only the record holds is said to be the record's: "IomGraph records X as …, without dates, according to …".
        if (tense == Tense.Recorded)
        {
            return $"IomGraph records {text}" + attribution switch
            {
                null => ".",
                { Speaker: { } speaker } => $", according to {speaker}.",
                _ => ", unconfirmed.",
            };
        }

        return attribution switch
        {
            null => English.Capitalise(text) + ".",
            { Speaker: { } speaker } => $"According to {speaker}, {text}.",
            _ => $"Unconfirmed: {English.Capitalise(text)}.",
        };
    }

    /// <summary>The tense, the period in words, and what to say when no date is recorded.</summary>
    private static (Tense Tense, string? When, string Suffix) Period(PartialDate? start, PartialDate? end, bool isEvent, int today)
    {
        if (isEvent)
        {
            return (start, end) switch
            {
                (null, null) => (Tense.Past, null, string.Empty),
                ({ } s, { } e) => (Tense.Past, DateWords.Range(s, e), string.Empty),
                _ => (Tense.Past, DateWords.At((start ?? end)!.Value), string.Empty),
            };
        }

        switch (start, end)
        {
            case (null, null):
                return (Tense.Recorded, null, ", without dates");
            case (var s, { } e) when e.UpperBound < today:
                return (Tense.Past, s is { } from ? DateWords.Range(from, e) : DateWords.Until(e), string.Empty);
            case ({ } s, var e) when s.LowerBound <= today:
                return (Tense.Perfect, DateWords.Since(s) + (e is { } until ? ", " + DateWords.Until(until) : string.Empty), string.Empty);
            case ({ } s, var e):
                // Not begun yet: told in the present, with its dates.
                return (Tense.Present, e is { } ends ? DateWords.Range(s, ends) : "from " + DateWords.Of(s), string.Empty);
            default:
                return (Tense.Present, DateWords.Until(end!.Value), string.Empty);
        }
    }

    /// <summary>
    /// The period of a relation known to hold on <paramref name="heldOn"/> whose start is not known: "since at least
    /// 2009", "from at least 2009 to 2018". Before that date nothing is claimed.
    /// </summary>
    private static (Tense Tense, string? When, string Suffix) Known(PartialDate heldOn, PartialDate? end, int today) => end switch
    {
        { } e when e.UpperBound < today => (Tense.Past, e == heldOn ? DateWords.At(e) : $"from at least {DateWords.Of(heldOn)} to {DateWords.Of(e)}", string.Empty),
        _ when heldOn.LowerBound <= today => (Tense.Perfect, "since at least " + DateWords.Of(heldOn) + (end is { } until ? ", " + DateWords.Until(until) : string.Empty), string.Empty),
        _ => (Tense.Present, "from " + DateWords.Of(heldOn), string.Empty),
    };

    /// <summary>The predicate as the role shapes it, and what to add after it ("as its Director").</summary>
    private static (Predicate Predicate, string RolePhrase) WithRole(RelationTypeInfo info, string? role)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            return (info.Predicate, string.Empty);
        }

        role = role.Trim();
        switch (info.Type)
        {
            case RelationType.MemberOf or RelationType.NotMemberOf or RelationType.ObserverOf
                when role.EndsWith("member", StringComparison.Ordinal) || role.EndsWith("observer", StringComparison.Ordinal):
                return (Predicate.Be($"{English.Indefinite(role)} of {{to}}", $"{role}s of {{to}}", negative: info.Type == RelationType.NotMemberOf), string.Empty);
            case RelationType.Chairs when role == "co-chair":
                return (Predicate.Verb("co-chair", "co-chaired", "{to}"), string.Empty);
            case RelationType.Nominated:
                var office = role.StartsWith("the ", StringComparison.Ordinal) ? role : "the post of " + role;
                return (Predicate.Verb("nominate", "nominated", $"{{to}} for {office}"), string.Empty);
            default:
                return (info.Predicate, " as " + RolePhrase(role));
        }
    }

    /// <summary>"co-chair" → "a co-chair"; "Director General" → "its Director General"; "largest donor" → "its largest donor".</summary>
    internal static string RolePhrase(string role)
    {
        if (role.StartsWith("a ", StringComparison.Ordinal) || role.StartsWith("an ", StringComparison.Ordinal)
            || role.StartsWith("the ", StringComparison.Ordinal) || role.StartsWith("its ", StringComparison.Ordinal))
        {
            return role;
        }

        var first = role.Split(' ', 2)[0];
        if (Titles.Contains(role) || (first.Length > 4 && first.EndsWith("est", StringComparison.Ordinal)))
        {
            return "its " + role;
        }

        // A capitalised role that is not an office is a name the actor went by ("as West Germany"): no article.
        return char.IsUpper(role[0]) && !role.EndsWith("member", StringComparison.Ordinal) ? role : English.Indefinite(role);
    }

    /// <summary>True when the period is a bare year that a name in the sentence already says.</summary>
    private static bool RepeatsYear(string when, Relation relation, RelationView view)
    {
        if (relation.Start is not { Precision: DatePrecision.Year } start || (relation.End is { } end && end != start))
        {
            return false;
        }

        var year = start.Year.ToString(CultureInfo.InvariantCulture);
        return when == "in " + year && (view.To.DisplayLabel.Contains(year, StringComparison.Ordinal) || view.From.DisplayLabel.Contains(year, StringComparison.Ordinal));
    }

    /// <summary>
    /// Who says it, when the graph only reports it: the perspective it rests on, or, for a claim the graph rates low, the
    /// source a curator named as its speaker (<see cref="Source.Attribution"/>). A low claim that no source is named as
    /// saying (an inference from several sources, an unverified name) has no speaker: it is told as unconfirmed, so that
    /// no source is made to say what it does not.
    /// </summary>
    private static (string? Speaker, bool FromPerspective)? Attribution(Relation relation, SentenceContext context)
    {
        var sources = relation.Sources.Select(c => context.SourceOf(c.SourceId)).OfType<Source>().DistinctBy(s => s.Id).ToList();
        var perspectives = sources.Where(s => s.Kind == SourceKind.Perspective).ToList();
        var onlyPerspectives = sources.Count > 0 && perspectives.Count == sources.Count;
        if (!onlyPerspectives && relation.Confidence != Confidence.Low)
        {
            return null;
        }

        var speaker = perspectives.FirstOrDefault() ?? sources.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s.Attribution));
        return speaker is null ? (null, false) : (Name(speaker), speaker.Kind == SourceKind.Perspective);
    }

    private static string Name(Source source) =>
        !string.IsNullOrWhiteSpace(source.Attribution) ? source.Attribution
        : !string.IsNullOrWhiteSpace(source.Author) ? source.Author
        : $"“{source.Title}”";
}
