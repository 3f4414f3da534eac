using System.Text.Json.Serialization;
using IomGraph.Core.Model;

namespace IomGraph.Api.Contracts;

/// <summary>
/// One item of CSL-JSON, the citation data that Zotero, Pandoc (citeproc), Mendeley and citeproc-js read
/// (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). Only the variables IomGraph knows are written;
/// one it does not know is left out, never null.
/// </summary>
public sealed record CslItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title)
{
    /// <summary>People as family and given names; an organisation as a literal name.</summary>
    [JsonPropertyName("author")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CslName>? Author { get; init; }

    [JsonPropertyName("publisher")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Publisher { get; init; }

    /// <summary>The journal, newspaper, website or series it appears in.</summary>
    [JsonPropertyName("container-title")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContainerTitle { get; init; }

    /// <summary>When it was published, at the precision known.</summary>
    [JsonPropertyName("issued")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CslDate? Issued { get; init; }

    /// <summary>When it was read (for IomGraph itself: the day of the answer).</summary>
    [JsonPropertyName("accessed")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CslDate? Accessed { get; init; }

    /// <summary>The version (for IomGraph itself: the graph version).</summary>
    [JsonPropertyName("version")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Version { get; init; }

    /// <summary>Document symbols, joined ("A/RES/47/4").</summary>
    [JsonPropertyName("number")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Number { get; init; }

    [JsonPropertyName("URL")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }

    /// <summary>The bare DOI.</summary>
    [JsonPropertyName("DOI")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Doi { get; init; }

    [JsonPropertyName("note")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }
}

/// <summary>A CSL name: a person's <c>family</c> and <c>given</c> names, or an organisation's <c>literal</c> name.</summary>
public sealed record CslName
{
    [JsonPropertyName("family")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Family { get; init; }

    [JsonPropertyName("given")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Given { get; init; }

    [JsonPropertyName("literal")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Literal { get; init; }
}

/// <summary>A CSL date: one [year, month?, day?] at the precision known.</summary>
public sealed record CslDate([property: JsonPropertyName("date-parts")] IReadOnlyList<IReadOnlyList<int>> DateParts)
{
    public static CslDate Of(PartialDate date) => new([
        date.Day is { } day ? [date.Year, date.Month!.Value, day] : date.Month is { } month ? [date.Year, month] : [date.Year],
    ]);

    public static CslDate Of(DateOnly day) => new([[day.Year, day.Month, day.Day]]);
}

/// <summary>What a citation of a source gives: the source's own words, a curator's summary, a dataset's record.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CitationTextKind>))]
public enum CitationTextKind
{
    [JsonStringEnumMemberName("quote")] Quote,
    [JsonStringEnumMemberName("summary")] Summary,
    [JsonStringEnumMemberName("record")] Record,
}

/// <summary>
/// A ready-to-paste citation of one relation: what the graph says (its sentence and confidence), what it rests on (each
/// cited source, with where in it and what kind of text the graph takes from it), and which graph, where and when.
/// <c>text</c> is all of it as one plain-text citation.
/// </summary>
public sealed record RelationCitationResponse(
    string RelationId,
    string Sentence,
    Confidence Confidence,
    IReadOnlyList<CitedSourceResponse> Sources,
    string GraphVersion,
    DateOnly Retrieved,
    string Url,
    string Text);

/// <summary>
/// One citation of a relation with its source's bibliographic fields. <c>kinds</c> says which kinds of text it carries:
/// <c>quote</c> is the source's own words; <c>summary</c> is IomGraph's rendering, never to be quoted as the source's;
/// <c>record</c> is a dataset row.
/// </summary>
public sealed record CitedSourceResponse(
    string SourceId,
    string Title,
    SourceKind Kind,
    string? Author,
    int? Year,
    PartialDate? Published,
    string? Publisher,
    string? Container,
    IReadOnlyList<string> Symbols,
    string? Doi,
    string? Url,
    string? Locator,
    IReadOnlyList<CitationTextKind> Kinds,
    string? Quote,
    string? Summary,
    DatasetRowResponse? Record,
    string Href);
