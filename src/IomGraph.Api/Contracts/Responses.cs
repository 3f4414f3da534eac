using IomGraph.Api.Http.OpenApi;
using IomGraph.Core.Graphs;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Api.Contracts;

/// <summary>A page of results. Pass <c>nextCursor</c> back as <c>cursor</c> for the next page; it is null on the last page.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, long Total, string? NextCursor);

/// <summary>An actor as a node or a counterpart: enough to label it and to fetch it.</summary>
/// <remarks>
/// <c>label</c> is how the actor is named inside a sentence ("the Global Migration Group"), or null when that is its
/// name; <c>shortName</c> is what a list or a drawing shows ("Global Migration Group", "UNHCR", "IAMM").
/// </remarks>
public sealed record ActorRefResponse(string Id, string Name, ActorKind Kind, string? Label, string ShortName)
{
    public static ActorRefResponse Of(ActorRef actor) => new(actor.Id, actor.Name, actor.Kind, actor.Label, actor.DisplayShortName);
}

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

/// <summary>An actor with everything the graph knows of it.</summary>
/// <remarks>
/// <c>shortName</c> is the curated short name, or null where none is curated (see <c>ActorRef.shortName</c> for what is
/// shown then); <c>plural</c> is true when the name takes a plural verb ("the UN Regional Commissions are").
/// </remarks>
public sealed record ActorResponse(
    string Id,
    string Name,
    ActorKind Kind,
    string? Label,
    string? ShortName,
    bool Plural,
    IReadOnlyList<string> Aliases,
    PartialDate? Founded,
    PartialDate? Dissolved,
    string? Headquarters,
    string? Iso3,
    IReadOnlyDictionary<string, string> ExternalIds,
    string? Description,
    IReadOnlyList<CitationResponse> Sources)
{
    public static ActorResponse Of(Actor a) => new(
        a.Id, a.Name, a.Kind, a.Label, a.ShortName, a.Plural, a.Aliases, a.Founded, a.Dissolved, a.Headquarters, a.Iso3,
        a.ExternalIds ?? new Dictionary<string, string>(), a.Description, CitationResponse.Of(a.Sources));
}

/// <summary>A search hit: the actor, and how it matched (exact, prefix, contains; absent without a query).</summary>
public sealed record ActorHitResponse(ActorResponse Actor, [property: Values("exact", "prefix", "contains")] string? Match)
{
    public static ActorHitResponse Of(ActorHit hit) => new(
        ActorResponse.Of(hit.Actor),
        hit.Rank switch { 0 => "exact", 1 => "prefix", 2 => "contains", _ => null });
}

/// <summary>How many relations of one type an actor has, by direction.</summary>
public sealed record RelationCountResponse(RelationType Type, int Outgoing, int Incoming);

/// <summary>An actor with its relation counts by type.</summary>
public sealed record ActorDetailsResponse(ActorResponse Actor, IReadOnlyList<RelationCountResponse> RelationCounts, int TotalRelations)
{
    public static ActorDetailsResponse Of(ActorDetails d) => new(
        ActorResponse.Of(d.Actor),
        d.RelationCounts.Select(c => new RelationCountResponse(c.Type, c.Outgoing, c.Incoming)).ToList(),
        d.RelationCounts.Sum(c => c.Outgoing + c.Incoming));
}

/// <summary>
/// A relation: typed, directed (<c>from</c> → <c>to</c>), dated, with a plain-English sentence, a confidence and its
/// sources. <c>heldOn</c>, given only without <c>start</c>, is a date on which the relation is known to hold although
/// its start is not known ("a member by 2009"): it holds from then on, and before then it is not known to. <c>undated</c>
/// is true when no date at all is recorded: the period is unknown, not "always".
/// </summary>
public sealed record RelationResponse(
    string Id,
    RelationType Type,
    string From,
    string To,
    ActorRefResponse FromActor,
    ActorRefResponse ToActor,
    string Sentence,
    PartialDate? Start,
    PartialDate? End,
    PartialDate? HeldOn,
    string? Role,
    Confidence Confidence,
    IReadOnlyList<CitationResponse> Sources,
    string? Note,
    bool Undated)
{
    /// <param name="say">How the relation is told: <see cref="Application.Sentences"/> for the request.</param>
    public static RelationResponse Of(RelationView v, Func<RelationView, string> say) => new(
        v.Relation.Id, v.Relation.Type, v.Relation.From, v.Relation.To,
        ActorRefResponse.Of(v.From), ActorRefResponse.Of(v.To), say(v),
        v.Relation.Start, v.Relation.End, v.Relation.HeldOn, v.Relation.Role, v.Relation.Confidence,
        CitationResponse.Of(v.Relation.Sources), v.Relation.Note, v.Relation.IsUndated);
}

