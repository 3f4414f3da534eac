namespace IomGraph.Api.Http.OpenApi;

/// <summary>
/// An example value for a parameter in the OpenAPI document, using real ids of the seeded graph. Swagger UI pre-fills it,
/// so give one only to a parameter the operation needs (a path id, a required query parameter): an example on an
/// optional filter changes the question a reader asks.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ExampleAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}
