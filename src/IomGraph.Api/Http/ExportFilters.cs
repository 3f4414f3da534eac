using IomGraph.Core.Graphs;
using IomGraph.Core.Storage;

namespace IomGraph.Api.Http;

/// <summary>Export filters for the subgraphs other endpoints compute: exactly their nodes and edges.</summary>
public static class ExportFilters
{

    public static ExportFilter Of(Graph graph) => new(
        [], [], null,
        graph.Nodes.Select(n => n.Actor.Id).ToList(),
        graph.Edges.Select(e => e.Relation.Id).ToList());

    /// <summary>The actors of the chains, and every relation of their hops (not only the one each path shows).</summary>
    public static ExportFilter Of(PathChainResult chains, string start) => new(
        [], [], null,
        chains.Chains.SelectMany(c => c.Actors).Select(a => a.Id).Append(start).Distinct().ToList(),
        chains.Chains.SelectMany(c => c.Hops).SelectMany(h => h.Relations).Select(r => r.Relation.Relation.Id).Distinct().ToList());
}
