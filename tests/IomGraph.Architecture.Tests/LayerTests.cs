using System.Reflection;
using System.Xml.Linq;
using IomGraph.Core.Model;
using IomGraph.Formats;
using IomGraph.Storage.Neo4j;
using IomGraph.Storage.Sqlite;
using IomGraph.Testing;
using IomGraph.Testing.InMemory;
using NetArchTest.Rules;

namespace IomGraph.Architecture.Tests;

/// <summary>
/// The dependency direction of STYLE.md: Core knows nothing of ASP.NET, SQLite, HTTP or the other projects; each adapter
/// knows Core only, and so do the file formats and the in-memory store of the test-support project; nothing knows the
/// API, which composes; inside the API, the use cases know no HTTP and the commands no endpoints; nothing in src/ knows
/// the tests. Each rule is checked twice: on the types' dependencies, read
/// from their IL by NetArchTest, and on the assemblies the compiler recorded as referenced.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Core = typeof(Actor).Assembly;

    private static readonly Assembly Formats = typeof(GraphFormats).Assembly;

    private static readonly Assembly Api = typeof(IomGraph.Api.Application.CurationService).Assembly;

    private static readonly Assembly Testing = typeof(InMemoryGraphStore).Assembly;

    private static readonly string[] TestProjects = ["IomGraph.Testing", "IomGraph.Storage.Contract"];

    private static readonly Dictionary<string, Assembly> Adapters = new()
    {
        ["IomGraph.Storage.Sqlite"] = typeof(SqliteGraphStore).Assembly,
        ["IomGraph.Storage.Neo4j"] = typeof(Neo4jGraphStore).Assembly,
    };

    [Fact]
    public void Core_depends_on_no_other_project_nor_on_aspnetcore_sqlite_or_http()
    {
        AssertNoDependency(Core, "IomGraph.Storage", "IomGraph.Api", "Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "System.Net.Http");
        AssertNoReference(Core, name => name.StartsWith("IomGraph.", StringComparison.Ordinal), "another IomGraph project");
        AssertNoReference(Core, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name is "Microsoft.Data.Sqlite" or "System.Net.Http", "ASP.NET Core, SQLite or HTTP");
    }

    [Theory]
    [InlineData("IomGraph.Storage.Sqlite")]
    [InlineData("IomGraph.Storage.Neo4j")]
    public void A_storage_adapter_depends_on_core_only(string adapter)
    {
        var assembly = Adapters[adapter];
        var others = Adapters.Keys.Where(a => a != adapter);

        AssertNoDependency(assembly, [.. others, "IomGraph.Api", "Microsoft.AspNetCore"]);
        AssertNoReference(assembly, name => name.StartsWith("IomGraph.", StringComparison.Ordinal) && name != Core.GetName().Name, "an IomGraph project other than Core");
        AssertNoReference(assembly, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal), "ASP.NET Core");

        // The scan sees dependencies at all: every adapter uses Core.
        Assert.True(Types.InAssembly(assembly).That().HaveDependencyOn("IomGraph.Core").GetTypes().Any(), $"NetArchTest found no type of {adapter} that uses IomGraph.Core: it no longer reads the assembly.");
    }

    [Fact]
    public void The_formats_depend_on_core_only_and_know_nothing_of_aspnetcore_or_the_stores()
    {
        AssertNoDependency(Formats, "IomGraph.Storage", "IomGraph.Api", "Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "System.Net.Http");
        AssertNoReference(Formats, name => name.StartsWith("IomGraph.", StringComparison.Ordinal) && name != Core.GetName().Name, "an IomGraph project other than Core");
        AssertNoReference(Formats, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal), "ASP.NET Core");
    }

    [Fact]
    public void The_in_memory_store_depends_on_core_only_and_knows_nothing_of_the_other_stores_sqlite_or_http()
    {
        var store = typeof(InMemoryGraphStore).Namespace!;
        AssertNamespaceHasNoDependency(Testing, store, "IomGraph.Storage", "IomGraph.Api", "IomGraph.Formats", "Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "System.Net.Http");
        AssertNoReference(Testing, name => name.StartsWith("IomGraph.", StringComparison.Ordinal) && name != Core.GetName().Name, "an IomGraph project other than Core");

        // The scan sees the store at all: it uses Core.
        Assert.True(Types.InAssembly(Testing).That().ResideInNamespace(store).And().HaveDependencyOn("IomGraph.Core").GetTypes().Any(), "NetArchTest found no type of the in-memory store that uses IomGraph.Core.");
    }

    [Fact]
    public void Nothing_in_src_depends_on_the_tests()
    {
        foreach (var assembly in Adapters.Values.Append(Core).Append(Formats).Append(Api))
        {
            AssertNoDependency(assembly, [.. TestProjects, "Xunit"]);
            AssertNoReference(assembly, name => TestProjects.Contains(name) || name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase), "a test project or xUnit");
        }

        // And the project files of src/, so that a project these tests do not load is held to it too.
        var root = TestEnvironment.RepositoryRoot;
        var tests = Path.Combine(root, "tests") + Path.DirectorySeparatorChar;
        var projects = Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories);
        Assert.True(projects.Length >= 5, $"Only {projects.Length} projects found under src/.");
        foreach (var project in projects)
        {
            var intoTests = XDocument.Load(project).Descendants("ProjectReference")
                .Select(r => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, ((string?)r.Attribute("Include") ?? string.Empty).Replace('\\', Path.DirectorySeparatorChar))))
                .Where(r => r.StartsWith(tests, StringComparison.Ordinal))
                .ToList();
            Assert.True(intoTests.Count == 0, $"{Path.GetRelativePath(root, project)} references {string.Join(", ", intoTests.Select(r => Path.GetRelativePath(root, r)))}.");
        }
    }

    [Fact]
    public void Nothing_depends_on_the_api()
    {
        foreach (var assembly in Adapters.Values.Append(Core).Append(Formats))
        {
            AssertNoDependency(assembly, "IomGraph.Api");
            AssertNoReference(assembly, name => name == "IomGraph.Api", "the API");
        }
    }

    [Fact]
    public void The_apis_use_cases_know_no_http_and_the_commands_know_no_endpoints()
    {
        AssertNamespaceHasNoDependency(Api, "IomGraph.Api.Application", "IomGraph.Api.Http", "IomGraph.Api.Endpoints", "IomGraph.Api.Requests", "IomGraph.Api.Contracts", "IomGraph.Api.Cli", "IomGraph.Api.Hosting", "Microsoft.AspNetCore");
        AssertNamespaceHasNoDependency(Api, "IomGraph.Api.Cli", "IomGraph.Api.Http", "IomGraph.Api.Endpoints", "IomGraph.Api.Requests", "IomGraph.Api.Contracts");

        // The scan sees the folder at all: the curation use case reads the store.
        Assert.Contains(
            typeof(IomGraph.Api.Application.CurationService).FullName,
            Types.InAssembly(Api).That().ResideInNamespace("IomGraph.Api.Application").And().HaveDependencyOn("IomGraph.Core.Storage").GetTypes().Select(t => t.FullName));
    }

    private static void AssertNamespaceHasNoDependency(Assembly assembly, string inNamespace, params string[] forbidden)
    {
        var types = Types.InAssembly(assembly).That().ResideInNamespace(inNamespace);
        Assert.True(types.GetTypes().Count() > 1, $"NetArchTest sees almost no types in {inNamespace}.");
        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(
            result.IsSuccessful,
            $"In {inNamespace}, these types depend on {string.Join(" or ", forbidden)}:\n{string.Join('\n', result.FailingTypeNames ?? [])}");
    }

    private static void AssertNoDependency(Assembly assembly, params string[] forbidden)
    {
        Assert.True(Types.InAssembly(assembly).GetTypes().Count() > 10, $"NetArchTest sees almost no types in {assembly.GetName().Name}.");
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(
            result.IsSuccessful,
            $"In {assembly.GetName().Name}, these types depend on {string.Join(" or ", forbidden)}:\n{string.Join('\n', result.FailingTypeNames ?? [])}");
    }

    private static void AssertNoReference(Assembly assembly, Func<string, bool> forbidden, string what)
    {
        var references = assembly.GetReferencedAssemblies().Select(r => r.Name!).Where(forbidden).ToList();
        Assert.True(references.Count == 0, $"{assembly.GetName().Name} references {what}: {string.Join(", ", references)}.");
    }
}
