using System.Text.Json;
using IomGraph.Core.Model;

namespace IomGraph.Api.Application;

/// <summary>One problem of a bundle's JSON: where (<c>relations[3].to</c>, or <c>body</c>) and what is wrong.</summary>
public sealed record BundleProblem(string Path, string Message);

/// <summary>
/// Reads a JSON bundle for an import, the same way for <c>POST /api/v1/import</c> and the <c>import</c> command: a
/// valid bundle streams straight into records; a bad one is read again, whole, to name every problem by its JSON path
/// in words (<see cref="RecordReader"/>), unless it is larger than <see cref="MaxDetailedBytes"/>, when only the first
/// problem is named.
/// </summary>
public static class BundleReader
{
    /// <summary>The largest bundle read a second time to list every problem: a document of this size takes gigabytes.</summary>
    public const long MaxDetailedBytes = 64L * 1024 * 1024;

    /// <summary>The bundle, or its problems (never both). <paramref name="seekable"/> must be seekable.</summary>
    public static async Task<(GraphBundle? Bundle, IReadOnlyList<BundleProblem> Problems)> ReadAsync(Stream seekable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seekable);
        var start = seekable.Position;
        try
        {
            if (await JsonSerializer.DeserializeAsync<GraphBundle>(seekable, GraphJson.Options, cancellationToken) is { } bundle)
            {
                return (bundle, []);
            }
        }
        catch (JsonException e) when (seekable.Length - start > MaxDetailedBytes)
        {
            var path = e.Path is { Length: > 2 } p ? p[2..] : "body";
            return (null, [new BundleProblem(path, "This value does not fit the bundle format (see seed-data/graph-bundle.schema.json); the bundle was too large to list every problem.")]);
        }
        catch (JsonException)
        {
            // Read again below, to name every problem.
        }

        seekable.Position = start;
        var (node, malformed) = await RecordReader.ReadJsonAsync(seekable, cancellationToken);
        if (malformed is not null)
        {
            return (null, [new BundleProblem("body", malformed)]);
        }

        var (_, errors) = RecordReader.Read<GraphBundle>(node);
        return (null, errors.SelectMany(e => e.Value.Select(message => new BundleProblem(e.Key, message))).ToList());
    }
}