/// <summary>
/// A relation as seen from one of its ends, in that actor's relation list: <c>direction</c> says whether the actor is
/// its <c>from</c> ("out") or its <c>to</c> ("in"), and <c>counterpart</c> is the actor at the other end.
/// </summary>
public sealed record ActorRelationResponse(
    string Id,
    RelationType Type,
    string From,
    string To,
    ActorRefResponse FromActor,
    ActorRefResponse ToActor,
    string Sentence,
    PartialDate? Start,
    PartialDate? End,
    PartialDate? HeldOn,
    string? Role,
    Confidence Confidence,
    IReadOnlyList<CitationResponse> Sources,
    string? Note,
    bool Undated,
    [property: Values("out", "in")] string Direction,
    ActorRefResponse Counterpart)
{
    public static ActorRelationResponse Of(RelationView v, string focusActorId, Func<RelationView, string> say)
    {
        var outgoing = v.Relation.From == focusActorId;
        var r = RelationResponse.Of(v, say);
        return new(
            r.Id, r.Type, r.From, r.To, r.FromActor, r.ToActor, r.Sentence, r.Start, r.End, r.HeldOn, r.Role, r.Confidence, r.Sources, r.Note, r.Undated,
            outgoing ? "out" : "in", ActorRefResponse.Of(outgoing ? v.To : v.From));
    }
}

/// <summary>
/// A node to draw: an actor, or a group of actors of one kind (then <c>group</c> lists them and the id starts with
/// "group:"). <c>label</c> is what to write on it ("UNHCR", "Global Migration Group", "160 states"); <c>degree</c>, the
/// actor's relations in the whole graph, suits its size; <c>depth</c> is its distance in hops from the centre (0 for the
/// centre itself).
/// </summary>
public sealed record GraphNodeResponse(string Id, string Name, string Label, ActorKind Kind, int Degree, int Depth, NodeGroupResponse? Group);

/// <summary>The actors a group node stands for: fetch their relations, or ask again without <c>group</c>, to expand it.</summary>
public sealed record NodeGroupResponse(int Count, IReadOnlyList<string> MemberIds);

/// <summary>
/// An edge to draw. <c>source</c> and <c>target</c> are node ids, never array positions; <c>type</c> is the relation type
/// and <c>label</c> its reading ("member of"). An edge that stands for several relations to or from a group carries
/// <c>group</c>; it is as sure as the least sure of them.
/// </summary>
public sealed record GraphEdgeResponse(
    string Id,
    string Source,
    string Target,
    RelationType Type,
    string Label,
    string Sentence,
    PartialDate? Start,
    PartialDate? End,
    PartialDate? HeldOn,
    string? Role,
    Confidence Confidence,
    IReadOnlyList<string> SourceIds,
    bool Undated,
    EdgeGroupResponse? Group);

/// <summary>The relations a group edge stands for.</summary>
public sealed record EdgeGroupResponse(int Count, IReadOnlyList<string> RelationIds);

