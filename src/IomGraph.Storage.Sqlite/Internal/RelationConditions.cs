using System.Globalization;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>
/// The optional relation filters shared by listings and graph walks. A filter that is not set adds no SQL at all,
/// rather than an "($x IS NULL OR ...)" term that would keep SQLite from using an index. With <see cref="AsOf"/>, undated
/// relations are left out unless <see cref="IncludeUndated"/> (<see cref="Validity.ExcludesUndated"/>).
/// </summary>
internal sealed record RelationConditions(IReadOnlyList<RelationType> Types, PartialDate? AsOf, Confidence? MinConfidence = null, bool IncludeUndated = false)
{
    /// <summary>
    /// Not undated, on the keys the relation indexes carry (<see cref="Validity.IsUndated"/>), so that the term is checked
    /// on the index entry and the table is never read. The bounds are constants: one plan for every date.
    /// </summary>
    private static readonly string Dated = string.Create(
        CultureInfo.InvariantCulture, $"(r.start_key <> {Validity.Beginning} OR r.end_key <> {Validity.Forever})");

    public static RelationConditions None { get; } = new([], null);

    private RelationType? SingleType => Types.Count > 0 && Types.All(t => t == Types[0]) ? Types[0] : null;

    /// <summary>The filters as terms on the relation aliased <c>r</c>.</summary>
    public IEnumerable<string> Terms()
    {
        // One type is an equality, so that an index led by type (or by an end, then start_key) keeps listing order.
        if (SingleType is not null)
        {
            yield return "r.type = $type";
        }
        else if (Types.Count > 0)
        {
            yield return "r.type IN (SELECT value FROM json_each($types))";
        }

        if (AsOf is not null)
        {
            yield return "r.start_key <= $asOfUpper AND r.end_key >= $asOfLower";
        }

        if (Validity.ExcludesUndated(AsOf, IncludeUndated))
        {
            yield return Dated;
        }

        if (MinConfidence is not null)
        {
            yield return "r.confidence >= $minConfidence";
        }
    }

    /// <summary>
    /// True when the only filter is on types (or there is none): an actor's maintained counts by type
    /// (actor_relation_counts) then give how many of its relations pass.
    /// </summary>
    public bool TypesOnly => AsOf is null && MinConfidence is null && !Validity.ExcludesUndated(AsOf, IncludeUndated);

    /// <summary>The type filter as " AND ..." on a row of actor_relation_counts aliased <c>c</c>; empty without one.</summary>
    public string CountTypeTerm() =>
        SingleType is not null ? " AND c.type = $type" : Types.Count > 0 ? " AND c.type IN (SELECT value FROM json_each($types))" : string.Empty;

    /// <summary>The filters as " AND ..." to follow other terms.</summary>
    public string And() => string.Concat(Terms().Select(t => " AND " + t));

    public void Bind(SqliteCommand command)
    {
        if (SingleType is { } type)
        {
            command.Parameters.AddWithValue("$type", WireNames.Of(type));
        }
        else if (Types.Count > 0)
        {
            command.Parameters.AddWithValue("$types", RecordCodec.JsonArray(Types.Distinct().Select(WireNames.Of)));
        }

        if (AsOf is { } asOf)
        {
            command.Parameters.AddWithValue("$asOfUpper", asOf.UpperBound);
            command.Parameters.AddWithValue("$asOfLower", asOf.LowerBound);
        }

        if (MinConfidence is { } confidence)
        {
            command.Parameters.AddWithValue("$minConfidence", (int)confidence);
        }
    }
}
