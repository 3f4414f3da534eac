using System.ComponentModel;
using FluentValidation;
using IomGraph.Api.Http.OpenApi;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Validation;
using IomGraph.Formats;
using Microsoft.AspNetCore.Mvc;

namespace IomGraph.Api.Requests;

public sealed record ActorSearchRequest(
    [property: FromQuery(Name = "q"), Description("Text to find in an actor's name, acronym, aliases or id. Case and accents are ignored; exact matches come first. Try 'UNHCR', 'ICEM' (the IOM's former name) or 'cote d'ivoire'.")]
    string? Q,
    [property: FromQuery(Name = "kind"), Values(typeof(ActorKind)), Description("Keep only actors of these kinds (see /api/v1/actor-kinds). Repeat the parameter or separate with commas.")]
    string[]? Kind,
    [property: FromQuery(Name = "limit"), Description("Items per page, 1 to 100."), DefaultValue(ActorSearchRequest.DefaultLimit)]
    int? Limit,
    [property: FromQuery(Name = "cursor"), Description("The 'nextCursor' of the previous page, unchanged.")]
    string? Cursor)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public ActorSearch ToSearch() => new(
        string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), QueryRules.Kinds(Kind), Limit ?? DefaultLimit, QueryRules.Cursor<ActorCursor>(Cursor));
}

public sealed class ActorSearchRequestValidator : WireValidator<ActorSearchRequest>
{
    public ActorSearchRequestValidator()
    {
        RuleFor(r => r.Q).MaximumLength(QueryRules.MaxQueryLength);
        RuleFor(r => r.Kind).MustBeActorKinds();
        RuleFor(r => r.Limit).MustBeLimit(ActorSearchRequest.MaxLimit);
        RuleFor(r => r.Cursor).MustBeCursor<ActorSearchRequest, ActorCursor>();
    }
}

public sealed record ActorRelationsRequest(
    [property: FromQuery(Name = "type"), Values(typeof(RelationType)), Description("Keep only relations of these types (see /api/v1/relation-types). Repeat the parameter or separate with commas.")]
    string[]? Type,
    [property: FromQuery(Name = "direction"), Values("out", "in", "both"), Description("'out' for relations from the actor, 'in' for relations to it, 'both' (the default) for all."), DefaultValue("both")]
    string? Direction,
    [property: FromQuery(Name = "asOf"), Description("Keep only relations valid on this date: YYYY, YYYY-MM or YYYY-MM-DD. A year or month keeps relations valid at any time within it. Try 2010 on global-migration-group with type MEMBER_OF.")]
    string? AsOf,
    [property: FromQuery(Name = "includeUndated"), Description(QueryRules.IncludeUndatedDescription)]
    bool? IncludeUndated,
    [property: FromQuery(Name = "limit"), Description("Items per page, 1 to 200."), DefaultValue(ActorRelationsRequest.DefaultLimit)]
    int? Limit,
    [property: FromQuery(Name = "cursor"), Description("The 'nextCursor' of the previous page, unchanged.")]
    string? Cursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static readonly string[] Directions = ["out", "in", "both"];

    public ActorRelationsQuery ToQuery(string actorId) => new(
        actorId,
        QueryRules.Types(Type),
        Direction?.ToLowerInvariant() switch { "out" => Core.Model.Direction.Out, "in" => Core.Model.Direction.In, _ => Core.Model.Direction.Both },
        QueryRules.Date(AsOf),
        Limit ?? DefaultLimit,
        QueryRules.Cursor<RelationCursor>(Cursor))
    {
        IncludeUndated = IncludeUndated ?? false,
    };
}

public sealed class ActorRelationsRequestValidator : WireValidator<ActorRelationsRequest>
{
    public ActorRelationsRequestValidator()
    {
        RuleFor(r => r.Type).MustBeRelationTypes();
        RuleFor(r => r.Direction)
            .Must(d => d is null || ActorRelationsRequest.Directions.Contains(d, StringComparer.OrdinalIgnoreCase))
            .WithMessage("'{PropertyName}' must be 'out', 'in' or 'both'.");
        RuleFor(r => r.AsOf).MustBeDate();
        RuleFor(r => r.IncludeUndated).MustComeWithAsOf(r => r.AsOf);
        RuleFor(r => r.Limit).MustBeLimit(ActorRelationsRequest.MaxLimit);
        RuleFor(r => r.Cursor).MustBeCursor<ActorRelationsRequest, RelationCursor>();
    }
}

