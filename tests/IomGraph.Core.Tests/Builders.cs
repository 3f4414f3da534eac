using IomGraph.Core.Model;

namespace IomGraph.Core.Tests;

/// <summary>Small valid records that each test bends to the case it checks.</summary>
internal static class Build
{
    public static Source Source(string id = "un-ceb-gmg") => new(id, "Global Migration Group (GMG)", SourceKind.PrimaryDocument, "UN CEB", 2013, "https://unsceb.org/content/global-migration-group-gmg");

    public static Actor Actor(string id = "iom", ActorKind kind = ActorKind.IntergovernmentalOrganisation) =>
        new(id, $"Actor {id}", kind, Iso3: kind == ActorKind.State ? id.ToUpperInvariant() : null) { Aliases = [] };

    public static Relation Relation(string from = "iom", string to = "global-migration-group", RelationType type = RelationType.MemberOf, string sourceId = "un-ceb-gmg") =>
        new($"{from}.{type.ToString().ToLowerInvariant()}.{to}", from, to, type, Confidence.High, [new Citation(sourceId, "the ten initial members")],
            PartialDate.Parse("2006"), PartialDate.Parse("2018"));

    public static GraphBundle Bundle() => new()
    {
        Sources = [Source()],
        Actors = [Actor(), Actor("global-migration-group", ActorKind.InterAgencyGroup)],
        Relations = [Relation()],
    };
}
