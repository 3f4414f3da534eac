namespace IomGraph.Api.Http;

/// <summary>The one reading of <c>Accept</c> that every operation with several representations shares.</summary>
public static class AcceptHeader
{
    /// <summary>
    /// The first media range of <c>Accept</c>, by quality (q=0 refused), that <paramref name="named"/> recognises picks
    /// its representation; <c>application/json</c>, <c>application/*</c>, <c>*/*</c> or no Accept at all pick
    /// <paramref name="json"/>. False when Accept names nothing the operation can send (the caller answers 406).
    /// </summary>
    public static bool TryChoose<T>(HttpRequest request, Func<string, (bool Found, T Value)> named, T json, out T chosen)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(named);
        var accept = request.GetTypedHeaders().Accept;
        if (accept is not { Count: > 0 })
        {
            chosen = json;
            return true;
        }

        foreach (var range in accept.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1))
        {
            var mediaType = range.MediaType.Value ?? string.Empty;
            if (named(mediaType) is (true, var value))
            {
                chosen = value;
                return true;
            }

            if (mediaType is "*/*" or "application/*" || string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            {
                chosen = json;
                return true;
            }
        }

        chosen = json;
        return false;
    }
}
