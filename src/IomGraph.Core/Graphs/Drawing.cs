using System.Globalization;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Core.Graphs;

/// <summary>A node to draw: an actor, or a group standing for several actors of one kind.</summary>
/// <param name="Label">What a drawing writes on the node: the actor's short name, or "160 states".</param>
/// <param name="Degree">The actor's relations in the whole graph; for a group, its members' together.</param>
public sealed record DrawingNode(string Id, string Name, string Label, ActorKind Kind, int Degree, int Depth, NodeGroup? Group);

/// <summary>The actors a group node stands for.</summary>
public sealed record NodeGroup(int Count, IReadOnlyList<string> MemberIds);

/// <summary>An edge to draw: a relation, or a group of relations of one type between a group node and one other node.</summary>
/// <param name="Label">What a drawing writes on the edge: the relation type's reading, such as "member of".</param>
public sealed record DrawingEdge(
    string Id,
    string Source,
    string Target,
    RelationType Type,
    string Label,
    string Sentence,
    PartialDate? Start,
    PartialDate? End,
    string? Role,
    Confidence Confidence,
    IReadOnlyList<string> SourceIds,
    EdgeGroup? Group)
{
    /// <summary>The date a single relation is known to hold on, when its start is not known (<see cref="Relation.HeldOn"/>).</summary>
    public PartialDate? HeldOn { get; init; }

    /// <summary>True for a single relation that records no date at all; a group edge is never undated.</summary>
    public bool Undated => Group is null && Start is null && End is null && HeldOn is null;
}

/// <summary>The relations a group edge stands for.</summary>
public sealed record EdgeGroup(int Count, IReadOnlyList<string> RelationIds);

/// <summary>A graph as a drawing shows it.</summary>
public sealed record Drawing(IReadOnlyList<DrawingNode> Nodes, IReadOnlyList<DrawingEdge> Edges);

/// <summary>
/// Turns a neighbourhood into what a drawing shows, and can gather the actors of some kinds into one node per kind:
/// IOM's 160 member states become one node "160 states", and their 165 memberships one edge to IOM, which a front end
/// expands on a click (the group lists its members). The centre is never gathered, nor a kind with a single actor.
/// </summary>
/// <remarks>
/// A group edge stands for the relations of one type between the group and one other node, in one direction. It is as
/// sure as its least sure relation, spans from the earliest start (none if any relation has none) to the latest end
/// (none if any relation still holds), and cites every source its relations cite.
/// </remarks>
public static class Drawings
{
    public const string GroupPrefix = "group:";

    /// <param name="sentence">How each relation is told (<see cref="RelationSentence.Render"/> with the request's context).</param>
    public static Drawing Of(Graph graph, string centre, IReadOnlyCollection<ActorKind> gather, Func<RelationView, string> sentence)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(gather);
        ArgumentNullException.ThrowIfNull(sentence);

