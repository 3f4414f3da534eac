using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Formats;

/// <summary>
/// The files of the CSV format, each as one table of columns: name, required, how a row writes it, how a row reads it.
/// The header, <see cref="CsvFormat"/> and <see cref="CsvBundleReader"/> all derive from these tables, so adding a column
/// is one row here. Columns that came later go last, so that files and scripts that read the earlier columns by position
/// still work.
/// </summary>
internal static class CsvLayout
{
    // What a kind or type cell may hold, for the messages; before the tables, whose readers use them.
    private static string ActorKindNames { get; } = string.Join(", ", ActorKinds.Names.Select(n => $"'{n}'"));

    private static string RelationTypeNames { get; } = string.Join(", ", RelationTypes.Names.Select(n => $"'{n}'"));

    /// <summary>
    /// An actor's columns. Past the documented ones come <c>citations</c> (an actor's own sources, as on edges) and
    /// <c>otherIds</c> (external ids besides Wikidata, a JSON object), so that no field of a record is lost. <c>shortName</c>
    /// and then <c>plural</c> (<c>true</c>, or empty for false) came later and go last.
    /// </summary>
    public static CsvTable<Actor, Actor> Nodes { get; } = new("nodes.csv", new Actor(string.Empty, string.Empty, default),
    [
        new("id", true, (a, _) => a.Id, (cell, a) => a with { Id = cell.Id() }),
        new("name", true, (a, _) => a.Name, (cell, a) => a with { Name = cell.RequiredText() }),
        new("kind", true, (a, _) => ActorKinds.NameOf(a.Kind), (cell, a) => a with { Kind = cell.Enum<ActorKind>(ActorKinds.TryParse, "an actor kind", ActorKindNames) }),
        new("label", false, (a, _) => a.Label, (cell, a) => a with { Label = cell.Text() }),
        new("aliases", false, (a, _) => List(a.Aliases), (cell, a) => a with { Aliases = cell.List() }),
        new("founded", false, (a, _) => ExportText.Date(a.Founded), (cell, a) => a with { Founded = cell.Date() }),
        new("dissolved", false, (a, _) => ExportText.Date(a.Dissolved), (cell, a) => a with { Dissolved = cell.Date() }),
        new("headquarters", false, (a, _) => a.Headquarters, (cell, a) => a with { Headquarters = cell.Text() }),
        new("iso3", false, (a, _) => a.Iso3, (cell, a) => a with { Iso3 = cell.Trimmed() }),
        new("wikidata", false, (a, _) => ExportText.Wikidata(a), ReadWikidata),
        new("description", false, (a, _) => a.Description, (cell, a) => a with { Description = cell.Text() }),
        new("citations", false, (a, _) => a.Sources is null ? null : JsonSerializer.Serialize(a.Sources, Json), (cell, a) => a with { Sources = cell.Citations() }),
        new("otherIds", false, (a, _) => OtherIds(a), ReadOtherIds),
        new("shortName", false, (a, _) => a.ShortName, (cell, a) => a with { ShortName = cell.Text() }),
        new("plural", false, (a, _) => a.Plural ? "true" : null, (cell, a) => a with { Plural = cell.Flag() }),
    ]);

    /// <summary>A relation's columns. <c>sentence</c> is derived, and ignored on the way in; <c>heldOn</c> came later and goes last.</summary>
    public static CsvTable<RelationView, Relation> Edges { get; } = new("edges.csv", new Relation(string.Empty, string.Empty, string.Empty, default, default, []),
    [
        new("id", true, (v, _) => v.Relation.Id, (cell, r) => r with { Id = cell.Id() }),
        new("from", true, (v, _) => v.Relation.From, (cell, r) => r with { From = cell.Id() }),
        new("to", true, (v, _) => v.Relation.To, (cell, r) => r with { To = cell.Id() }),
        new("type", true, (v, _) => RelationTypes.NameOf(v.Relation.Type), (cell, r) => r with { Type = cell.Enum<RelationType>(RelationTypes.TryParse, "a relation type", RelationTypeNames) }),
        new("start", false, (v, _) => ExportText.Date(v.Relation.Start), (cell, r) => r with { Start = cell.Date() }),
        new("end", false, (v, _) => ExportText.Date(v.Relation.End), (cell, r) => r with { End = cell.Date() }),
        new("role", false, (v, _) => v.Relation.Role, (cell, r) => r with { Role = cell.Text() }),
        new("confidence", true, (v, _) => WireNames.Of(v.Relation.Confidence), (cell, r) => r with { Confidence = cell.Enum<Confidence>(WireNames.TryParse<Confidence>, "a confidence", WireNames.Expected<Confidence>()) }),
        new("sentence", false, (v, context) => context.Sentence(v), null),
        new("note", false, (v, _) => v.Relation.Note, (cell, r) => r with { Note = cell.Text() }),
        new("citations", false, (v, _) => JsonSerializer.Serialize(v.Relation.Sources, Json), (cell, r) => r with { Sources = cell.Citations() ?? [] }),
        new("heldOn", false, (v, _) => ExportText.Date(v.Relation.HeldOn), (cell, r) => r with { HeldOn = cell.Date() }),
    ]);

