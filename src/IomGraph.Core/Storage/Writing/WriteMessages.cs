using System.Globalization;

namespace IomGraph.Core.Storage.Writing;

/// <summary>
/// The words of every refusal a write can meet, on every store: what API clients read in a 400, 409 or 412, and what
/// the contract suite holds each store to.
/// </summary>
public static class WriteMessages
{
    /// <summary>How many missing references one refusal lists before it says "(and more)".</summary>
    public const int MissingListed = 5;

    public static string Duplicate(RecordKind kind, string id) => $"The bundle holds {WireName(kind)} '{id}' more than once.";

    public static string Precondition(RecordRef record, string? expected, string? current) => (expected, current) switch
    {
        (null, _) => $"The {record} already exists.",
        (_, null) => $"The {record} does not exist.",
        _ => $"The {record} is at version {current}, not {expected}.",
    };

    public static string NotFound(RecordRef record) => $"The {record} does not exist.";

    public static string WrittenAndDeleted(RecordRef record) => $"The {record} is both written and deleted by one write.";

    /// <summary>"Relation 'x' refers to actor 'y', which neither the bundle nor the store holds."</summary>
    public static string MissingReference(RecordRef holder, RecordKind kind, string id) =>
        $"{(holder.Kind == RecordKind.Actor ? "Actor" : "Relation")} '{holder.Id}' refers to {WireName(kind)} '{id}', which neither the bundle nor the store holds.";

    /// <summary>
    /// The refusal for references nothing holds: the first <see cref="MissingListed"/> of them, in the order found, and
    /// "(and more)" when there are more. A store asks for at most <see cref="MissingListed"/> + 1.
    /// </summary>
    public static InvalidBundleException Missing(IReadOnlyList<(RecordRef Holder, RecordKind Kind, string Id)> missing)
    {
        ArgumentOutOfRangeException.ThrowIfZero(missing.Count);
        var more = missing.Count > MissingListed ? " (and more)" : string.Empty;
        return new InvalidBundleException(
            string.Join(' ', missing.Take(MissingListed).Select(m => MissingReference(m.Holder, m.Kind, m.Id))) + more,
            missing[0].Holder);
    }

    public static string Contradiction(RecordRef offender, RecordRef target) =>
        $"The {offender} refers to the {target}, which the same write deletes.";

    public static string StillHasRelations(RecordRef actor, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"The {actor} still has {count} relation{(count == 1 ? string.Empty : "s")}: delete them in the same write, or cascade.");

    public static string StillCited(RecordRef source, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"The {source} is still cited by {count} record{(count == 1 ? string.Empty : "s")}: delete or change them first.");

    /// <summary>A reference found at the start of a write vanished before its end (a concurrent writer deleted it).</summary>
    public static string ReferencesChanged(string step, long written, long expected) =>
        string.Create(CultureInfo.InvariantCulture, $"The bundle's references changed while it was written: {step} wrote {written} of {expected}. Nothing was written.");

    public static string Integrity(string detail) => $"The write breaks the store's integrity: {detail}";

    private static string WireName(RecordKind kind) => Model.WireNames.Of(kind);
}
