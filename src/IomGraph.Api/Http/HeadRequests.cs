namespace IomGraph.Api.Http;

/// <summary>
/// Lets every GET endpoint of a group answer HEAD too: the same handler runs, and the server sends the status and
/// headers without the body (Kestrel never sends a body for HEAD). Link checkers, caches and clients that only want an
/// ETag use it.
/// </summary>
public static class HeadRequests
{
    public static TBuilder AnswerHead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                && !methods.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return builder;
    }
}
