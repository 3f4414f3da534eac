using IomGraph.Api.Application;
using IomGraph.Api.Hosting;
using IomGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IomGraph.Api.Cli;

/// <summary>
/// <c>backup PATH [--force]</c>: an online copy of the SQLite store that the configuration names, through SQLite's backup
/// API, safe while the API serves it. The copy is taken in one step inside one read transaction, so it holds exactly
/// the writes committed when it started (WAL lets writers go on meanwhile; later writes are not in it). It is written
/// beside PATH, checked (<c>PRAGMA quick_check</c>) and then renamed to PATH, so that PATH is never half a copy. An
/// existing PATH is kept unless <c>--force</c>. The exit code is 0 on success, 1 when the copy fails, 2 on a usage error.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["backup", var target, ..] || target.StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("usage: IomGraph.Api backup path/to/copy.db [--force] [--Graph:Sqlite:Path=data/iomgraph.db]");
            return 2;
        }

        var force = args.Contains("--force");
        var builder = Host.CreateApplicationBuilder(args.Skip(2).Where(a => a != "--force").ToArray());
        builder.Logging.ClearProviders();
        builder.Services.AddGraphStore(builder.Configuration);
        using var host = builder.Build();
        host.Services.GetService<IStartupValidator>()?.Validate();

        if (host.Services.GetRequiredService<IOptions<GraphOptions>>().Value.Provider != GraphProvider.Sqlite)
        {
            await Console.Error.WriteLineAsync("backup: the store is Neo4j; back it up with neo4j-admin dump (README, Backup and restore), or store-neutrally with GET /api/v1/export.");
            return 2;
        }

        var source = host.Services.GetRequiredService<SqliteGraphStore>().DatabasePath;
        if (source == SqliteGraphStoreOptions.InMemory || !File.Exists(source))
        {
            await Console.Error.WriteLineAsync($"backup: there is no SQLite store at {source} (Graph:Sqlite:Path).");
            return 2;
        }

        target = Resolve(target);
        if (string.Equals(target, source, StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"backup: {target} is the store itself; name another file.");
            return 2;
        }

        if (File.Exists(target) && !force)
        {
            await Console.Error.WriteLineAsync($"backup: {target} exists; nothing was written. Add --force to replace it.");
            return 2;
        }

        if (Path.GetDirectoryName(target) is { } directory && !Directory.Exists(directory))
        {
            await Console.Error.WriteLineAsync($"backup: the directory {directory} does not exist.");
            return 2;
        }

        var partial = $"{target}.partial-{Guid.NewGuid():N}";
        try
        {
            await Console.Error.WriteLineAsync($"backup: copying {source} to {target}");
            using (var from = Open(source, SqliteOpenMode.ReadOnly))
            using (var to = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                from.BackupDatabase(to);
                using var check = to.CreateCommand();
                check.CommandText = "PRAGMA quick_check;";
                if (check.ExecuteScalar() is not "ok")
                {
                    await Console.Error.WriteLineAsync("backup: the copy failed SQLite's quick_check; nothing was written.");
                    return 1;
                }
            }

            var version = await VersionAsync(partial);
            File.Move(partial, target, overwrite: force);
            await Console.Error.WriteLineAsync($"backup: done: {target} ({new FileInfo(target).Length:N0} bytes) holds graph version {version}.");
            return 0;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"backup: failed: {e.Message}; nothing was written.");
            return 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var leftover in new[] { partial, partial + "-wal", partial + "-shm" })
            {
                File.Delete(leftover);
            }
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The copy's graph version (GraphVersion's form), read through the store itself.</summary>
    private static async Task<string> VersionAsync(string path)
    {
        await using var copy = new SqliteGraphStore(Options.Create(new SqliteGraphStoreOptions { Path = path }), TimeProvider.System, NullLogger<SqliteGraphStore>.Instance);
        var seed = await copy.GetSeedStateAsync();
        var sequence = await copy.GetLastChangeSequenceAsync();
        return GraphVersion.Format(seed?.Fingerprint, sequence);
    }

    /// <summary>A relative path is taken from the directory the command was typed in (the shell's PWD), as `dotnet run --project` runs elsewhere.</summary>
    private static string Resolve(string path)
    {
        var shell = Environment.GetEnvironmentVariable("PWD");
        return Path.IsPathRooted(path) || shell is null ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(shell, path));
    }
}
