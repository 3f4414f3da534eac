using IomGraph.Core.Graphs;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Api.Contracts;

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
