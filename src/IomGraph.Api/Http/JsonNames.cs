namespace IomGraph.Api.Http;

internal static class JsonNames
{
    public static string Camel(string name) => name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : name;
}
