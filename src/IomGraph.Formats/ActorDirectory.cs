using IomGraph.Core.Model;

namespace IomGraph.Formats;

/// <summary>
/// The actors seen so far, reduced to what a relation needs to show its ends. The store sends every actor before the
/// relations, so this is all the state a writer keeps.
/// </summary>
internal sealed class ActorDirectory
{
    private readonly Dictionary<string, ActorRef> _actors = new(StringComparer.Ordinal);

    public void Add(Actor actor) => _actors[actor.Id] = ActorRef.Of(actor);

    public bool Contains(string id) => _actors.ContainsKey(id);

    /// <summary>The relation with both ends resolved; an end the export did not include is named by its id.</summary>
    public RelationView View(Relation relation) => new(relation, Find(relation.From), Find(relation.To));

    /// <summary>The relation with both ends resolved, for formats whose edges must point at nodes already written.</summary>
    public RelationView Require(Relation relation)
    {
        foreach (var end in new[] { relation.From, relation.To })
        {
            if (!Contains(end))
            {
                throw new InvalidOperationException(
                    $"Relation '{relation.Id}' refers to actor '{end}', which the export did not send before it.");
            }
        }

        return View(relation);
    }

    private ActorRef Find(string id) => _actors.TryGetValue(id, out var actor) ? actor : new ActorRef(id, id, ActorKind.Value);
}
