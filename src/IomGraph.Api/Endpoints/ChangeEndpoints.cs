using IomGraph.Api.Contracts;
using IomGraph.Api.Http;
using IomGraph.Api.Http.OpenApi;
using IomGraph.Api.Requests;
using IomGraph.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IomGraph.Api.Endpoints;

public static class ChangeEndpoints
{
    public static RouteGroupBuilder MapChanges(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/changes").WithTags(ApiTags.Changes);

        group.MapGet("/", ListChanges)
            .WithName(nameof(ListChanges))
            .WithValidation<ChangesRequest>();

        return group;
    }

    [EndpointSummary("The change feed")]
    [EndpointDescription("Every change to the graph, oldest first: seeds, imports and curators' writes, each with who, when, and the record before and after. To keep a copy in sync, read it page by page while 'nextCursor' is set, keep the last page's 'resumeCursor', and later pass that back as 'cursor' to get only what changed since. 'since' filters by time instead.")]
    public static async Task<Ok<ChangeFeedResponse>> ListChanges(
        [AsParameters] ChangesRequest request, IGraphReader store, CancellationToken cancellationToken)
    {
        var query = request.ToQuery();
        var page = await store.GetChangesAsync(query, cancellationToken);
        var resume = page.Items.Count > 0 ? Cursors.Encode(ChangeCursor.After(page.Items[^1].Sequence)) : request.Cursor;
        return TypedResults.Ok(new ChangeFeedResponse(page.Items.Select(ChangeResponse.Of).ToList(), page.Total, page.NextCursor, resume));
    }
}
