using IomGraph.Core.Model;
using IomGraph.Core.Storage;

namespace IomGraph.Storage.Contract;

/// <summary>The writes tests arrange their data with: a seed, or an import, that must be applied.</summary>
public static class StoreWrites
{
    /// <summary>Applies <paramref name="bundle"/> as the whole seed (<see cref="CurationWrite.Seed"/>) and returns its counts.</summary>
    public static async Task<BundleResult> SeedAsync(this IGraphWriter store, GraphBundle bundle, CancellationToken cancellationToken = default) =>
        Applied(await store.WriteAsync(CurationWrite.Seed(bundle), cancellationToken));

    /// <summary>Adds <paramref name="bundle"/> to the graph as an import by "import" and returns its counts.</summary>
    public static async Task<BundleResult> ImportAsync(this IGraphWriter store, GraphBundle bundle, CancellationToken cancellationToken = default) =>
        Applied(await store.WriteAsync(CurationWrite.Upsert("import", bundle), cancellationToken));

    private static BundleResult Applied(WriteResult result) =>
        result.Applied ? result.Counts : throw new InvalidOperationException($"The store refused the write ({result.Status}): {result.Message}");
}
