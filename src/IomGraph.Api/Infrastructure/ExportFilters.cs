using IomGraph.Core.Storage;

namespace IomGraph.Api.Infrastructure;

/// <summary>Export filters for the subgraphs other endpoints compute: exactly their nodes and edges.</summary>
public static class ExportFilters
{
    public static ExportFilter Of(Graph graph) => new(
        [], [], null,
        graph.Nodes.Select(n => n.Actor.Id).ToList(),
        graph.Edges.Select(e => e.Relation.Id).ToList());

    public static ExportFilter Of(IReadOnlyList<GraphPath> paths, string start) => new(
        [], [], null,
        paths.SelectMany(p => p.Hops).SelectMany(h => new[] { h.FromActorId, h.ToActorId }).Append(start).Distinct().ToList(),
        paths.SelectMany(p => p.Hops).Select(h => h.Relation.Relation.Id).Distinct().ToList());
}
