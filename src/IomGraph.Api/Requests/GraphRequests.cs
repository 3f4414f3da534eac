using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using IomGraph.Api.Http.OpenApi;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Validation;
using IomGraph.Formats;
using Microsoft.AspNetCore.Mvc;

namespace IomGraph.Api.Requests;

public sealed record PathsRequest(
    [property: FromQuery(Name = "from"), Required, Description("The id of the actor the path starts from."), Example("usa")]
    string? From,
    [property: FromQuery(Name = "to"), Required, Description("The id of the actor the path ends at."), Example("unhcr")]
    string? To,
    [property: FromQuery(Name = "maxDepth"), Description("The longest path to look for, in hops, 1 to 6."), DefaultValue(PathsRequest.DefaultMaxDepth)]
    int? MaxDepth,
    [property: FromQuery(Name = "type"), Values(typeof(RelationType)), Description("Follow only relations of these types. Repeat the parameter or separate with commas.")]
    string[]? Type,
    [property: FromQuery(Name = "asOf"), Description("Follow only relations valid on this date: YYYY, YYYY-MM or YYYY-MM-DD. Try 2010.")]
    string? AsOf,
    [property: FromQuery(Name = "includeUndated"), Description(QueryRules.IncludeUndatedDescription)]
    bool? IncludeUndated,
    [property: FromQuery(Name = "maxPaths"), Description("The most paths to return, 1 to 100, strongest first; 'truncated' says when there were more."), DefaultValue(PathsRequest.DefaultMaxPaths)]
    int? MaxPaths,
    [property: FromQuery(Name = "format"), Values(typeof(GraphFormats)), Description("Leave empty for the paths below as JSON. Or one of: json (the import bundle), cytoscape, graphml, gexf, csv (a zip), holding the actors and relations of the paths returned. Accept does the same by media type.")]
    string? Format)
{
    public const int DefaultMaxDepth = 4;
    public const int MaxMaxDepth = 6;
    public const int DefaultMaxPaths = 25;
    public const int MaxMaxPaths = 100;

    public PathQuery ToQuery() =>
        new(From!, To!, MaxDepth ?? DefaultMaxDepth, QueryRules.Types(Type), QueryRules.Date(AsOf)) { IncludeUndated = IncludeUndated ?? false };
}

public sealed class PathsRequestValidator : WireValidator<PathsRequest>
{
    public PathsRequestValidator()
    {
        RuleFor(r => r.From).NotEmpty().MustBeActorId();
        RuleFor(r => r.To).NotEmpty().MustBeActorId();
        RuleFor(r => r.MaxDepth).InclusiveBetween(1, PathsRequest.MaxMaxDepth);
        RuleFor(r => r.Type).MustBeRelationTypes();
        RuleFor(r => r.AsOf).MustBeDate();
        RuleFor(r => r.IncludeUndated).MustComeWithAsOf(r => r.AsOf);
        RuleFor(r => r.MaxPaths).InclusiveBetween(1, PathsRequest.MaxMaxPaths);
        RuleFor(r => r.Format).MustBeFormat();
    }
}

