using IomGraph.Core.Graphs;
using IomGraph.Core.Model;

namespace IomGraph.Api.Contracts;

/// <summary>A sentence of a profile: its text, the relations it tells, how sure the graph is (null for the introduction), and its footnote numbers.</summary>
public sealed record ProfileSentenceResponse(string Text, IReadOnlyList<string> RelationIds, Confidence? Confidence, IReadOnlyList<int> Footnotes);

/// <summary>A section of a profile.</summary>
public sealed record ProfileSectionResponse(string Heading, IReadOnlyList<ProfileSentenceResponse> Sentences);

/// <summary>A footnote: the source, and what of it the sentences rest on, as a citation gives it (quote, summary or dataset record).</summary>
public sealed record FootnoteResponse(
    int Number, string SourceId, string? Title, string? Author, int? Year, string? Url, string? Quote, string? Summary, DatasetRowResponse? Record, string? Locator, string Href);

/// <summary>
/// A short, readable account of an actor, in a fixed order of sections, each sentence with its sources as footnotes;
/// with <c>asOf</c>, only what held on that date.
/// </summary>
public sealed record ProfileResponse(ActorRefResponse Actor, PartialDate? AsOf, IReadOnlyList<ProfileSectionResponse> Sections, IReadOnlyList<FootnoteResponse> Footnotes)
{
    public static ProfileResponse Of(Profile p) => new(
        ActorRefResponse.Of(p.Actor),
        p.AsOf,
        p.Sections.Select(s => new ProfileSectionResponse(s.Heading, s.Sentences.Select(t => new ProfileSentenceResponse(t.Text, t.RelationIds, t.Confidence, t.Footnotes)).ToList())).ToList(),
        p.Footnotes.Select(f => new FootnoteResponse(
            f.Number, f.SourceId, f.Title, f.Author, f.Year, f.Url, f.Quote, f.Summary, f.Record is null ? null : DatasetRowResponse.Of(f.Record), f.Locator, $"/api/v1/sources/{f.SourceId}")).ToList());
}
