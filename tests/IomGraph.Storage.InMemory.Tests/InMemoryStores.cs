using IomGraph.Core.Storage;
using IomGraph.Testing.InMemory;

namespace IomGraph.Storage.InMemory.Tests;

internal static class InMemoryStores
{
    /// <summary>A store on a graph of its own, initialised as every store is before use; both ports are the one object.</summary>
    public static async Task<(IGraphReader Reads, IGraphWriter Writes)> CreateAsync(TimeProvider clock)
    {
        var store = new InMemoryGraphStore(clock);
        await store.InitialiseAsync(TestContext.Current.CancellationToken);
        return (store, store);
    }
}