/// <summary>
/// A graph in the node-link shape that D3, Cytoscape.js, vis-network and sigma.js read.
/// <c>truncated</c> is true when the node cap cut the graph short.
/// </summary>
public sealed record GraphResponse(string Centre, int Depth, IReadOnlyList<GraphNodeResponse> Nodes, IReadOnlyList<GraphEdgeResponse> Edges, bool Truncated)
{
    public static GraphResponse Of(string centre, int depth, Graph graph, IReadOnlyCollection<ActorKind> gather, Func<RelationView, string> say)
    {
        var drawing = Drawings.Of(graph, centre, gather, say);
        return new(
            centre,
            depth,
            drawing.Nodes.Select(n => new GraphNodeResponse(
                n.Id, n.Name, n.Label, n.Kind, n.Degree, n.Depth, n.Group is { } g ? new NodeGroupResponse(g.Count, g.MemberIds) : null)).ToList(),
            drawing.Edges.Select(e => new GraphEdgeResponse(
                e.Id, e.Source, e.Target, e.Type, e.Label, e.Sentence, e.Start, e.End, e.HeldOn, e.Role, e.Confidence, e.SourceIds,
                e.Undated,
                e.Group is { } g ? new EdgeGroupResponse(g.Count, g.RelationIds) : null)).ToList(),
            graph.Truncated);
    }
}

/// <summary>One of a hop's relations, and the way the path takes it: "forward" from its <c>from</c> to its <c>to</c>, or "backward".</summary>
public sealed record HopRelationResponse([property: Values("forward", "backward")] string Direction, RelationResponse Relation);

/// <summary>
/// One step of a path, from one actor to the next, with every relation between the two that lies on a shortest path
/// (parallel relations are one hop), strongest first. <c>strength</c> is the best confidence among them.
/// </summary>
public sealed record PathHopResponse(string From, string To, Confidence Strength, IReadOnlyList<HopRelationResponse> Relations);

/// <summary>
/// A path: a distinct chain of actors, its length in hops, its strength (its weakest hop's), how many relations support
/// it, the actors in order and each hop.
/// </summary>
public sealed record PathResponse(int Length, Confidence Strength, int RelationCount, IReadOnlyList<ActorRefResponse> Actors, IReadOnlyList<PathHopResponse> Hops)
{
    public static PathResponse Of(PathChain chain, ActorRef start, Func<RelationView, string> say) => new(
        chain.Hops.Count,
        chain.Strength,
        chain.RelationCount,
        chain.Actors.Count > 0 ? chain.Actors.Select(ActorRefResponse.Of).ToList() : [ActorRefResponse.Of(start)],
        chain.Hops.Select(h => new PathHopResponse(
            h.From.Id, h.To.Id, h.Strength,
            h.Relations.Select(r => new HopRelationResponse(r.Forward ? "forward" : "backward", RelationResponse.Of(r.Relation, say))).ToList())).ToList());
}

/// <summary>
/// The shortest paths between two actors, strongest first: <c>length</c> is their number of hops (null when the actors
/// are not connected within <c>maxDepth</c>, and <c>paths</c> is then empty); <c>truncated</c> says that more paths of
/// that length exist than <c>maxPaths</c> allowed.
/// </summary>
public sealed record ShortestPathsResponse(ActorRefResponse From, ActorRefResponse To, int MaxDepth, int? Length, bool Truncated, IReadOnlyList<PathResponse> Paths);

/// <summary>A relation type of the closed vocabulary.</summary>
public sealed record RelationTypeResponse(
    string Name,
    string Label,
    string Description,
    string InverseLabel,
    string Example,
    bool IsEvent,
    IReadOnlyList<string> FromKinds,
    IReadOnlyList<string> ToKinds)
{
    /// <summary>The type with its example sentence, told in the present ("A is a member of B.") or, for an event, in the past.</summary>
    public static RelationTypeResponse Of(RelationTypeInfo t) => new(
        t.Name, t.Label, t.Description, t.InverseLabel,
        Core.Vocabulary.Predicate.Example(t),
        t.IsEvent,
        ActorKinds.All.Where(k => t.FromKinds.Contains(k.Kind)).Select(k => k.Name).ToList(),
        ActorKinds.All.Where(k => t.ToKinds.Contains(k.Kind)).Select(k => k.Name).ToList());
}

