using System.Text;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// What an actor's node holds for search besides its list of folded names (<c>searchNames</c>): the names joined into
/// one string, <c>searchText</c>, which a text index (5.x, 4.4) or a schema index (3.x to 4.3) answers
/// <c>CONTAINS</c> from, since neither indexes the strings inside a list. Each name is folded, and folding leaves no
/// line break in a name or a query (<see cref="Core.Model.TextFolding.Fold"/> turns white space into single spaces), so
/// a query found in the joined text is found in one name, never across two; the search still checks the list.
/// </summary>
/// <remarks>
/// Index keys are bounded (4,039 bytes on the native b-tree of 3.4 and 3.5, 8,167 on 4.x, 32,766 on Lucene), and a write with a longer
/// value fails. An actor whose joined names are longer than <see cref="MaxBytes"/> (a hundred long aliases could be) has
/// no <c>searchText</c> and <c>searchLong: true</c> instead, and the search finds those few actors through the
/// <c>searchLong</c> index and a scan of their names.
/// </remarks>
internal static class SearchText
{
    /// <summary>The longest joined names kept in <c>searchText</c>, in UTF-8 bytes: under every index's key limit.</summary>
    public const int MaxBytes = 4_000;

    /// <summary>
    /// The shortest query, in characters (Unicode scalar values), that goes through the index; shorter ones match most
    /// actors and scan (<see cref="CypherCatalogue.ScanActors"/>), as on SQLite, whose trigram index starts at the same length.
    /// </summary>
    public const int IndexedLength = 3;

    private const char Separator = '\n';

    /// <summary>Whether a folded query goes through the index.</summary>
    public static bool IsIndexed(string foldedQuery) => foldedQuery.EnumerateRunes().Count() >= IndexedLength;

    /// <summary>The node's <c>searchText</c> and <c>searchLong</c>: the joined names and null, or null and true when they are too long.</summary>
    public static (string? Text, bool? Long) For(IReadOnlyList<string> searchNames)
    {
        ArgumentNullException.ThrowIfNull(searchNames);
        var text = string.Join(Separator, searchNames);
        return Encoding.UTF8.GetByteCount(text) <= MaxBytes ? (text, null) : (null, true);
    }
}
