namespace IomGraph.Core.Graphs;

/// <summary>The actors a neighbourhood walk reached: in walk order (the root first), each with its depth, and whether the node cap cut it short.</summary>
public sealed record WalkResult(IReadOnlyList<string> Order, IReadOnlyDictionary<string, int> Depths, bool Truncated);

/// <summary>
/// The walk of <see cref="Storage.IGraphReader.GetNeighbourhoodAsync"/>, the same on every store: level by level from the
/// root, each level one step of the store (one indexed query), stopping at the depth or at the node cap. A level that
/// would pass the cap is cut to the room left and ends the walk, so a capped neighbourhood of a hub never walks the
/// levels beyond the cap, and <see cref="WalkResult.Truncated"/> says so.
/// </summary>
public static class NeighbourhoodWalk
{
    /// <summary>
    /// The actors one hop from <paramref name="frontier"/> that are not in <paramref name="seen"/>, in id order, at most
    /// <paramref name="take"/> of them, over the relations and kinds the query keeps.
    /// </summary>
    public delegate Task<IReadOnlyList<string>> NextLevel(IReadOnlyList<string> frontier, IReadOnlyList<string> seen, int take, CancellationToken cancellationToken);

    public static async Task<WalkResult> WalkAsync(string root, int depth, int maxNodes, NextLevel step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodes, 1);
        var depths = new Dictionary<string, int>(StringComparer.Ordinal) { [root] = 0 };
        var order = new List<string> { root };
        IReadOnlyList<string> frontier = [root];
        var truncated = false;
        for (var level = 1; level <= depth && frontier.Count > 0 && !truncated; level++)
        {
            var room = maxNodes - order.Count;
            // One more than there is room for tells a full level from a cut one.
            var reached = await step(frontier, order, room + 1, cancellationToken);
            if (reached.Count > room)
            {
                truncated = true;
                reached = [.. reached.Take(room)];
            }

            foreach (var id in reached)
            {
                depths[id] = level;
                order.Add(id);
            }

            frontier = reached;
        }

        return new WalkResult(order, depths, truncated);
    }
}
