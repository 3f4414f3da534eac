namespace IomGraph.Benchmarks;

/// <summary>A graph size to measure at. "large" is the size the project plans for (100k actors, 1M relations).</summary>
public sealed record Scale(string Name, int Actors, int Relations, int Sources)
{
    public static Scale Tiny { get; } = new("tiny", 1_000, 10_000, 50);

    public static Scale Small { get; } = new("small", 10_000, 100_000, 50);

    public static Scale Large { get; } = new("large", 100_000, 1_000_000, 50);

    public static IReadOnlyList<Scale> All { get; } = [Tiny, Small, Large];

    public static Scale Parse(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown scale '{name}': use {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));

    public override string ToString() => $"{Name} ({Actors:N0} actors, {Relations:N0} relations, {Sources} sources)";
}
