namespace IomGraph.Api.Infrastructure;

/// <summary>An example value for a parameter in the OpenAPI document, using real ids of the seeded graph.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ExampleAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}