public sealed record NeighbourhoodRequest(
    [property: FromQuery(Name = "depth"), Description("How many hops out from the actor, 1 to 3."), DefaultValue(1)]
    int? Depth,
    [property: FromQuery(Name = "type"), Values(typeof(RelationType)), Description("Follow only relations of these types. Repeat the parameter or separate with commas.")]
    string[]? Type,
    [property: FromQuery(Name = "asOf"), Description("Follow only relations valid on this date: YYYY, YYYY-MM or YYYY-MM-DD. Try 2010.")]
    string? AsOf,
    [property: FromQuery(Name = "includeUndated"), Description(QueryRules.IncludeUndatedDescription)]
    bool? IncludeUndated,
    [property: FromQuery(Name = "kind"), Values(typeof(ActorKind)), Description("Walk only to actors of these kinds (the centre is always there). Repeat the parameter or separate with commas.")]
    string[]? Kind,
    [property: FromQuery(Name = "excludeKind"), Values(typeof(ActorKind)), Description("Never walk to, or through, actors of these kinds. Try 'state' on iom: its 160 member states are left out.")]
    string[]? ExcludeKind,
    [property: FromQuery(Name = "group"), Values(typeof(ActorKind)), Description("Gather the actors of these kinds (not the centre) into one node per kind, with their relations to each other node as one edge; the group lists its members. Try 'state' on iom: one node '160 states'. The JSON answer only; exports list every actor.")]
    string[]? Group,
    [property: FromQuery(Name = "maxNodes"), Description("The most nodes to return, 1 to 2000, nearest first; 'truncated' says when the graph was cut."), DefaultValue(NeighbourhoodRequest.DefaultMaxNodes)]
    int? MaxNodes,
    [property: FromQuery(Name = "format"), Values(typeof(GraphFormats)), Description("Leave empty for the { nodes, edges } JSON below. Or one of: json (the import bundle), cytoscape (Cytoscape.js elements, with each node's depth and the centre marked), graphml, gexf, csv (a zip). Accept does the same by media type.")]
    string? Format)
{
    public const int MaxDepth = 3;
    public const int DefaultMaxNodes = 500;
    public const int MaxMaxNodes = 2000;

    public NeighbourhoodQuery ToQuery(string actorId) =>
        new(actorId, Depth ?? 1, QueryRules.Types(Type), QueryRules.Date(AsOf), MaxNodes ?? DefaultMaxNodes)
        {
            Kinds = QueryRules.Kinds(Kind),
            ExcludeKinds = QueryRules.Kinds(ExcludeKind),
            IncludeUndated = IncludeUndated ?? false,
        };

    public IReadOnlyList<ActorKind> ToGather() => QueryRules.Kinds(Group);
}

public sealed class NeighbourhoodRequestValidator : WireValidator<NeighbourhoodRequest>
{
    public NeighbourhoodRequestValidator()
    {
        RuleFor(r => r.Depth).InclusiveBetween(1, NeighbourhoodRequest.MaxDepth);
        RuleFor(r => r.Type).MustBeRelationTypes();
        RuleFor(r => r.AsOf).MustBeDate();
        RuleFor(r => r.IncludeUndated).MustComeWithAsOf(r => r.AsOf);
        RuleFor(r => r.Kind).MustBeActorKinds();
        RuleFor(r => r.ExcludeKind).MustBeActorKinds();
        RuleFor(r => r.Group).MustBeActorKinds();
        RuleFor(r => r.MaxNodes).MustBeLimit(NeighbourhoodRequest.MaxMaxNodes);
        RuleFor(r => r.Format).MustBeFormat();
        RuleFor(r => r.Group).Must(g => !QueryRules.Values(g).Any()).When(r => r.Format is not null)
            .WithMessage("'group' shapes the JSON answer only; exports list every actor. Leave out 'group' or 'format'.");
    }
}

public sealed record ProfileRequest(
    [property: FromQuery(Name = "asOf"), Description("Tell only what held on this date: YYYY, YYYY-MM or YYYY-MM-DD. Try 2010 on global-migration-group.")]
    string? AsOf,
    [property: FromQuery(Name = "format"), Values("json", "markdown"), Description("json (the default) or markdown, the same profile as text with footnotes. Accept: text/markdown does the same.")]
    string? Format)
{
    public static readonly string[] Formats = ["json", "markdown"];
}

public sealed class ProfileRequestValidator : WireValidator<ProfileRequest>
{
    public ProfileRequestValidator()
    {
        RuleFor(r => r.AsOf).MustBeDate();
        RuleFor(r => r.Format).Must(f => f is null || ProfileRequest.Formats.Contains(f, StringComparer.OrdinalIgnoreCase))
            .WithMessage("'{PropertyName}' must be 'json' or 'markdown'.");
    }
}
