namespace IomGraph.Api.Contracts;

/// <summary>A page of results. Pass <c>nextCursor</c> back as <c>cursor</c> for the next page; it is null on the last page.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, long Total, string? NextCursor);
