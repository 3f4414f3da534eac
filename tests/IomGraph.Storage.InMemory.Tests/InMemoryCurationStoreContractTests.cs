using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;
using IomGraph.Testing.InMemory;

namespace IomGraph.Storage.InMemory.Tests;

/// <summary>
/// The curation contract against a fresh in-memory graph per store the test asks for. A second store on the same data
/// is a second <see cref="InMemoryGraphStore"/> on the same <see cref="InMemoryGraph"/>, as a second process on one database.
/// </summary>
public sealed class InMemoryCurationStoreContractTests : CurationStoreContract
{
    protected override Task<(IGraphReader Reads, IGraphWriter Writes)> CreateEmptyStoreAsync(TimeProvider clock) => InMemoryStores.CreateAsync(clock);

    protected override Task<(IGraphReader Reads, IGraphWriter Writes)> CreateStoreOnSameDataAsync(TimeProvider clock)
    {
        var other = ((InMemoryGraphStore)Writes).OnSameGraph(clock);
        return Task.FromResult<(IGraphReader, IGraphWriter)>((other, other));
    }
}
