using System.ComponentModel;
using FluentValidation;
using IomGraph.Api.Http.OpenApi;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Validation;
using IomGraph.Formats;
using Microsoft.AspNetCore.Mvc;

namespace IomGraph.Api.Requests;

public sealed record ExportRequest(
    [property: FromQuery(Name = "format"), Values(typeof(GraphFormats)), Description("json (the import format), cytoscape (Cytoscape.js elements), graphml (yEd, Gephi, Cytoscape desktop), gexf (GEXF 1.3, dynamic: Gephi's timeline) or csv (a zip of nodes.csv, edges.csv and sources.csv). json when left out.")]
    string? Format,
    [property: FromQuery(Name = "type"), Values(typeof(RelationType)), Description("Export only relations of these types. Repeat the parameter or separate with commas.")]
    string[]? Type,
    [property: FromQuery(Name = "kind"), Values(typeof(ActorKind)), Description("Export only actors of these kinds, and the relations among them.")]
    string[]? Kind,
    [property: FromQuery(Name = "asOf"), Description("Export only relations valid on this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
    string? AsOf,
    [property: FromQuery(Name = "includeUndated"), Description(QueryRules.IncludeUndatedDescription)]
    bool? IncludeUndated,
    [property: FromQuery(Name = "ids"), Description("Export only these actors (ids, repeated or comma-separated, at most 1000) and the relations among them.")]
    string[]? Ids,
    [property: FromQuery(Name = "centre"), Description("Export the neighbourhood of this actor instead (with depth, type, asOf and includeUndated).")]
    string? Centre,
    // No [DefaultValue]: Swagger UI would send it, and depth without centre is refused.
    [property: FromQuery(Name = "depth"), Description("With centre: how many hops out, 1 to 3 (1 when left out).")]
    int? Depth)
{
    public const int MaxIds = 1000;

    public IGraphFormat ToFormat() => QueryRules.Format(Format);

    public ExportFilter ToFilter() => new(
        QueryRules.Kinds(Kind),
        QueryRules.Types(Type),
        QueryRules.Date(AsOf),
        QueryRules.Values(Ids).Distinct().ToList() is { Count: > 0 } ids ? ids : null)
    {
        IncludeUndated = IncludeUndated ?? false,
    };
}

public sealed class ExportRequestValidator : WireValidator<ExportRequest>
{
    public ExportRequestValidator()
    {
        RuleFor(r => r.Format).MustBeFormat();
        RuleFor(r => r.Type).MustBeRelationTypes();
        RuleFor(r => r.Kind).MustBeActorKinds();
        RuleFor(r => r.AsOf).MustBeDate();
        RuleFor(r => r.IncludeUndated).MustComeWithAsOf(r => r.AsOf);
        RuleFor(r => r.Ids)
            .Must(ids => QueryRules.Values(ids).Count() <= ExportRequest.MaxIds).WithMessage($"'{{PropertyName}}' may name at most {ExportRequest.MaxIds} actors.")
            .Must(ids => QueryRules.Values(ids).All(Core.Validation.Ids.IsSlug)).WithMessage($"'{{PropertyName}}' must list actor ids: {Core.Validation.Ids.SlugDescription}.");
        RuleFor(r => r.Centre).MustBeActorId();
        RuleFor(r => r.Depth).InclusiveBetween(1, NeighbourhoodRequest.MaxDepth);
        RuleFor(r => r.Depth).Null().When(r => r.Centre is null).WithMessage("'depth' needs 'centre'.");
        RuleFor(r => r.Ids).Must(ids => !QueryRules.Values(ids).Any()).When(r => r.Centre is not null).WithMessage("Give either 'ids' or 'centre', not both.");
        RuleFor(r => r.Kind).Must(kinds => !QueryRules.Values(kinds).Any()).When(r => r.Centre is not null).WithMessage("A neighbourhood ('centre') is filtered by 'type' and 'asOf', not 'kind'.");
    }
}
