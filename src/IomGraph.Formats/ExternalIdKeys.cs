namespace IomGraph.Formats;

/// <summary>The keys of <c>Actor.ExternalIds</c> that formats give a column or property of their own.</summary>
internal static class ExternalIdKeys
{
    public const string Wikidata = "wikidata";
}