        var grouped = graph.Nodes
            .Where(n => n.Actor.Id != centre && gather.Contains(n.Actor.Kind))
            .GroupBy(n => n.Actor.Kind)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.ToList());
        var groupOf = grouped.SelectMany(g => g.Value.Select(n => (n.Actor.Id, Group: GroupId(g.Key)))).ToDictionary(p => p.Id, p => p.Group, StringComparer.Ordinal);

        var nodes = new List<DrawingNode>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            if (!groupOf.TryGetValue(node.Actor.Id, out var group))
            {
                nodes.Add(new DrawingNode(node.Actor.Id, node.Actor.Name, node.Actor.DisplayShortName, node.Actor.Kind, node.Degree, node.Depth, null));
            }
            else if (placed.Add(group))
            {
                var members = grouped[node.Actor.Kind];
                var label = Counted(members.Count, node.Actor.Kind);
                nodes.Add(new DrawingNode(
                    group, label, label, node.Actor.Kind, members.Sum(m => m.Degree), members.Min(m => m.Depth),
                    new NodeGroup(members.Count, [.. members.Select(m => m.Actor.Id)])));
            }
        }

        var actors = graph.Nodes.ToDictionary(n => n.Actor.Id, n => n.Actor, StringComparer.Ordinal);

        // Each slot is an edge as it is, or the first place a group edge appears; groups are built once all are known.
        var slots = new List<(DrawingEdge? Edge, string? Bundle, string Source, string Target)>();
        var bundles = new Dictionary<string, List<RelationView>>(StringComparer.Ordinal);
        foreach (var edge in graph.Edges)
        {
            var source = groupOf.GetValueOrDefault(edge.Relation.From, edge.Relation.From);
            var target = groupOf.GetValueOrDefault(edge.Relation.To, edge.Relation.To);
            if (source == edge.Relation.From && target == edge.Relation.To)
            {
                slots.Add((Single(edge, sentence(edge)), null, source, target));
                continue;
            }

            var id = $"{source}|{WireName(edge.Relation.Type)}|{target}";
            if (!bundles.TryGetValue(id, out var bundle))
            {
                bundles[id] = bundle = [];
                slots.Add((null, id, source, target));
            }

            bundle.Add(edge);
        }

        var edges = slots.Select(s => s.Edge ?? Bundle(s.Bundle!, s.Source, s.Target, bundles[s.Bundle!], nodes, actors)).ToList();
        return new Drawing(nodes, edges);
    }

    private static string GroupId(ActorKind kind) => GroupPrefix + ActorKinds.NameOf(kind);

    private static string Counted(int count, ActorKind kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {ActorKinds.Get(kind).Plural}");

    private static string WireName(RelationType type) => RelationTypes.Get(type).Name;

    private static DrawingEdge Single(RelationView edge, string sentence) => new(
        edge.Relation.Id, edge.Relation.From, edge.Relation.To, edge.Relation.Type, RelationTypes.Get(edge.Relation.Type).Label,
        sentence, edge.Relation.Start, edge.Relation.End, edge.Relation.Role, edge.Relation.Confidence,
        [.. edge.Relation.Sources.Select(s => s.SourceId).Distinct()], null)
    {
        HeldOn = edge.Relation.HeldOn,
    };

    private static DrawingEdge Bundle(string id, string source, string target, List<RelationView> relations, List<DrawingNode> nodes, Dictionary<string, ActorRef> actors)
    {
        var type = relations[0].Relation.Type;
        var info = RelationTypes.Get(type);
        var starts = relations.Select(r => r.Relation.Start).ToList();
        var ends = relations.Select(r => r.Relation.End).ToList();
        var sentence = string.Create(
            CultureInfo.InvariantCulture,
            $"{relations.Count} “{info.Label}” {(relations.Count == 1 ? "relation" : "relations")} from {Name(source, relations.Select(r => r.Relation.From), nodes, actors)} to {Name(target, relations.Select(r => r.Relation.To), nodes, actors)}.");
        return new DrawingEdge(
            id, source, target, type, info.Label, sentence,
            starts.Any(s => s is null) ? null : starts.Min(),
            ends.Any(e => e is null) ? null : ends.Max(),
            null,
            relations.Min(r => r.Relation.Confidence),
            [.. relations.SelectMany(r => r.Relation.Sources.Select(s => s.SourceId)).Distinct()],
            new EdgeGroup(relations.Count, [.. relations.Select(r => r.Relation.Id)]));
    }

    // A group's side is named by how many of its actors these relations join ("160 states", "1 state"), an actor as in a
    // sentence ("IOM", "the Global Migration Group").
    private static string Name(string id, IEnumerable<string> ends, List<DrawingNode> nodes, Dictionary<string, ActorRef> actors)
    {
        if (!id.StartsWith(GroupPrefix, StringComparison.Ordinal))
        {
            return actors[id].DisplayLabel;
        }

        var kind = ActorKinds.Get(nodes.First(n => n.Id == id).Kind);
        var count = ends.Distinct(StringComparer.Ordinal).Count();
        return string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? English.Lowered(kind.Label) : kind.Plural)}");
    }
}
