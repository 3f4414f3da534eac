using IomGraph.Core.Storage;

namespace IomGraph.Testing.InMemory;

/// <summary>
/// The data behind one or more <see cref="InMemoryGraphStore"/>s, as a database is behind the processes that open it:
/// one immutable state at a time. A read takes the current state and sees it whole; writes run one at a time under one
/// lock, each building the next state from the current one, which it replaces only when the write is applied, so that
/// a refused write changes nothing and a reader never sees half a write.
/// </summary>
public sealed class InMemoryGraph
{
    private readonly Lock _gate = new();
    private GraphSnapshot _current = GraphSnapshot.Empty;

    internal GraphSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Runs <paramref name="write"/> on the current state under the lock, and publishes the state it returns, if any.</summary>
    internal WriteResult Write(Func<GraphSnapshot, (GraphSnapshot? Next, WriteResult Result)> write)
    {
        lock (_gate)
        {
            var (next, result) = write(_current);
            if (next is not null)
            {
                Volatile.Write(ref _current, next);
            }

            return result;
        }
    }
}
