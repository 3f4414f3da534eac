using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;
using IomGraph.Storage.Neo4j.Internal;
using IomGraph.Testing;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>The statement catalogue: names, parameters, vocabulary, and the current Cypher linter (tests/cypher-lint).</summary>
public sealed partial class CypherCatalogueTests(ITestOutputHelper output)
{
    [Fact]
    public void Statement_names_are_unique()
    {
        var duplicates = CypherCatalogue.All.GroupBy(q => q.Name).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_statement_declares_exactly_the_parameters_it_uses()
    {
        foreach (var query in CypherCatalogue.All)
        {
            var used = Parameter().Matches(query.Text).Select(m => m.Groups[1].Value).ToHashSet();
            Assert.True(used.SetEquals(query.Parameters), $"{query.Name} uses [{string.Join(", ", used.Order())}] but declares [{string.Join(", ", query.Parameters.Order())}].");
        }
    }

    [Fact]
    public void Relationship_types_in_statements_come_from_the_vocabulary()
    {
        var known = CypherCatalogue.RelationshipTypes.ToHashSet(StringComparer.Ordinal);
        foreach (var query in CypherCatalogue.All)
        {
            foreach (var type in RelationshipType().Matches(query.Text).Select(m => m.Groups[1].Value))
            {
                Assert.True(known.Contains(type), $"{query.Name} names relationship type {type}, which is not in the vocabulary.");
            }
        }

        Assert.All(Enum.GetValues<RelationType>(), t => Assert.Contains(CypherCatalogue.LinkRelations(t), CypherCatalogue.All));
        Assert.All(RelationTypes.Names, name => Assert.Contains(CypherCatalogue.All, q => q.Name == $"LinkRelations.{name}" && q.Text.Contains($"[r:{name} ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Binding_a_statement_checks_its_parameter_names()
    {
        Assert.Throws<ArgumentException>(() => CypherCatalogue.SeedState.With());
        Assert.Throws<ArgumentException>(() => CypherCatalogue.SeedState.With(("key", "seed"), ("other", 1)));
        Assert.Equal("seed", CypherCatalogue.SeedState.With(("key", "seed")).Parameters["key"]);
    }

    [Fact]
    public void Each_path_bound_has_a_statement_and_longer_bounds_share_the_unbounded_one()
    {
        Assert.Contains("*..1]", CypherCatalogue.ShortestPaths(1).Text, StringComparison.Ordinal);
        Assert.Contains("*..6]", CypherCatalogue.ShortestPaths(6).Text, StringComparison.Ordinal);
        Assert.Same(CypherCatalogue.ShortestPathsUnbounded, CypherCatalogue.ShortestPaths(CypherCatalogue.MaxBoundedPathDepth + 1));
    }

    /// <summary>The two DDL dialects are generated from one table; these are the statements as they were written out by hand.</summary>
    [Fact]
    public void The_schema_table_generates_the_statements_written_out_before()
    {
        (string Name, string Text)[] legacy =
        [
            ("Schema.Legacy.ActorId", "CREATE CONSTRAINT ON (a:Actor) ASSERT a.id IS UNIQUE"),
            ("Schema.Legacy.SourceId", "CREATE CONSTRAINT ON (s:Source) ASSERT s.id IS UNIQUE"),
            ("Schema.Legacy.RelationId", "CREATE CONSTRAINT ON (r:Relation) ASSERT r.id IS UNIQUE"),
            ("Schema.Legacy.MetaKey", "CREATE CONSTRAINT ON (m:Meta) ASSERT m.key IS UNIQUE"),
            ("Schema.Legacy.RelationFrom", "CREATE INDEX ON :Relation(from)"),
            ("Schema.Legacy.RelationTo", "CREATE INDEX ON :Relation(to)"),
            ("Schema.Legacy.RelationType", "CREATE INDEX ON :Relation(type)"),
            ("Schema.Legacy.RelationStart", "CREATE INDEX ON :Relation(startKey)"),
            ("Schema.Legacy.ActorKind", "CREATE INDEX ON :Actor(kind)"),
            ("Schema.Legacy.ActorSearchText", "CREATE INDEX ON :Actor(searchText)"),
            ("Schema.Legacy.ActorSearchLong", "CREATE INDEX ON :Actor(searchLong)"),
            ("Schema.Legacy.ChangeSeq", "CREATE CONSTRAINT ON (c:Change) ASSERT c.seq IS UNIQUE"),
            ("Schema.Legacy.ChangeRecord", "CREATE INDEX ON :Change(recordId)"),
            ("Schema.Legacy.ChangeTime", "CREATE INDEX ON :Change(atTicks)"),
        ];
        (string Name, string Text)[] modern =
        [
            ("Schema.ActorId", "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE"),
            ("Schema.SourceId", "CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE"),
            ("Schema.RelationId", "CREATE CONSTRAINT relation_id IF NOT EXISTS FOR (r:Relation) REQUIRE r.id IS UNIQUE"),
            ("Schema.MetaKey", "CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:Meta) REQUIRE m.key IS UNIQUE"),
            ("Schema.RelationFrom", "CREATE INDEX relation_from IF NOT EXISTS FOR (r:Relation) ON (r.from)"),
            ("Schema.RelationTo", "CREATE INDEX relation_to IF NOT EXISTS FOR (r:Relation) ON (r.to)"),
            ("Schema.RelationType", "CREATE INDEX relation_type IF NOT EXISTS FOR (r:Relation) ON (r.type)"),
            ("Schema.RelationStart", "CREATE INDEX relation_start IF NOT EXISTS FOR (r:Relation) ON (r.startKey)"),
            ("Schema.ActorKind", "CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind)"),
            ("Schema.ActorSearchText", "CREATE TEXT INDEX actor_search_text IF NOT EXISTS FOR (a:Actor) ON (a.searchText)"),
            ("Schema.ActorSearchLong", "CREATE INDEX actor_search_long IF NOT EXISTS FOR (a:Actor) ON (a.searchLong)"),
            ("Schema.ChangeSeq", "CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE"),
            ("Schema.ChangeRecord", "CREATE INDEX change_record IF NOT EXISTS FOR (c:Change) ON (c.recordId)"),
            ("Schema.ChangeTime", "CREATE INDEX change_time IF NOT EXISTS FOR (c:Change) ON (c.atTicks)"),
        ];

        Assert.Equal(legacy, CypherCatalogue.LegacySchema.Select(q => (q.Name, q.Text)));
        Assert.Equal(modern, CypherCatalogue.ModernSchema.Select(q => (q.Name, q.Text)));
        Assert.All(CypherCatalogue.LegacySchema, q => Assert.Equal(CypherDialect.LegacyDdl, q.Dialect));
        Assert.All(CypherCatalogue.ModernSchema, q => Assert.Equal(CypherDialect.ModernDdl, q.Dialect));
        Assert.All(CypherCatalogue.LegacySchema.Concat(CypherCatalogue.ModernSchema), q => Assert.Empty(q.Parameters));
    }

    /// <summary>
    /// The reads that count relations from degrees come in one variant per degree syntax: 3.x and 4.x get size() of a
    /// pattern (not linted, run by the 3.1 contract suite), 5.3+ COUNT { } (linted, not run here), 5.0–5.2 a comprehension.
    /// </summary>
    [Fact]
    public void Degree_reads_have_a_variant_for_each_server_generation()
    {
        DegreeVariants[] reads = [CypherCatalogue.Actor, CypherCatalogue.Stats, CypherCatalogue.ActorRelationsOutByDegree, CypherCatalogue.ActorRelationsInByDegree, CypherCatalogue.ActorRelationsBothByDegree];
        Assert.All(reads, read =>
        {
            Assert.Equal(CypherDialect.Cypher3, read.For(DegreeSyntax.SizeOfPattern).Dialect);
            Assert.Contains("size((a)", read.For(DegreeSyntax.SizeOfPattern).Text, StringComparison.Ordinal);
            Assert.Equal(CypherDialect.Cypher5, read.For(DegreeSyntax.CountSubquery).Dialect);
            Assert.Contains("COUNT { (a)", read.For(DegreeSyntax.CountSubquery).Text, StringComparison.Ordinal);
            Assert.DoesNotContain("size((a)", read.For(DegreeSyntax.CountSubquery).Text, StringComparison.Ordinal);
            Assert.Equal(CypherDialect.Portable, read.For(DegreeSyntax.Comprehension).Dialect);
            Assert.Contains("size([(a)", read.For(DegreeSyntax.Comprehension).Text, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(Direction.Both, false, "SizeOfPattern", "ActorRelationsBothByDegree")]
    [InlineData(Direction.Out, false, "CountSubquery", "ActorRelationsOutByDegree.CountSubquery")]
    [InlineData(Direction.In, false, "Comprehension", "ActorRelationsInByDegree.Comprehension")]
    [InlineData(Direction.Both, true, "CountSubquery", "ActorRelationsBoth")]
    [InlineData(Direction.Out, true, "SizeOfPattern", "ActorRelationsOut")]
    public void An_actors_relations_are_counted_from_degrees_unless_filtered_by_date(Direction direction, bool dated, string syntax, string name) =>
        Assert.Equal(name, CypherCatalogue.ActorRelationsFor(direction, dated, Enum.Parse<DegreeSyntax>(syntax)).Name);

    /// <summary>
    /// Feeds every statement except those for 3.x only (the 3.x schema and the reads with size() of a pattern, which the current linter rejects by design) to one node process
    /// running tests/cypher-lint/lint.mjs, each with its own parameter names, and the graph's labels, relationship types
    /// and property keys as the schema. Errors fail; warnings are printed.
    /// </summary>
    [Fact]
    public async Task Every_statement_passes_the_current_cypher_linter()
    {
        var lintDirectory = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "cypher-lint");
        if (!Directory.Exists(Path.Combine(lintDirectory, "node_modules", "@neo4j-cypher", "language-support")))
        {
            TestEnvironment.Missing("tests/cypher-lint/node_modules is missing: run `npm ci` in tests/cypher-lint to lint the Cypher catalogue.");
        }

        var statements = CypherCatalogue.All.Where(q => q.Dialect is not (CypherDialect.LegacyDdl or CypherDialect.Cypher3)).ToList();
        var input = JsonSerializer.Serialize(new
        {
            schema = new
            {
                labels = CypherCatalogue.Labels,
                relationshipTypes = CypherCatalogue.RelationshipTypes,
                propertyKeys = CypherCatalogue.PropertyKeys.Concat(["sourceIds"]),
                parameters = Array.Empty<string>(),
            },
            statements = statements.Select(q => new { name = q.Name, cypher = q.Text, parameters = q.Parameters }),
        });

        var (exitCode, stdout, stderr) = await RunNodeAsync(lintDirectory, input);

        Assert.True(exitCode == 0, $"lint.mjs exited with {exitCode}: {stderr}");
        using var report = JsonDocument.Parse(stdout);
        var errors = new List<string>();
        var linted = 0;
        foreach (var result in report.RootElement.GetProperty("results").EnumerateArray())
        {
            linted++;
            var name = result.GetProperty("name").GetString();
            foreach (var diagnostic in result.GetProperty("errors").EnumerateArray())
            {
                var line = $"{name} ({diagnostic.GetProperty("line").GetInt32()}:{diagnostic.GetProperty("col").GetInt32()}): {diagnostic.GetProperty("message").GetString()}";
                if (diagnostic.GetProperty("severity").GetString() == "error")
                {
                    errors.Add(line);
                }
                else
                {
                    output.WriteLine("warning: " + line);
                }
            }
        }

        Assert.Equal(statements.Count, linted);
        Assert.True(errors.Count == 0, "The Cypher linter reports errors:\n" + string.Join('\n', errors));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunNodeAsync(string directory, string input)
    {
        var start = new ProcessStartInfo("node", ["lint.mjs"])
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            TestEnvironment.Missing($"node is not installed ({e.Message}); it is needed to lint the Cypher catalogue.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, await stdout, await stderr);
        }
    }

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\[[a-z]*:([A-Z_]+)[\s\]]")]
    private static partial Regex RelationshipType();
}