public sealed record RelationsRequest(
    [property: FromQuery(Name = "type"), Values(typeof(RelationType)), Description("Keep only relations of these types. Repeat the parameter or separate with commas. Try CHAIRS with to=global-migration-group.")]
    string[]? Type,
    [property: FromQuery(Name = "from"), Description("Keep only relations from this actor id, such as 'iom'.")]
    string? From,
    [property: FromQuery(Name = "to"), Description("Keep only relations to this actor id, such as 'global-migration-group'.")]
    string? To,
    [property: FromQuery(Name = "asOf"), Description("Keep only relations valid on this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
    string? AsOf,
    [property: FromQuery(Name = "includeUndated"), Description(QueryRules.IncludeUndatedDescription)]
    bool? IncludeUndated,
    [property: FromQuery(Name = "minConfidence"), Values(typeof(Confidence)), Description("Keep only relations at least this sure: 'low', 'medium' or 'high'.")]
    string? MinConfidence,
    [property: FromQuery(Name = "limit"), Description("Items per page, 1 to 200."), DefaultValue(RelationsRequest.DefaultLimit)]
    int? Limit,
    [property: FromQuery(Name = "cursor"), Description("The 'nextCursor' of the previous page, unchanged.")]
    string? Cursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static Confidence? ParseConfidence(string? raw) => raw?.ToLowerInvariant() switch
    {
        null => null,
        "low" => Confidence.Low,
        "medium" => Confidence.Medium,
        "high" => Confidence.High,
        _ => throw new InvalidOperationException($"Unvalidated confidence '{raw}'."),
    };

    public RelationFilter ToFilter() => new(
        QueryRules.Types(Type), From, To, QueryRules.Date(AsOf), ParseConfidence(MinConfidence), Limit ?? DefaultLimit, QueryRules.Cursor<RelationCursor>(Cursor))
    {
        IncludeUndated = IncludeUndated ?? false,
    };
}

public sealed class RelationsRequestValidator : WireValidator<RelationsRequest>
{
    private static readonly string[] Confidences = ["low", "medium", "high"];

    public RelationsRequestValidator()
    {
        RuleFor(r => r.Type).MustBeRelationTypes();
        RuleFor(r => r.From).MustBeActorId();
        RuleFor(r => r.To).MustBeActorId();
        RuleFor(r => r.AsOf).MustBeDate();
        RuleFor(r => r.IncludeUndated).MustComeWithAsOf(r => r.AsOf);
        RuleFor(r => r.MinConfidence)
            .Must(c => c is null || Confidences.Contains(c, StringComparer.OrdinalIgnoreCase))
            .WithMessage("'{PropertyName}' must be 'low', 'medium' or 'high'.");
        RuleFor(r => r.Limit).MustBeLimit(RelationsRequest.MaxLimit);
        RuleFor(r => r.Cursor).MustBeCursor<RelationsRequest, RelationCursor>();
    }
}

public sealed record SourcesRequest(
    [property: FromQuery(Name = "limit"), Description("Items per page, 1 to 200 (JSON only: csl-json and bibtex list every source)."), DefaultValue(SourcesRequest.DefaultLimit)]
    int? Limit,
    [property: FromQuery(Name = "cursor"), Description("The 'nextCursor' of the previous page, unchanged (JSON only).")]
    string? Cursor,
    [property: FromQuery(Name = "format"), Values("json", "csl-json", "bibtex"), Description(SourcesRequest.FormatDescription)]
    string? Format = null)
{
    public const string FormatDescription = "json (the default); csl-json, every source as a CSL-JSON list for Zotero, Pandoc or citeproc (Accept: application/vnd.citationstyles.csl+json does the same); bibtex, every source as a BibTeX entry keyed by its id (Accept: application/x-bibtex).";

    public const int DefaultLimit = 100;
    public const int MaxLimit = 200;

    public SourceListQuery ToQuery() => new(Limit ?? DefaultLimit, QueryRules.Cursor<IdCursor>(Cursor));
}

public sealed class SourcesRequestValidator : WireValidator<SourcesRequest>
{
    public SourcesRequestValidator()
    {
        RuleFor(r => r.Limit).MustBeLimit(SourcesRequest.MaxLimit);
        RuleFor(r => r.Cursor).MustBeCursor<SourcesRequest, IdCursor>();
        RuleFor(r => r.Format).MustBeCitationFormat();
        RuleFor(r => r.Cursor).Null().When(r => r.Format is not null && !string.Equals(r.Format, "json", StringComparison.OrdinalIgnoreCase))
            .WithMessage("'cursor' pages the JSON list only; csl-json and bibtex list every source. Leave out 'cursor' or 'format'.");
    }
}

public sealed record SourceRequest(
    [property: FromQuery(Name = "limit"), Description("Citing relations per page, 1 to 200."), DefaultValue(SourceRequest.DefaultLimit)]
    int? Limit,
    [property: FromQuery(Name = "cursor"), Description("The 'citedBy.nextCursor' of the previous page, unchanged.")]
    string? Cursor,
    [property: FromQuery(Name = "format"), Values("json", "csl-json", "bibtex"), Description(SourceRequest.FormatDescription)]
    string? Format = null)
{
    public const string FormatDescription = "json (the default), the source and the relations that cite it; csl-json, the source as one CSL-JSON item (Accept: application/vnd.citationstyles.csl+json does the same); bibtex, the source as a BibTeX entry keyed by its id (Accept: application/x-bibtex).";

    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public SourceQuery ToQuery(string id) => new(id, Limit ?? DefaultLimit, QueryRules.Cursor<RelationCursor>(Cursor));
}

public sealed class SourceRequestValidator : WireValidator<SourceRequest>
{
    public SourceRequestValidator()
    {
        RuleFor(r => r.Limit).MustBeLimit(SourceRequest.MaxLimit);
        RuleFor(r => r.Cursor).MustBeCursor<SourceRequest, RelationCursor>();
        RuleFor(r => r.Format).MustBeCitationFormat();
    }
}

public sealed record StatsRequest(
    [property: FromQuery(Name = "top"), Description("How many of the most connected actors to list, 1 to 100."), DefaultValue(StatsRequest.DefaultTop)]
    int? Top)
{
    public const int DefaultTop = 10;
}

public sealed class StatsRequestValidator : WireValidator<StatsRequest>
{
    public StatsRequestValidator() => RuleFor(r => r.Top).InclusiveBetween(1, 100);
}

public sealed record RelationCitationRequest(
    [property: FromQuery(Name = "format"), Values("json", "csl-json"), Description("json (the default), the citation with its parts and a plain-text 'text'; csl-json, IomGraph itself as one CSL-JSON dataset item at this graph version, to put in a bibliography (Accept: application/vnd.citationstyles.csl+json does the same).")]
    string? Format);

public sealed class RelationCitationRequestValidator : WireValidator<RelationCitationRequest>
{
    public RelationCitationRequestValidator()
    {
        RuleFor(r => r.Format).Must(f => f is null || Citations.CitationFormats.Parse(f) is Citations.CitationFormat.Json or Citations.CitationFormat.CslJson)
            .WithMessage("'{PropertyName}' must be 'json' or 'csl-json'.");
    }
}