/// <summary>An actor kind of the closed vocabulary.</summary>
public sealed record ActorKindResponse(string Name, string Label, string Plural, string Description)
{
    public static ActorKindResponse Of(ActorKindInfo k) => new(k.Name, k.Label, k.Plural, k.Description);
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

/// <summary>An actor and its number of relations.</summary>
public sealed record ConnectedActorResponse(string Id, string Name, ActorKind Kind, int Degree);

/// <summary>Counts of the graph.</summary>
public sealed record StatsResponse(
    long Actors,
    long Relations,
    long Sources,
    IReadOnlyDictionary<string, long> ActorsByKind,
    IReadOnlyDictionary<string, long> RelationsByType,
    IReadOnlyList<ConnectedActorResponse> MostConnected)
{
    public static StatsResponse Of(GraphStats s) => new(
        s.Actors,
        s.Relations,
        s.Sources,
        ActorKinds.All.ToDictionary(k => k.Name, k => s.ActorsByKind.GetValueOrDefault(k.Kind)),
        RelationTypes.All.ToDictionary(t => t.Name, t => s.RelationsByType.GetValueOrDefault(t.Type)),
        s.MostConnected.Select(c => new ConnectedActorResponse(c.Actor.Id, c.Actor.Name, c.Actor.Kind, c.Degree)).ToList());
}

/// <summary>The state of one health check.</summary>
public sealed record HealthCheckResponse([property: Values("Healthy", "Degraded", "Unhealthy")] string Status, string? Description);

/// <summary>The overall health ("Healthy", "Degraded" or "Unhealthy") and each check's.</summary>
public sealed record HealthResponse([property: Values("Healthy", "Degraded", "Unhealthy")] string Status, IReadOnlyDictionary<string, HealthCheckResponse> Checks)
{
    public static HealthResponse Of(Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report) => new(
        report.Status.ToString(),
        report.Entries.ToDictionary(e => e.Key, e => new HealthCheckResponse(e.Value.Status.ToString(), e.Value.Description)));
}

/// <summary>
/// One entry of the change log: its sequence number (the feed's order), when, who (a curator key's name, 'seed' or
/// 'import'), which record, what was done, and the record before and after (null where it did not exist).
/// </summary>
public sealed record ChangeResponse(
    long Sequence,
    DateTimeOffset At,
    string Author,
    RecordKind Kind,
    string Id,
    ChangeOperation Operation,
    object? Before,
    object? After)
{
    public static ChangeResponse Of(ChangeEntry e) => new(
        e.Sequence, e.At, e.Author, e.Record.Kind, e.Record.Id, e.Operation,
        e.Before is null ? null : System.Text.Json.Nodes.JsonNode.Parse(e.Before),
        e.After is null ? null : System.Text.Json.Nodes.JsonNode.Parse(e.After));
}

/// <summary>
/// A page of the change feed. <c>nextCursor</c> is null on the last page; <c>resumeCursor</c> is always the position after
/// this page's last change, to pass back as <c>cursor</c> later and receive only newer changes.
/// </summary>
public sealed record ChangeFeedResponse(IReadOnlyList<ChangeResponse> Items, long Total, string? NextCursor, string? ResumeCursor);

/// <summary>Created, updated, unchanged and deleted records of one kind.</summary>
public sealed record CountsResponse(int Created, int Updated, int Unchanged, int Deleted)
{
    public static CountsResponse Of(IomGraph.Core.Storage.RecordCounts c) => new(c.Created, c.Updated, c.Unchanged, c.Deleted);
}

/// <summary>What an import did. On a dry run nothing is written and the counts are absent.</summary>
public sealed record ImportResponse(bool DryRun, bool Valid, bool Changed, int Records, CountsResponse? Sources, CountsResponse? Actors, CountsResponse? Relations)
{
    public static ImportResponse Of(Application.ImportOutcome outcome, GraphBundle bundle) => new(
        outcome.DryRun,
        outcome.Valid,
        outcome.Counts?.Changed ?? false,
        bundle.Sources.Count + bundle.Actors.Count + bundle.Relations.Count,
        outcome.Counts is null ? null : CountsResponse.Of(outcome.Counts.Sources),
        outcome.Counts is null ? null : CountsResponse.Of(outcome.Counts.Actors),
        outcome.Counts is null ? null : CountsResponse.Of(outcome.Counts.Relations));
}

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
