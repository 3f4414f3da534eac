using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace IomGraph.Benchmarks;

/// <summary>
/// The processes and temporary directories the load benchmark starts or makes, ended and deleted when it ends,
/// including on Ctrl-C (SIGINT) and SIGTERM.
/// </summary>
public static class ChildProcesses
{
    private static readonly Lock Gate = new();
    private static readonly Lock EndGate = new();
    private static readonly HashSet<Process> Running = [];
    private static readonly List<string> Directories = [];
    private static readonly List<PosixSignalRegistration> Registrations = [];
    private static bool _installed;

    /// <summary>A signal asked this process to stop: failures of what it ended are expected.</summary>
    public static bool Interrupted { get; private set; }

    public static void Track(Process process)
    {
        lock (Gate)
        {
            Running.Add(process);
        }
    }

    public static void Forget(Process process)
    {
        lock (Gate)
        {
            Running.Remove(process);
        }
    }

    public static void DeleteOnExit(string directory)
    {
        lock (Gate)
        {
            Directories.Add(directory);
        }
    }

    /// <summary>Ends every tracked process on Ctrl-C and when this process exits.</summary>
    public static void EndOnExit()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            _installed = true;
        }

        // Ctrl-C, a terminal closed, a kill: end the children, then let the signal end this process as it would.
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
        {
            Registrations.Add(PosixSignalRegistration.Create(signal, _ =>
            {
                Interrupted = true;
                Console.Error.WriteLine($"// {signal}: stopping the API and wrk.");
                EndAll();
            }));
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => EndAll();
    }

    /// <summary>Ends every tracked process and deletes the directories; a second caller waits for the first.</summary>
    public static void EndAll()
    {
        lock (EndGate)
        {
            Process[] processes;
            string[] directories;
            lock (Gate)
            {
                processes = [.. Running];
                directories = [.. Directories];
                Running.Clear();
                Directories.Clear();
            }

            foreach (var process in processes)
            {
                End(process);
            }

            foreach (var directory in directories)
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }

    public static void End(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // It has already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }
}

/// <summary>
/// The API started from its Release build (<c>dotnet IomGraph.Api.dll --urls http://127.0.0.1:PORT</c>) with the given
/// settings as environment variables, in the Production environment, logging warnings and errors to a file.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private static readonly string[] InheritedPrefixes = ["Graph__", "ASPNETCORE_", "DOTNET_ENVIRONMENT", "Logging__"];

    private readonly Process _process;
    private readonly StreamWriter _log;

    private ApiProcess(Process process, StreamWriter log, Uri baseAddress, string logPath)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    public TimeSpan StartedIn { get; private set; }

    public static async Task<ApiProcess> StartAsync(string dll, string directory, string name, IReadOnlyDictionary<string, string> settings, TimeSpan readyTimeout)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.AbsoluteUri.TrimEnd('/'));

        // Only the settings given here choose the store: none from the shell that runs the benchmark.
        foreach (var key in start.Environment.Keys.Where(k => InheritedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var logPath = Path.Combine(directory, name + ".log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        var clock = Stopwatch.StartNew();
        process.Start();
        ChildProcesses.Track(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, log, baseAddress, logPath);
        try
        {
            await api.WaitUntilReadyAsync(readyTimeout);
            api.StartedIn = clock.Elapsed;
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        ChildProcesses.End(_process);
        ChildProcesses.Forget(_process);
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with code {_process.ExitCode} before it was ready. Its log ({LogPath}):{Environment.NewLine}{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The API was not ready at {BaseAddress}health/ready within {timeout.TotalSeconds:F0} s. Its log ({LogPath}):{Environment.NewLine}{Tail()}");
            }

            await Task.Delay(250);
        }
    }

    private string Tail()
    {
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var lines = reader.ReadToEnd().Split('\n');
        return string.Join('\n', lines.TakeLast(30));
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The last lines of a process being stopped.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
