using FluentValidation;
using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Core.Validation;

/// <summary>Rules that hold for every stored record, whether it comes from seed data, an import or an API write.</summary>
public static class Limits
{
    public const int MaxName = 300;
    public const int MaxText = 10_000;
    public const int MaxQuote = 4_000;
    public const int MaxShort = 500;
    public const int MaxAliases = 100;
    public const int MaxCitations = 50;
    public const int MaxSymbols = 20;
    public const int MaxRecordValues = 50;
}

public sealed class CitationValidator : WireValidator<Citation>
{
    public CitationValidator()
    {
        RuleFor(c => c.SourceId).Must(Ids.IsSlug).WithMessage($"'{{PropertyName}}' must be a source id: {Ids.SlugDescription}.");
        RuleFor(c => c).Must(c => c.Quote is not null || c.Summary is not null || c.Record is not null)
            .WithName("quote")
            .WithMessage("A citation must give what the source says: a 'quote' (its own words), a 'summary' (a curator's rendering) or a 'record' (a row of a dataset).");
        RuleFor(c => c.Quote).NotEmpty().MaximumLength(Limits.MaxQuote).When(c => c.Quote is not null);
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(Limits.MaxQuote).When(c => c.Summary is not null);
        RuleFor(c => c.Record!).SetValidator(new DatasetRowValidator()).When(c => c.Record is not null);
        RuleFor(c => c.Locator).MaximumLength(Limits.MaxShort);
    }
}

public sealed class DatasetRowValidator : WireValidator<DatasetRow>
{
    public DatasetRowValidator()
    {
        RuleFor(r => r.Dataset).NotEmpty().MaximumLength(Limits.MaxName);
        RuleFor(r => r.Table).MaximumLength(Limits.MaxName).Must(t => t is null || t.Trim().Length > 0)
            .WithMessage("'table' may not be blank: leave it out when the dataset has one table.");
        RuleFor(r => r.Row).NotEmpty().MaximumLength(Limits.MaxShort);
        RuleFor(r => r.Values).NotNull().NotEmpty().WithMessage("A dataset record must cite at least one value.");
        RuleFor(r => r.Values)
            .Must(v => v.Count <= Limits.MaxRecordValues).WithMessage($"A dataset record may cite at most {Limits.MaxRecordValues} values.")
            .Must(v => v.All(kv => kv.Key.Trim().Length is > 0 and <= Limits.MaxShort && kv.Value is not null && kv.Value.Length <= Limits.MaxShort))
            .WithMessage("A dataset record's values must have non-empty column names, and both names and values must be short.")
            .When(r => r.Values is { Count: > 0 });
    }
}

public sealed class SourceValidator : WireValidator<Source>
{
    public SourceValidator()
    {
        RuleFor(s => s.Id).Must(Ids.IsSlug).WithMessage($"'{{PropertyName}}' must be {Ids.SlugDescription}.");
        RuleFor(s => s.Title).NotEmpty().MaximumLength(Limits.MaxName);
        RuleFor(s => s.Author).MaximumLength(Limits.MaxName);
        RuleFor(s => s.Year).InclusiveBetween(1000, 9999);
        RuleFor(s => s.Url)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .When(s => s.Url is not null)
            .WithMessage("'{PropertyName}' must be an absolute http or https URL.");
        RuleFor(s => s.Kind).IsInEnum();
        RuleFor(s => s.Note).MaximumLength(Limits.MaxText);
        RuleFor(s => s.Attribution).MaximumLength(Limits.MaxName).Must(a => a is null || a.Trim().Length > 0)
            .WithMessage("'attribution' may not be blank: leave it out to use the author.");
        RuleFor(s => s.Publisher).MaximumLength(Limits.MaxName).Must(p => p is null || p.Trim().Length > 0)
            .WithMessage("'publisher' may not be blank: leave it out when not known.");
        RuleFor(s => s.Container).MaximumLength(Limits.MaxName).Must(c => c is null || c.Trim().Length > 0)
            .WithMessage("'container' may not be blank: leave it out when not known.");
        RuleFor(s => s.Published)
            .Must((s, published) => published!.Value.Year == s.Year)
            .When(s => s.Published is not null)
            .WithMessage("'published' and 'year' must name the same year: give 'year' with 'published'.");
        RuleFor(s => s.Symbols).NotNull()
            .Must(s => s.Count <= Limits.MaxSymbols).WithMessage($"'symbols' may hold at most {Limits.MaxSymbols} document symbols.")
            .Must(s => s.Distinct(StringComparer.Ordinal).Count() == s.Count).WithMessage("'symbols' may not repeat a symbol.");
        RuleForEach(s => s.Symbols).NotEmpty().MaximumLength(Limits.MaxShort);
        RuleFor(s => s.Doi)
            .Matches(@"^10\.[0-9]{4,9}/\S+$")
            .When(s => s.Doi is not null)
            .WithMessage("'doi' must be a bare DOI such as 10.1177/0022343319881175, without https://doi.org/.");
    }
}

