using System.Reflection;
using System.Text.Json;
using IomGraph.Core.Model;

namespace IomGraph.Api.Http.OpenApi;

/// <summary>
/// The closed set of values a string parameter or property takes, written into the OpenAPI document as an enum, so
/// that Swagger UI shows a drop-down and generated clients get a union type. For a list parameter the set applies to
/// each item.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ValuesAttribute : Attribute
{
    /// <summary>The values listed.</summary>
    public ValuesAttribute(params string[] values) => Values = values;

    /// <summary>
    /// The wire names of an enum (as <see cref="GraphJson"/> writes them), or the static <c>Names</c> list of a type
    /// that has one (such as the export formats).
    /// </summary>
    public ValuesAttribute(Type source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
        Values = source.IsEnum
            ? [.. Enum.GetValues(source).Cast<object>().Select(v => JsonSerializer.SerializeToElement(v, source, GraphJson.Options).GetString()!)]
            : source.GetProperty("Names", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is IEnumerable<string> names
                ? [.. names]
                : throw new ArgumentException($"{source.Name} is neither an enum nor a type with a static Names list.", nameof(source));
    }

    public IReadOnlyList<string> Values { get; }

    /// <summary>The enum or list the values come from, when they come from one: the document names it as a schema.</summary>
    public Type? Source { get; }
}
