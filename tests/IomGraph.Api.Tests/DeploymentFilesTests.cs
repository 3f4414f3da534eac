using System.Text.RegularExpressions;
using IomGraph.Testing;
using YamlDotNet.RepresentationModel;

namespace IomGraph.Api.Tests;

/// <summary>
/// docker compose cannot run where the tests run, so these read docker-compose.yml and the Dockerfile and check what
/// the API depends on: the services, their health checks, and the settings the API reads.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Root = TestEnvironment.RepositoryRoot;

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    private static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    [Fact]
    public void Neo4j_runs_a_supported_community_image_with_a_health_check_and_a_named_volume()
    {
        var compose = Compose();
        var neo4j = Map(Map(compose, "services"), "neo4j");

        Assert.Matches(@"^neo4j:(5\.26|2025\.\d+)[.\d]*-community$", Scalar(neo4j, "image"));
        Assert.True(Has(Map(neo4j, "healthcheck"), "test"));
        var volume = ((YamlSequenceNode)neo4j.Children[new YamlScalarNode("volumes")]).Children.Select(v => ((YamlScalarNode)v).Value!).Single();
        var name = volume.Split(':')[0];
        Assert.Equal("/data", volume.Split(':')[1]);
        Assert.True(Has(Map(compose, "volumes"), name), $"volume '{name}' is not declared at the top level");
        Assert.Matches(@"^neo4j/\$\{NEO4J_PASSWORD:-[^}]{8,}\}$", Scalar(Map(neo4j, "environment"), "NEO4J_AUTH"));
    }

    [Fact]
    public void The_api_runs_on_neo4j_once_neo4j_is_healthy()
    {
        var api = Map(Map(Compose(), "services"), "api");
        var environment = Map(api, "environment");

        Assert.Equal("src/IomGraph.Api/Dockerfile", Scalar(Map(api, "build"), "dockerfile"));
        Assert.Equal("Neo4j", Scalar(environment, "Graph__Provider"));
        Assert.Equal("http://neo4j:7474", Scalar(environment, "Neo4j__Url"));
        Assert.Equal(
            Scalar(Map(Map(Map(Compose(), "services"), "neo4j"), "environment"), "NEO4J_AUTH").Split('/', 2)[1],
            Scalar(environment, "Neo4j__Password"));
        Assert.Equal("service_healthy", Scalar(Map(Map(api, "depends_on"), "neo4j"), "condition"));
        Assert.Contains("8080:8080", ((YamlSequenceNode)api.Children[new YamlScalarNode("ports")]).Children.Select(p => ((YamlScalarNode)p).Value));
    }

    [Fact]
    public void Every_setting_compose_gives_the_api_is_one_it_reads()
    {
        var environment = Map(Map(Map(Compose(), "services"), "api"), "environment");
        var settings = typeof(Program).Assembly.GetReferencedAssemblies()
            .Select(System.Reflection.Assembly.Load)
            .Append(typeof(Program).Assembly)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.Namespace?.StartsWith("IomGraph", StringComparison.Ordinal) == true)
            .ToList();

        foreach (var key in environment.Children.Keys.Select(k => ((YamlScalarNode)k).Value!))
        {
            var parts = key.Split("__");
            var property = parts[^1];
            Assert.True(
                settings.Any(t => t.GetProperty(property) is not null),
                $"compose sets {key}, but no IomGraph options type has a '{property}' setting");
        }
    }

    [Fact]
    public void The_dockerfile_is_multi_stage_non_root_with_a_health_check()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "src", "IomGraph.Api", "Dockerfile"));

        Assert.True(FromLine().Count(dockerfile) >= 2, "the Dockerfile should build in one stage and run in another");
        Assert.Matches(@"(?m)^USER \$APP_UID", dockerfile);
        Assert.Matches(@"(?ms)^HEALTHCHECK .*?CMD .*?/health/ready", dockerfile);
        Assert.Matches(@"(?m)^EXPOSE 8080", dockerfile);
    }

    [Fact]
    public void The_dockerfile_copies_every_project_the_api_builds_from()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "src", "IomGraph.Api", "Dockerfile"));
        var projects = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'));

        Assert.All(projects, p => Assert.Contains($"COPY {p} ", dockerfile, StringComparison.Ordinal));
        Assert.Contains("COPY seed-data/ seed-data/", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dockerfile_builds_the_explorer_in_a_node_stage_and_publishes_its_bundle()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "src", "IomGraph.Api", "Dockerfile"));
        var ignored = File.ReadAllLines(Path.Combine(Root, ".dockerignore"));

        Assert.Matches(@"(?m)^FROM node:\S+ AS explorer$", dockerfile);
        Assert.Matches(@"(?m)^COPY src/IomGraph.Explorer/package.json src/IomGraph.Explorer/package-lock.json \./$", dockerfile);
        Assert.Matches(@"(?m)^RUN npm ci\b", dockerfile);
        Assert.Matches(@"(?m)^RUN npm run build$", dockerfile);
        Assert.Matches(@"(?m)^COPY --from=explorer /source/src/IomGraph.Explorer/dist/ src/IomGraph.Explorer/dist/$", dockerfile);
        Assert.Matches(@"(?m)^RUN dotnet publish .*-p:SkipExplorerBuild=true", dockerfile);

        // A developer's node_modules and dist must not reach the image's build: npm ci and Vite make them there.
        Assert.Contains("**/node_modules", ignored);
        Assert.Contains("src/IomGraph.Explorer/dist", ignored);
    }

    [GeneratedRegex(@"(?m)^FROM \S+ AS \w+")]
    private static partial Regex FromLine();
}
