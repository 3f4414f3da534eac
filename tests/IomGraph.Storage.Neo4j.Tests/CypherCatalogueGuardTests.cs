using System.Collections;
using System.Reflection;
using IomGraph.Storage.Neo4j.Internal;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>
/// What the catalogue tests (names, parameters, vocabulary, the linter) rely on: every statement the adapter can send is
/// in <see cref="CypherCatalogue.All"/>, and no Cypher is written anywhere but in the catalogue.
/// </summary>
public sealed class CypherCatalogueGuardTests
{
    private const BindingFlags Statics = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The members that are <see cref="CypherCatalogue.All"/> itself, which the check must not trust.</summary>
    private static readonly string[] AllItself = ["All", "AllStatements"];

    /// <summary>
    /// Every static field and property that holds statements (a <see cref="CypherQuery"/>, a list of them or a dictionary
    /// of them) and everything a non-private static factory returns, over every value of its parameters (bool, enum or
    /// an int from -1 to 100), is one of the instances in <see cref="CypherCatalogue.All"/>; and All holds nothing else.
    /// Private factories are templates whose products the fields hold.
    /// </summary>
    [Fact]
    public void Every_statement_of_the_catalogue_is_in_All()
    {
        var all = new HashSet<CypherQuery>(CypherCatalogue.All, ReferenceEqualityComparer.Instance);
        var found = new HashSet<CypherQuery>(ReferenceEqualityComparer.Instance);
        var missing = new List<string>();

        void Check(string source, CypherQuery query)
        {
            found.Add(query);
            if (!all.Contains(query))
            {
                missing.Add($"{query.Name} (from {source})");
            }
        }

        var members = typeof(CypherCatalogue).GetFields(Statics).Where(f => !f.IsLiteral).Select(f => (Member: (MemberInfo)f, f.FieldType, Read: (Func<object?>)(() => f.GetValue(null))))
            .Concat(typeof(CypherCatalogue).GetProperties(Statics).Where(p => p.GetIndexParameters().Length == 0).Select(p => (Member: (MemberInfo)p, FieldType: p.PropertyType, Read: (Func<object?>)(() => p.GetValue(null)))))
            .Where(m => !AllItself.Contains(m.Member.Name) && Mentions(m.FieldType, typeof(CypherQuery)));
        var memberCount = 0;
        foreach (var (member, type, read) in members)
        {
            memberCount++;
            var queries = Queries(type, read()) ?? throw new InvalidOperationException(
                $"CypherCatalogue.{member.Name} is a {type} that holds statements in a way this test cannot read: hold them as a CypherQuery, a list or a dictionary, or teach the test.");
            foreach (var query in queries)
            {
                Check(member.Name, query);
            }
        }

        var factories = typeof(CypherCatalogue).GetMethods(Statics).Where(m => m.ReturnType == typeof(CypherQuery) && !m.IsPrivate && !m.IsSpecialName).ToList();
        foreach (var factory in factories)
        {
            foreach (var arguments in Arguments(factory))
            {
                Check($"{factory.Name}({string.Join(", ", arguments)})", (CypherQuery)factory.Invoke(null, arguments)!);
            }
        }

        Assert.True(missing.Count == 0, "Not in CypherCatalogue.All, so never linted nor parameter-checked:\n" + string.Join('\n', missing));
        Assert.True(memberCount > 50 && factories.Count >= 6, $"The reflection found only {memberCount} members and {factories.Count} factories: it no longer sees the catalogue.");
        Assert.Empty(CypherCatalogue.All.Where(q => !found.Contains(q)).Select(q => q.Name));
        Assert.Equal(CypherCatalogue.All.Count, all.Count);
    }

    /// <summary>
    /// No type outside <see cref="CypherCatalogue"/> (and its compiler-made nested types) constructs a
    /// <see cref="CypherQuery"/>, copies one with <c>with</c> or sets its properties, read from the adapter's IL. So every
    /// statement text is in the catalogue, where the tests above see it.
    /// </summary>
    [Fact]
    public void Only_the_catalogue_writes_cypher()
    {
        var sites = MethodCalls.In(typeof(CypherCatalogue).Assembly)
            .Where(c => c.Callee.DeclaringType == typeof(CypherQuery) && (c.Callee is ConstructorInfo || c.Callee.Name is "<Clone>$" || c.Callee.Name.StartsWith("set_", StringComparison.Ordinal)))
            .Where(c => c.Caller.DeclaringType != typeof(CypherQuery))
            .ToList();

        var outside = sites.Where(c => !Within(c.Caller.DeclaringType, typeof(CypherCatalogue))).Select(c => $"{c.Caller.DeclaringType}.{c.Caller.Name} calls {c.Callee.Name}");
        Assert.True(!outside.Any(), "Cypher is written outside CypherCatalogue:\n" + string.Join('\n', outside));
        Assert.True(sites.Count >= 20, $"The IL scan found only {sites.Count} constructions of CypherQuery in the catalogue: it no longer sees them.");
    }

    private static bool Within(Type? type, Type outer)
    {
        for (; type is not null; type = type.DeclaringType)
        {
            if (type == outer)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mentions(Type type, Type wanted) =>
        type == wanted || (type.IsArray && Mentions(type.GetElementType()!, wanted)) || type.GetGenericArguments().Any(t => Mentions(t, wanted))
        || (wanted == typeof(CypherQuery) && typeof(IEnumerable<CypherQuery>).IsAssignableFrom(type));

    /// <summary>The statements a member's value holds, or null when its type is not one this test understands.</summary>
    private static IEnumerable<CypherQuery>? Queries(Type type, object? value)
    {
        if (type == typeof(CypherQuery))
        {
            return [(CypherQuery)value!];
        }

        if (typeof(IEnumerable<CypherQuery>).IsAssignableFrom(type))
        {
            return (IEnumerable<CypherQuery>)value!;
        }

        var dictionary = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        return dictionary?.GetGenericArguments()[1] == typeof(CypherQuery)
            ? ((IEnumerable)value!).Cast<object>().Select(pair => (CypherQuery)pair.GetType().GetProperty("Value")!.GetValue(pair)!)
            : null;
    }

    /// <summary>Every combination of every value of the factory's parameters.</summary>
    private static IEnumerable<object[]> Arguments(MethodInfo factory)
    {
        IEnumerable<object[]> combinations = [[]];
        foreach (var parameter in factory.GetParameters())
        {
            var values = Domain(parameter.ParameterType) ?? throw new InvalidOperationException(
                $"CypherCatalogue.{factory.Name} takes a {parameter.ParameterType}, whose values this test cannot list: take a bool, an enum or an int, and build the statements once in a field.");
            combinations = [.. combinations.SelectMany(c => values.Select(v => (object[])[.. c, v]))];
        }

        return combinations;
    }

    private static object[]? Domain(Type type) =>
        type == typeof(bool) ? [false, true]
        : type.IsEnum ? [.. Enum.GetValuesAsUnderlyingType(type).Cast<object>().Select(v => Enum.ToObject(type, v))]
        : type == typeof(int) ? [.. Enumerable.Range(-1, 102).Cast<object>()]
        : null;
}
