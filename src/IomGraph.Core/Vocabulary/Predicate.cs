namespace IomGraph.Core.Vocabulary;

/// <summary>How a relation is told, from its period: what has ended, what holds now, what is only recorded.</summary>
public enum Tense
{
    /// <summary>Holds now, with no known start: "is a member of".</summary>
    Present,

    /// <summary>Ended, or an event: "was a member of", "established".</summary>
    Past,

    /// <summary>Began and still holds: "has been a member of … since".</summary>
    Perfect,

    /// <summary>No dates are recorded, so the sentence claims no time: "IomGraph records X as a member of" (the phrase is "as a member of").</summary>
    Recorded,
}

/// <summary>
/// The verb phrase of a relation type, in every tense, for a singular or plural subject. <c>{to}</c> stands for the
/// object; <c>{when}</c>, where given, for the period (else the period follows the whole phrase).
/// </summary>
public abstract record Predicate
{
    /// <summary>The phrase after the subject: "is a member of {to}", "have led {to}".</summary>
    public abstract string Say(Tense tense, bool plural);

    /// <summary>The type said of A and B, as the vocabulary documents it: "A is a member of B.", "A established B."</summary>
    public static string Example(RelationTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var said = type.Predicate.Say(type.IsEvent ? Tense.Past : Tense.Present, plural: false)
            .Replace("{when} ", string.Empty, StringComparison.Ordinal)
            .Replace("{to}", "B", StringComparison.Ordinal);
        return $"A {said}.";
    }

    /// <summary>"be" with a complement: "is a member of {to}", plural "are members of {to}".</summary>
    public static Predicate Be(string singular, string? plural = null, bool negative = false) =>
        new BePredicate(singular, plural ?? singular, negative);

    /// <summary>
    /// A verb with what follows it: <c>Verb("lead", "led", "{to}")</c> says "leads", "led", "has led", "leading".
    /// The third person adds -s (or -es after s, sh, ch, x, z), the gerund drops a final silent e; irregular forms are
    /// given.
    /// </summary>
    public static Predicate Verb(string verb, string past, string rest, string? participle = null, string? third = null, string? gerund = null) =>
        new VerbPredicate(verb, third ?? Third(verb), past, participle ?? past, gerund ?? Gerund(verb), rest);

    private static string Third(string verb)
    {
        var (head, tail) = Split(verb);
        return (head.EndsWith('s') || head.EndsWith("sh", StringComparison.Ordinal) || head.EndsWith("ch", StringComparison.Ordinal) || head.EndsWith('x') || head.EndsWith('z')
            ? head + "es"
            : head + "s") + tail;
    }

    private static string Gerund(string verb)
    {
        var (head, tail) = Split(verb);
        return (head.EndsWith('e') && !head.EndsWith("ee", StringComparison.Ordinal) ? head[..^1] : head) + "ing" + tail;
    }

    // "take part" inflects "take".
    private static (string Head, string Tail) Split(string verb) =>
        verb.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? (verb[..space], verb[space..]) : (verb, string.Empty);

    private sealed record BePredicate(string Singular, string Plural, bool Negative) : Predicate
    {
        public override string Say(Tense tense, bool plural)
        {
            var complement = plural ? Plural : Singular;
            var not = Negative ? " not" : string.Empty;
            return tense switch
            {
                Tense.Present => $"{(plural ? "are" : "is")}{not} {complement}",
                Tense.Past => $"{(plural ? "were" : "was")}{not} {complement}",
                Tense.Perfect => $"{(plural ? "have" : "has")}{not} been {complement}",
                _ => $"as{not} {complement}",
            };
        }
    }

    private sealed record VerbPredicate(string Base, string ThirdPerson, string PastTense, string Participle, string Ing, string Rest) : Predicate
    {
        public override string Say(Tense tense, bool plural) => tense switch
        {
            Tense.Present => $"{(plural ? Base : ThirdPerson)} {Rest}",
            Tense.Past => $"{PastTense} {Rest}",
            Tense.Perfect => $"{(plural ? "have" : "has")} {Participle} {Rest}",
            _ => $"as {Ing} {Rest}",
        };
    }
}
