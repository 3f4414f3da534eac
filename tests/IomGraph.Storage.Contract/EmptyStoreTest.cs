using IomGraph.Core.Storage;

namespace IomGraph.Storage.Contract;

/// <summary>
/// A test class whose every test runs on a fresh, empty store: what <see cref="GraphStoreContract"/> and
/// <see cref="GraphWalkContract"/> share. Subclass once per store and return the store from <see cref="CreateEmptyStoreAsync"/>.
/// </summary>
public abstract class EmptyStoreTest : IAsyncLifetime
{
    private (IGraphReader Reads, IGraphWriter Writes)? _store;

    /// <summary>The store under test, created empty for this test, read through its <see cref="IGraphReader"/> port.</summary>
    protected IGraphReader Store => (_store ?? throw new InvalidOperationException("The store is created in InitializeAsync.")).Reads;

    /// <summary>The same store, written through its <see cref="IGraphWriter"/> port.</summary>
    protected IGraphWriter Writer => (_store ?? throw new InvalidOperationException("The store is created in InitializeAsync.")).Writes;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new store with no data on which <see cref="IGraphWriter.InitialiseAsync"/> has run. Both ports may be one object.</summary>
    protected abstract Task<(IGraphReader Reads, IGraphWriter Writes)> CreateEmptyStoreAsync();

    /// <summary>Releases a store made by <see cref="CreateEmptyStoreAsync"/>.</summary>
    protected virtual ValueTask DisposeStoreAsync(IGraphReader reads, IGraphWriter writes) => StorePorts.DisposeAsync(reads, writes);

    public virtual async ValueTask InitializeAsync() => _store = await CreateEmptyStoreAsync();

    public virtual async ValueTask DisposeAsync()
    {
        if (_store is { } store)
        {
            await DisposeStoreAsync(store.Reads, store.Writes);
            _store = null;
        }

        GC.SuppressFinalize(this);
    }
}
