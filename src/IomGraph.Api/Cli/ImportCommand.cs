using System.Diagnostics;
using IomGraph.Api.Application;
using IomGraph.Api.Hosting;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Formats;

namespace IomGraph.Api.Cli;

/// <summary>
/// <c>import PATH</c>: the same import as <c>POST /api/v1/import</c>, from the command line, against the store the
/// configuration names. The file's extension says what it holds, and the endpoint's readers read it: a CSV export's
/// zip (<c>.zip</c>), its <c>nodes.csv</c>, <c>edges.csv</c> and <c>sources.csv</c> side by side (name any one of them),
/// or else a JSON bundle. Progress goes to stderr; the exit code is 0 on success, 1 when the bundle is invalid or the
/// store refuses it, 2 on a usage error.
/// </summary>
public static class ImportCommand
{
    public const string Author = "import-cli";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["import", var path, ..])
        {
            await Console.Error.WriteLineAsync("usage: IomGraph.Api import path/to/bundle.json|export.zip|nodes.csv [--dry-run] [--Graph:Provider=Neo4j ...]");
            return 2;
        }

        var dryRun = args.Contains("--dry-run");
        var builder = Host.CreateApplicationBuilder(args.Skip(2).Where(a => a != "--dry-run").ToArray());
        builder.Logging.ClearProviders();
        builder.Services.AddGraphStore(builder.Configuration);
        builder.Services.AddGraphUseCases();
        using var host = builder.Build();

        var clock = Stopwatch.StartNew();
        path = Resolve(path);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"import: no such file: {path}");
            return 2;
        }

        await Console.Error.WriteLineAsync($"import: reading {path} ({new FileInfo(path).Length:N0} bytes)");
        GraphBundle bundle;
        CsvReadResult? rows = null;
        if (CsvBundleReader.ReadsFile(path))
        {
            rows = await CsvBundleReader.ReadFileAsync(path);
            foreach (var error in rows.Errors.Take(200))
            {
                await Console.Error.WriteLineAsync($"  {error}");
            }

            if (rows.Errors.Count > 0)
            {
                await Console.Error.WriteLineAsync($"import: {rows.Errors.Count} error(s) in the CSV; nothing was written.");
                return 1;
            }

            bundle = rows.Bundle;
        }
        else
        {
            await using var file = File.OpenRead(path);
            var (read, problems) = await BundleReader.ReadAsync(file, CancellationToken.None);
            if (read is null)
            {
                foreach (var problem in problems.Take(200))
                {
                    await Console.Error.WriteLineAsync($"  {problem.Path}: {problem.Message}");
                }

                await Console.Error.WriteLineAsync($"import: {path} is not a bundle: {problems.Count} problem(s); nothing was written.");
                return 1;
            }

            bundle = read;
        }

        var store = host.Services.GetRequiredService<IGraphWriter>();
        await Console.Error.WriteLineAsync("import: opening the store");
        await store.InitialiseAsync();

        await Console.Error.WriteLineAsync($"import: validating {bundle.Sources.Count:N0} sources, {bundle.Actors.Count:N0} actors, {bundle.Relations.Count:N0} relations");
        var imports = host.Services.GetRequiredService<ImportService>();
        var errors = await imports.ValidateAsync(bundle, CancellationToken.None);
        if (errors.Count > 0)
        {
            foreach (var error in errors.Take(200))
            {
                await Console.Error.WriteLineAsync($"  {(rows is null ? error.Record : rows.Locate(error.Record))}{(error.Id is null ? string.Empty : $" (id '{error.Id}')")}, field '{error.Field}': {error.Message}");
            }

            await Console.Error.WriteLineAsync($"import: {errors.Count} error(s); nothing was written.");
            return 1;
        }

        if (dryRun)
        {
            await Console.Error.WriteLineAsync("import: valid (dry run; nothing was written).");
            return 0;
        }

        await Console.Error.WriteLineAsync("import: writing in one transaction");
        var outcome = await imports.ImportAsync(bundle, Author, dryRun: false, CancellationToken.None);
        if (!outcome.Valid)
        {
            await Console.Error.WriteLineAsync($"import: refused: {outcome.Errors[0].Message}");
            return 1;
        }

        var c = outcome.Counts!;
        await Console.Error.WriteLineAsync(
            $"import: done in {clock.Elapsed.TotalSeconds:F1} s: sources {Describe(c.Sources)}; actors {Describe(c.Actors)}; relations {Describe(c.Relations)}.");
        return 0;
    }

    /// <summary>
    /// `dotnet run --project` runs the program in the project's directory, so a relative path is also tried against the
    /// directory the command was typed in (the shell's PWD).
    /// </summary>
    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return path;
        }

        var shell = Environment.GetEnvironmentVariable("PWD");
        return shell is not null && File.Exists(Path.Combine(shell, path)) ? Path.GetFullPath(Path.Combine(shell, path)) : path;
    }

    private static string Describe(RecordCounts c) => $"{c.Created} created, {c.Updated} updated, {c.Unchanged} unchanged";
}
