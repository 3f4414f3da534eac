using IomGraph.Api.Application;
using IomGraph.Core.Storage;
using IomGraph.Formats;

namespace IomGraph.Api.Http;

/// <summary>
/// Streams an export to the response in one format, with its media type and a file name. The store streams records and
/// the format writes them as they come, so a large graph never sits in memory. JSON formats are served inline (a browser
/// or Swagger UI shows them; saving keeps the name), the others as attachments.
/// </summary>
public sealed class ExportResult(IGraphFormat format, ExportFilter filter, string fileStem, NeighbourhoodLayout? layout = null) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var store = httpContext.RequestServices.GetRequiredService<IGraphReader>();
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format.ContentType;
        var disposition = format.ContentType.EndsWith("json", StringComparison.Ordinal) ? "inline" : "attachment";
        response.Headers.ContentDisposition = $"{disposition}; filename=\"{fileStem}.{format.FileExtension}\"";
        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            return;
        }

        var say = await httpContext.RequestServices.GetRequiredService<Sentences>().ForRequestAsync(httpContext.RequestAborted);
        await GraphVersionHeader.CaptureAsync(httpContext);
        await format.WriteAsync(store.ExportAsync(filter, httpContext.RequestAborted), response.Body, new ExportContext(say, layout), httpContext.RequestAborted);
    }
}