public sealed class ActorValidator : WireValidator<Actor>
{
    public ActorValidator()
    {
        RuleFor(a => a.Id).Must(Ids.IsSlug).WithMessage($"'{{PropertyName}}' must be {Ids.SlugDescription}.");
        RuleFor(a => a.Name).NotEmpty().MaximumLength(Limits.MaxName);
        RuleFor(a => a.Label).MaximumLength(Limits.MaxName);
        RuleFor(a => a.ShortName).MaximumLength(Limits.MaxName);
        RuleFor(a => a.Kind).IsInEnum();
        RuleFor(a => a.Aliases).NotNull().Must(a => a.Count <= Limits.MaxAliases).WithMessage($"'{{PropertyName}}' may hold at most {Limits.MaxAliases} names.");
        RuleForEach(a => a.Aliases).NotEmpty().MaximumLength(Limits.MaxName);
        RuleFor(a => a.Dissolved)
            .Must((a, dissolved) => dissolved!.Value.UpperBound >= a.Founded!.Value.LowerBound)
            .When(a => a.Founded is not null && a.Dissolved is not null)
            .WithMessage("'Dissolved' must not come before 'Founded'.");
        RuleFor(a => a.Headquarters).MaximumLength(Limits.MaxName);
        RuleFor(a => a.Iso3)
            .NotEmpty().WithMessage("A state needs its ISO 3166-1 alpha-3 code in 'Iso3'.")
            .When(a => a.Kind == ActorKind.State);
        RuleFor(a => a.Iso3)
            .Matches("^[A-Z]{3}$").WithMessage("'Iso3' must be three upper-case letters (ISO 3166-1 alpha-3).")
            .Must((a, iso3) => a.Kind != ActorKind.State || string.Equals(iso3, a.Id, StringComparison.OrdinalIgnoreCase))
            .WithMessage("A state's id must be its ISO 3166-1 alpha-3 code in lower case.")
            .When(a => a.Iso3 is not null);
        RuleFor(a => a.ExternalIds)
            .Must(ids => ids!.All(kv => kv.Key.Length is > 0 and <= 50 && kv.Value.Length is > 0 and <= Limits.MaxShort))
            .When(a => a.ExternalIds is not null)
            .WithMessage("'ExternalIds' keys and values must be non-empty and short.");
        RuleFor(a => a.ExternalIds)
            .Must(ids => !ids!.TryGetValue("wikidata", out var qid) || System.Text.RegularExpressions.Regex.IsMatch(qid, "^Q[1-9][0-9]*$"))
            .When(a => a.ExternalIds is not null)
            .WithMessage("'ExternalIds.wikidata' must be a Wikidata QID such as Q1065.");
        RuleFor(a => a.Description).MaximumLength(Limits.MaxText);
        RuleFor(a => a.Sources).Must(s => s!.Count <= Limits.MaxCitations).When(a => a.Sources is not null);
        RuleForEach(a => a.Sources).SetValidator(new CitationValidator());
    }
}

/// <summary>The rules a relation obeys on its own; <see cref="BundleValidator"/> adds the rules that need the actors.</summary>
public sealed class RelationValidator : WireValidator<Relation>
{
    public RelationValidator()
    {
        RuleFor(r => r.Id).Must(Ids.IsRelationId).WithMessage($"'{{PropertyName}}' must be {Ids.RelationIdDescription}.");
        RuleFor(r => r.From).Must(Ids.IsSlug).WithMessage($"'{{PropertyName}}' must be an actor id: {Ids.SlugDescription}.");
        RuleFor(r => r.To).Must(Ids.IsSlug).WithMessage($"'{{PropertyName}}' must be an actor id: {Ids.SlugDescription}.");
        RuleFor(r => r.To).NotEqual(r => r.From).WithMessage("A relation must connect two different actors.");
        RuleFor(r => r.Type).IsInEnum();
        RuleFor(r => r.Confidence).IsInEnum();
        RuleFor(r => r.Sources).NotNull().NotEmpty().WithMessage("A relation must cite at least one source.")
            .Must(s => s.Count <= Limits.MaxCitations).WithMessage($"A relation may cite at most {Limits.MaxCitations} sources.");
        RuleForEach(r => r.Sources).SetValidator(new CitationValidator());
        RuleFor(r => r.End)
            .Must((r, end) => end!.Value.UpperBound >= r.Start!.Value.LowerBound)
            .When(r => r.Start is not null && r.End is not null)
            .WithMessage("'End' must not come before 'Start'.");
        RuleFor(r => r.HeldOn)
            .Null().When(r => r.Start is not null)
            .WithMessage("'heldOn' says when a relation whose start is not known held: leave it out when 'start' is given.");
        RuleFor(r => r.End)
            .Must((r, end) => end!.Value.UpperBound >= r.HeldOn!.Value.LowerBound)
            .When(r => r.HeldOn is not null && r.End is not null)
            .WithMessage("'End' must not come before 'heldOn'.");
        RuleFor(r => r.HeldOn)
            .Null().When(r => Enum.IsDefined(r.Type) && RelationTypes.Get(r.Type).IsEvent)
            .WithMessage("An event happens on a date, not over a period: give its date as 'start', not 'heldOn'.");
        RuleFor(r => r.Role).MaximumLength(Limits.MaxShort);
        RuleFor(r => r.Note).MaximumLength(Limits.MaxText);
    }
}

