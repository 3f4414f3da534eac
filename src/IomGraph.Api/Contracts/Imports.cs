using IomGraph.Core.Model;

namespace IomGraph.Api.Contracts;

/// <summary>Created, updated, unchanged and deleted records of one kind.</summary>
public sealed record CountsResponse(int Created, int Updated, int Unchanged, int Deleted)
{
    public static CountsResponse Of(IomGraph.Core.Storage.RecordCounts c) => new(c.Created, c.Updated, c.Unchanged, c.Deleted);
}

/// <summary>What an import did. On a dry run nothing is written and the counts are absent.</summary>
public sealed record ImportResponse(bool DryRun, bool Valid, bool Changed, int Records, CountsResponse? Sources, CountsResponse? Actors, CountsResponse? Relations)
{
    public static ImportResponse Of(Application.ImportOutcome outcome, GraphBundle bundle) => new(
        outcome.DryRun,
        outcome.Valid,
        outcome.Counts?.Changed ?? false,
        bundle.Sources.Count + bundle.Actors.Count + bundle.Relations.Count,
        outcome.Counts is null ? null : CountsResponse.Of(outcome.Counts.Sources),
        outcome.Counts is null ? null : CountsResponse.Of(outcome.Counts.Actors),
        outcome.Counts is null ? null : CountsResponse.Of(outcome.Counts.Relations));
}
