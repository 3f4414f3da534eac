using IomGraph.Core.Storage;

namespace IomGraph.Storage.Contract;

/// <summary>
/// A test class whose every test runs on a fresh, empty store: what <see cref="GraphStoreContract"/> and
/// <see cref="GraphWalkContract"/> share. Subclass once per store and return the store from <see cref="CreateEmptyStoreAsync"/>.
/// </summary>
public abstract class EmptyStoreTest : IAsyncLifetime
{
    private IGraphStore? _store;

    /// <summary>The store under test, created empty for this test.</summary>
    protected IGraphStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new store with no data on which <see cref="IGraphStore.InitialiseAsync"/> has run.</summary>
    protected abstract Task<IGraphStore> CreateEmptyStoreAsync();

    /// <summary>Releases a store made by <see cref="CreateEmptyStoreAsync"/>.</summary>
    protected virtual async ValueTask DisposeStoreAsync(IGraphStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    public virtual async ValueTask InitializeAsync() => _store = await CreateEmptyStoreAsync();

    public virtual async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
            _store = null;
        }

        GC.SuppressFinalize(this);
    }
}