/// <summary>What a bundle may refer to outside itself: the actors and sources already stored.</summary>
public sealed record ExistingRecords(IReadOnlyDictionary<string, ActorKind> Actors, IReadOnlySet<string> Sources)
{
    public static ExistingRecords None { get; } = new(new Dictionary<string, ActorKind>(), new HashSet<string>());
}

/// <summary>
/// Validates a whole bundle: each record, unique ids, and referential rules (both ends exist, their kinds are ones
/// the relation type allows, every cited source exists). Used for seed data, imports and single writes alike.
/// </summary>
public sealed class BundleValidator : WireValidator<GraphBundle>
{
    public BundleValidator(ExistingRecords existing)
    {
        RuleForEach(b => b.Sources).SetValidator(new SourceValidator());
        RuleForEach(b => b.Actors).SetValidator(new ActorValidator());
        RuleForEach(b => b.Relations).SetValidator(new RelationValidator());

        // Duplicates are found with one pass per collection: a bundle may hold a million relations.
        RuleFor(b => b).Custom((bundle, context) =>
        {
            ReportDuplicates(bundle.Sources, s => s.Id, "sources", "Source", context);
            ReportDuplicates(bundle.Actors, a => a.Id, "actors", "Actor", context);
            ReportDuplicates(bundle.Relations, r => r.Id, "relations", "Relation", context);
        });

        RuleFor(b => b).Custom((bundle, context) =>
        {
            var sources = new HashSet<string>(existing.Sources, StringComparer.Ordinal);
            sources.UnionWith(bundle.Sources.Select(s => s.Id));
            var actors = new Dictionary<string, ActorKind>(existing.Actors, StringComparer.Ordinal);
            foreach (var actor in bundle.Actors)
            {
                actors[actor.Id] = actor.Kind;
            }

            for (var i = 0; i < bundle.Actors.Count; i++)
            {
                var citations = bundle.Actors[i].Sources ?? [];
                for (var c = 0; c < citations.Count; c++)
                {
                    if (!sources.Contains(citations[c].SourceId))
                    {
                        context.AddFailure($"actors[{i}].sources[{c}].sourceId", $"Source '{citations[c].SourceId}' does not exist.");
                    }
                }
            }

            for (var i = 0; i < bundle.Relations.Count; i++)
            {
                var relation = bundle.Relations[i];
                var fromKnown = actors.TryGetValue(relation.From, out var fromKind);
                var toKnown = actors.TryGetValue(relation.To, out var toKind);
                if (!fromKnown)
                {
                    context.AddFailure($"relations[{i}].from", $"Actor '{relation.From}' does not exist.");
                }

                if (!toKnown)
                {
                    context.AddFailure($"relations[{i}].to", $"Actor '{relation.To}' does not exist.");
                }

                if (fromKnown && toKnown && Enum.IsDefined(relation.Type) && !RelationTypes.Get(relation.Type).Allows(fromKind, toKind))
                {
                    var info = RelationTypes.Get(relation.Type);
                    context.AddFailure(
                        $"relations[{i}].type",
                        $"{info.Name} cannot connect a {ActorKinds.NameOf(fromKind)} ('{relation.From}') to a {ActorKinds.NameOf(toKind)} ('{relation.To}'). "
                        + $"It connects [{string.Join(", ", info.FromKinds.Select(ActorKinds.NameOf))}] to [{string.Join(", ", info.ToKinds.Select(ActorKinds.NameOf))}].");
                }

                var citations = relation.Sources ?? [];
                for (var c = 0; c < citations.Count; c++)
                {
                    if (!sources.Contains(citations[c].SourceId))
                    {
                        context.AddFailure($"relations[{i}].sources[{c}].sourceId", $"Source '{citations[c].SourceId}' does not exist.");
                    }
                }
            }
        });
    }

    private static void ReportDuplicates<T>(IReadOnlyList<T> records, Func<T, string> id, string collection, string what, ValidationContext<GraphBundle> context)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var key = id(record) ?? string.Empty;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        for (var i = 0; i < records.Count; i++)
        {
            if (counts[id(records[i]) ?? string.Empty] > 1)
            {
                context.AddFailure($"{collection}[{i}]", $"{what} id '{id(records[i])}' appears more than once.");
            }
        }
    }
}
