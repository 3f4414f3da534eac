using IomGraph.Api.Formats;
using IomGraph.Core.Storage;
using Microsoft.AspNetCore.Http.Metadata;
using System.Reflection;

namespace IomGraph.Api.Infrastructure;

/// <summary>
/// Streams an export to the response in one format, with its media type and a download file name. The store streams
/// records and the format writes them as they come, so a large graph never sits in memory.
/// </summary>
public sealed class ExportResult(IGraphFormat format, ExportFilter filter, string fileStem) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var store = httpContext.RequestServices.GetRequiredService<ICurationStore>();
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format.ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileStem}.{format.FileExtension}\"";
        await format.WriteAsync(store.ExportAsync(filter, httpContext.RequestAborted), response.Body, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status200OK, typeof(Stream), [.. GraphFormats.All.Select(f => f.ContentType).Distinct()]));
}
