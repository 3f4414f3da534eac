using System.Text.Json;
using IomGraph.Core.Model;
using IomGraph.Core.Validation;

namespace IomGraph.Core.Seed;

/// <summary>One problem in the seed data, located by file, record and field.</summary>
public sealed record SeedError(string File, string Record, string Field, string Message)
{
    public override string ToString() => $"{File}: {Record}, field '{Field}': {Message}";
}

/// <summary>Seed data that cannot be loaded. The message lists every problem found.</summary>
public sealed class SeedDataException : Exception
{
    public SeedDataException(IReadOnlyList<SeedError> errors)
        : base(Describe(errors)) => Errors = errors;

    public SeedDataException()
        : this([])
    {
    }

    public SeedDataException(string message)
        : base(message) => Errors = [];

    public SeedDataException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public IReadOnlyList<SeedError> Errors { get; }

    private static string Describe(IReadOnlyList<SeedError> errors) =>
        $"The seed data is invalid ({errors.Count} problem{(errors.Count == 1 ? string.Empty : "s")}):" + Environment.NewLine
        + string.Join(Environment.NewLine, errors.Take(50).Select(e => "  " + e))
        + (errors.Count > 50 ? $"{Environment.NewLine}  … and {errors.Count - 50} more." : string.Empty);
}

/// <summary>A validated seed, ready to apply, with the fingerprint a store records when it applies it (<see cref="CanonicalJson.Fingerprint(GraphBundle)"/>).</summary>
public sealed record SeedData(GraphBundle Bundle, string Fingerprint, IReadOnlyList<string> Files);

/// <summary>
/// Reads every <c>*.json</c> bundle at the top of a seed directory, in file-name order, and validates them with the same
/// rules as API input. Every problem is reported with its file, record and field.
/// </summary>
public static class SeedReader
{
    public static async Task<SeedData> ReadDirectoryAsync(string directory, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(directory))
        {
            throw new SeedDataException($"The seed directory '{directory}' does not exist.");
        }

        var files = Directory.GetFiles(directory, "*.json", SearchOption.TopDirectoryOnly)
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new SeedDataException($"The seed directory '{directory}' holds no *.json bundle.");
        }

        var errors = new List<SeedError>();
        var parts = new List<(string File, GraphBundle Bundle)>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            try
            {
                var bundle = JsonSerializer.Deserialize<GraphBundle>(bytes, GraphJson.Options)
                    ?? throw new JsonException("The file holds null instead of a bundle object.");
                parts.Add((name, bundle));
            }
            catch (JsonException e)
            {
                errors.Add(new SeedError(name, Locate(e.Path), FieldOf(e.Path), e.Message));
            }
        }

        if (errors.Count > 0)
        {
            throw new SeedDataException(errors);
        }

        var merged = new GraphBundle
        {
            Sources = [.. parts.SelectMany(p => p.Bundle.Sources)],
            Actors = [.. parts.SelectMany(p => p.Bundle.Actors)],
            Relations = [.. parts.SelectMany(p => p.Bundle.Relations)],
        };

        var result = new BundleValidator(ExistingRecords.None).Validate(merged);
        if (!result.IsValid)
        {
            var locator = new RecordLocator(parts);
            throw new SeedDataException([.. result.Errors.Select(f => locator.Describe(f.PropertyName, f.ErrorMessage))]);
        }

        return new SeedData(merged, CanonicalJson.Fingerprint(merged), files.Select(Path.GetFileName).ToList()!);
    }

    private static string Locate(string? jsonPath) => jsonPath is null ? "the file" : jsonPath.Split('.').Take(2).Aggregate((a, b) => $"{a}.{b}");

    private static string FieldOf(string? jsonPath) => jsonPath?.Split('.').LastOrDefault() ?? "(document)";

    /// <summary>Maps a property path in the merged bundle ("relations[12].from") back to its file and record.</summary>
    private sealed class RecordLocator(List<(string File, GraphBundle Bundle)> parts)
    {
        public SeedError Describe(string propertyPath, string message)
        {
            var bracket = propertyPath.IndexOf('[', StringComparison.Ordinal);
            var close = propertyPath.IndexOf(']', StringComparison.Ordinal);
            if (bracket < 0 || close < bracket || !int.TryParse(propertyPath.AsSpan(bracket + 1, close - bracket - 1), out var index))
            {
                return new SeedError(string.Join(", ", parts.Select(p => p.File)), "the bundle", propertyPath, message);
            }

            // The validators name fields as on the wire (WireValidator): "relations[12].from".
            var collection = propertyPath[..bracket];
            var field = close + 2 <= propertyPath.Length ? propertyPath[(close + 1)..].TrimStart('.') : string.Empty;
            foreach (var (file, bundle) in parts)
            {
                var (count, id) = collection switch
                {
                    "sources" => (bundle.Sources.Count, index < bundle.Sources.Count ? bundle.Sources[index].Id : null),
                    "actors" => (bundle.Actors.Count, index < bundle.Actors.Count ? bundle.Actors[index].Id : null),
                    _ => (bundle.Relations.Count, index < bundle.Relations.Count ? bundle.Relations[index].Id : null),
                };
                if (index < count)
                {
                    var record = $"{collection}[{index}] (id '{id}')";
                    return new SeedError(file, record, string.IsNullOrEmpty(field) ? "id" : field, message);
                }

                index -= count;
            }

            return new SeedError("(unknown file)", propertyPath, string.Empty, message);
        }
    }
}
