using System.Text.RegularExpressions;

namespace IomGraph.Core.Validation;

/// <summary>The shapes of the graph's identifiers. Stable, lowercase, URL-safe.</summary>
public static partial class Ids
{
    public const int MaxActorIdLength = 100;
    public const int MaxRelationIdLength = 200;

    /// <summary>Actor and source ids: lowercase words joined by hyphens ("iom", "un-network-on-migration", "civ").</summary>
    public static bool IsSlug(string? id) => id is { Length: > 0 and <= MaxActorIdLength } && SlugPattern().IsMatch(id);

    /// <summary>Relation ids: lowercase words joined by hyphens or dots ("aus.member-of.iom.1951").</summary>
    public static bool IsRelationId(string? id) => id is { Length: > 0 and <= MaxRelationIdLength } && RelationIdPattern().IsMatch(id);

    public const string SlugDescription = "lowercase letters and digits in words joined by single hyphens, at most 100 characters";
    public const string RelationIdDescription = "lowercase letters and digits in words joined by single hyphens or dots, at most 200 characters";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z0-9]+([.-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RelationIdPattern();
}
