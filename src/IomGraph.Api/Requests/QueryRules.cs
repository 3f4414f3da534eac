using FluentValidation;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;
using IomGraph.Formats;

namespace IomGraph.Api.Requests;

/// <summary>The parameters many endpoints share, their bounds, and how they are read once valid.</summary>
public static class QueryRules
{
    public const int MaxQueryLength = 200;
    public const int MaxTypes = 30;

    /// <summary>The description of every <c>includeUndated</c> parameter, beside the <c>asOf</c> it qualifies.</summary>
    public const string IncludeUndatedDescription =
        "With asOf: also return relations whose dates are not recorded, which might or might not hold on that date.";

    /// <summary>Splits repeated and comma-separated values: <c>type=A&amp;type=B,C</c>.</summary>
    public static IEnumerable<string> Values(string[]? raw) =>
        raw?.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) ?? [];

    public static IReadOnlyList<RelationType> Types(string[]? raw) =>
        Values(raw).Select(v => RelationTypes.TryParse(v, out var t) ? t : throw new InvalidOperationException($"Unvalidated relation type '{v}'."))
            .Distinct().ToList();

    public static IReadOnlyList<ActorKind> Kinds(string[]? raw) =>
        Values(raw).Select(v => ActorKinds.TryParse(v, out var k) ? k : throw new InvalidOperationException($"Unvalidated actor kind '{v}'."))
            .Distinct().ToList();

    public static PartialDate? Date(string? raw) => raw is null ? null : PartialDate.Parse(raw);

    public static T? Cursor<T>(string? raw)
        where T : class, ICursor => string.IsNullOrEmpty(raw) ? null : Cursors.TryDecode<T>(raw, out var c) ? c : throw new InvalidOperationException("Unvalidated cursor.");

    public static IRuleBuilderOptions<T, string[]?> MustBeRelationTypes<T>(this IRuleBuilder<T, string[]?> rule) =>
        rule.Must(v => Values(v).Count() <= MaxTypes).WithMessage($"'{{PropertyName}}' may name at most {MaxTypes} types.")
            .Must(v => Values(v).All(t => RelationTypes.TryParse(t, out RelationType _)))
            .WithMessage((_, v) => $"Unknown relation type '{Values(v).First(t => !RelationTypes.TryParse(t, out RelationType _))}'. Known types: {string.Join(", ", RelationTypes.Names)} (see /api/v1/relation-types).");

    public static IRuleBuilderOptions<T, string[]?> MustBeActorKinds<T>(this IRuleBuilder<T, string[]?> rule) =>
        rule.Must(v => Values(v).All(k => ActorKinds.TryParse(k, out ActorKind _)))
            .WithMessage((_, v) => $"Unknown actor kind '{Values(v).First(k => !ActorKinds.TryParse(k, out ActorKind _))}'. Known kinds: {string.Join(", ", ActorKinds.Names)} (see /api/v1/actor-kinds).");

    public static IRuleBuilderOptions<T, string?> MustBeDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || PartialDate.TryParse(v, out _))
            .WithMessage("'{PropertyName}' must be a real date written YYYY, YYYY-MM or YYYY-MM-DD.");

    /// <summary><c>includeUndated</c> qualifies <c>asOf</c>: without a date every relation is returned, dated or not, so it is refused alone.</summary>
    public static IRuleBuilderOptions<T, bool?> MustComeWithAsOf<T>(this IRuleBuilder<T, bool?> rule, Func<T, string?> asOf) =>
        rule.Null().When(r => asOf(r) is null).WithMessage("'includeUndated' only matters with 'asOf'.");

    public static IRuleBuilderOptions<T, string?> MustBeCursor<T, TCursor>(this IRuleBuilder<T, string?> rule)
        where TCursor : class, ICursor =>
        rule.Must(v => string.IsNullOrEmpty(v) || Cursors.TryDecode<TCursor>(v, out _))
            .WithMessage("'{PropertyName}' is not a cursor this listing issued. Pass back the 'nextCursor' of the previous page unchanged.");

    public static IGraphFormat Format(string? raw) =>
        raw is null ? GraphFormats.Json : GraphFormats.TryGet(raw, out var format) ? format : throw new InvalidOperationException($"Unvalidated format '{raw}'.");

    public static IRuleBuilderOptions<T, string?> MustBeFormat<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(f => f is null || GraphFormats.TryGet(f, out _))
            .WithMessage($"'{{PropertyName}}' must be one of: {string.Join(", ", GraphFormats.Names)}.");

    public static IRuleBuilderOptions<T, string?> MustBeCitationFormat<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(f => f is null || Citations.CitationFormats.Parse(f) is not null)
            .WithMessage($"'{{PropertyName}}' must be one of: {string.Join(", ", Citations.CitationFormats.Names)}.");

    public static IRuleBuilderOptions<T, int?> MustBeLimit<T>(this IRuleBuilder<T, int?> rule, int max) =>
        rule.InclusiveBetween(1, max);

    public static IRuleBuilderOptions<T, string?> MustBeActorId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || Core.Validation.Ids.IsSlug(v))
            .WithMessage($"'{{PropertyName}}' must be an actor id: {Core.Validation.Ids.SlugDescription}.");
}