    /// <summary>A source's columns; those after <c>note</c> came later and go last. <c>symbols</c> is a list like aliases.</summary>
    public static CsvTable<Source, Source> Sources { get; } = new("sources.csv", new Source(string.Empty, string.Empty, default),
    [
        new("id", true, (s, _) => s.Id, (cell, s) => s with { Id = cell.Id() }),
        new("title", true, (s, _) => s.Title, (cell, s) => s with { Title = cell.RequiredText() }),
        new("kind", true, (s, _) => WireNames.Of(s.Kind), (cell, s) => s with { Kind = cell.Enum<SourceKind>(WireNames.TryParse<SourceKind>, "a source kind", WireNames.Expected<SourceKind>()) }),
        new("author", false, (s, _) => s.Author, (cell, s) => s with { Author = cell.Text() }),
        new("year", false, (s, _) => s.Year?.ToString(CultureInfo.InvariantCulture), (cell, s) => s with { Year = cell.Year() }),
        new("url", false, (s, _) => s.Url, (cell, s) => s with { Url = cell.Trimmed() }),
        new("note", false, (s, _) => s.Note, (cell, s) => s with { Note = cell.Text() }),
        new("attribution", false, (s, _) => s.Attribution, (cell, s) => s with { Attribution = cell.Text() }),
        new("publisher", false, (s, _) => s.Publisher, (cell, s) => s with { Publisher = cell.Text() }),
        new("container", false, (s, _) => s.Container, (cell, s) => s with { Container = cell.Text() }),
        new("published", false, (s, _) => ExportText.Date(s.Published), (cell, s) => s with { Published = cell.Date() }),
        new("symbols", false, (s, _) => List(s.Symbols), (cell, s) => s with { Symbols = cell.List() }),
        new("doi", false, (s, _) => s.Doi, (cell, s) => s with { Doi = cell.Trimmed() }),
    ]);

    /// <summary>
    /// JSON inside a cell: <see cref="GraphJson"/>'s shape, with accents and quotes left readable for people who edit
    /// the file in a spreadsheet (the cell is CSV-quoted, never HTML).
    /// </summary>
    public static JsonSerializerOptions Json { get; } = CreateJsonOptions();

    /// <summary>
    /// A list (aliases, document symbols) in one cell: joined with " | " when that reads back the same, else as a JSON
    /// array of strings.
    /// </summary>
    public static string? List(IReadOnlyList<string> aliases)
    {
        if (aliases.Count == 0)
        {
            return null;
        }

        var plain = !aliases[0].StartsWith('[')
            && aliases.All(a => a.Length > 0 && !a.Contains('|', StringComparison.Ordinal) && a.Trim() == a);
        return plain ? string.Join(ExportText.ListSeparator, aliases) : JsonSerializer.Serialize(aliases, Json);
    }

    /// <summary>External ids besides Wikidata, which has its own column, as a JSON object in key order.</summary>
    private static string? OtherIds(Actor actor)
    {
        var otherIds = actor.ExternalIds?
            .Where(p => p.Key != ExternalIdKeys.Wikidata)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return otherIds is { Count: > 0 } ? JsonSerializer.Serialize(otherIds, Json) : null;
    }

    private static Actor ReadWikidata(CsvCell cell, Actor actor) =>
        cell.Trimmed() is { } wikidata
            ? actor with { ExternalIds = new Dictionary<string, string>(StringComparer.Ordinal) { [ExternalIdKeys.Wikidata] = wikidata } }
            : actor;

    /// <summary>Reads after <c>wikidata</c>, whose id it joins (after the other ids, as imports have always ordered them).</summary>
    private static Actor ReadOtherIds(CsvCell cell, Actor actor)
    {
        var externalIds = cell.Json<Dictionary<string, string>>("a JSON object of external ids, such as {\"viaf\":\"123\"}");
        if (externalIds is null)
        {
            return actor;
        }

        if (actor.ExternalIds?.GetValueOrDefault(ExternalIdKeys.Wikidata) is { } wikidata && !externalIds.TryAdd(ExternalIdKeys.Wikidata, wikidata))
        {
            cell.Error("'wikidata' is given both here and in the wikidata column.");
        }

        return actor with { ExternalIds = externalIds.Count > 0 ? externalIds : null };
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(GraphJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
