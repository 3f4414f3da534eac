using IomGraph.Core.Model;

namespace IomGraph.Api.Contracts;

/// <summary>
/// A citation: the source, what it says, where it says it, and a link to the source record. What it says comes as one or
/// more kinds of text, each for what it is: <c>quote</c> is the source's own words, verbatim, and the only text to put in
/// quotation marks; <c>summary</c> is IomGraph's rendering of what the source says, in IomGraph's words; <c>record</c> is
/// the row of a dataset the record rests on. At least one of the three is present.
/// </summary>
public sealed record CitationResponse(string SourceId, string? Quote, string? Summary, DatasetRowResponse? Record, string? Locator, string Href)
{
    public static CitationResponse Of(Citation c) => new(
        c.SourceId, c.Quote, c.Summary, c.Record is null ? null : DatasetRowResponse.Of(c.Record), c.Locator, $"/api/v1/sources/{c.SourceId}");

    public static IReadOnlyList<CitationResponse> Of(IReadOnlyList<Citation>? citations) => citations?.Select(Of).ToList() ?? [];
}

/// <summary>A dataset row a citation rests on: the dataset, its table, which row, and the values read from it, by column.</summary>
public sealed record DatasetRowResponse(string Dataset, string? Table, string Row, IReadOnlyDictionary<string, string> Values)
{
    public static DatasetRowResponse Of(DatasetRow r) => new(r.Dataset, r.Table, r.Row, r.Values);
}

/// <summary>
/// A source, with the number of relations that cite it. <c>author</c> names people as "Family, Given", several separated
/// by "; ", or an organisation by its name; <c>publisher</c> is who published it and <c>container</c> the journal,
/// website or series it appears in; <c>published</c> is its date of publication at its real precision; <c>symbols</c>
/// are its document symbols ("A/RES/47/4"); <c>doi</c> is bare ("10.1177/…"); <c>url</c> is where it can be read.
/// <c>attribution</c> is how a sentence names who says what the source says, when it does.
/// </summary>
public sealed record SourceResponse(
    string Id,
    string Title,
    string? Author,
    int? Year,
    string? Url,
    SourceKind Kind,
    string? Note,
    int CitedBy,
    string? Publisher,
    string? Container,
    PartialDate? Published,
    IReadOnlyList<string> Symbols,
    string? Doi,
    string? Attribution,
    string Href)
{
    public static SourceResponse Of(Source s, int citedBy) => new(
        s.Id, s.Title, s.Author, s.Year, s.Url, s.Kind, s.Note, citedBy, s.Publisher, s.Container, s.Published, s.Symbols, s.Doi, s.Attribution,
        $"/api/v1/sources/{s.Id}");
}

/// <summary>A source and a page of the relations that cite it.</summary>
public sealed record SourceDetailsResponse(SourceResponse Source, PageResponse<RelationResponse> CitedBy);
