using IomGraph.Core.Storage;

namespace IomGraph.Storage.Contract;

/// <summary>What the contracts do with a store's two ports, which may be one object.</summary>
internal static class StorePorts
{
    /// <summary>Disposes each distinct object behind the ports once, asynchronously where it can.</summary>
    public static async ValueTask DisposeAsync(IGraphReader reads, IGraphWriter writes)
    {
        foreach (var port in new object[] { reads, writes }.Distinct())
        {
            switch (port)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
