using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// `recur serve` started as a separate process on a free port. Disposing stops it as an operator would (SIGTERM: the
/// server drains its prediction log into the store, then exits; SIGKILL after <see cref="GracePeriod"/>);
/// <see cref="KillAsync"/> kills it outright (SIGKILL), for the tests of what a crash leaves.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>How long a stopped server may take to exit before it is killed.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private bool _disposed;

    private ServerProcess(Process process) => _process = process;

    /// <summary>The base address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>What the server printed on stderr so far.</summary>
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Starts the server for a project and waits until it listens.</summary>
    public static Task<ServerProcess> StartAsync(string projectRoot) => StartAsync(projectRoot, []);

    /// <summary>The server's process id.</summary>
    public int Pid => _process.Id;

    /// <summary>Starts the server for a project with more arguments (e.g. <c>--store</c>) and waits until it listens.</summary>
    public static Task<ServerProcess> StartAsync(string projectRoot, params string[] extra) =>
        StartAsync(CliRunner.StartInfo(projectRoot, ["serve", "--port", "0", "--json", "--project", projectRoot, .. extra]));

    /// <summary>Starts <c>recur serve --port 0 --json</c> as <paramref name="info"/> says (e.g. pinned to a core) and waits until it listens.</summary>
    public static async Task<ServerProcess> StartAsync(ProcessStartInfo info)
    {
        var server = new ServerProcess(Process.Start(info)!);
        // Drain stderr so the server never blocks on a full pipe while logging.
        server._process.ErrorDataReceived += (_, e) => { lock (server._stderr) server._stderr.AppendLine(e.Data); };
        server._process.BeginErrorReadLine();
        var first = await server._process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.False(string.IsNullOrEmpty(first), "serve printed nothing: " + server.Stderr);
        var builder = new StringBuilder(first);
        while (!builder.ToString().TrimEnd().EndsWith('}')) builder.Append(await server._process.StandardOutput.ReadLineAsync());
        server.Address = new Uri(JsonDocument.Parse(builder.ToString()).RootElement.GetProperty("listening").GetString()!);
        return server;
    }

    /// <summary>A client for the server.</summary>
    public HttpClient Client() => new() { BaseAddress = Address };

    /// <summary>Kills the server with SIGKILL: nothing is flushed or drained, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (_disposed) return;
        _disposed = true;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>Stops the server with SIGTERM (it drains its log and exits), then SIGKILL if it has not exited in time.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        if (!_process.HasExited && Terminate(_process.Id, 15) == 0)
        {
            using var grace = new CancellationTokenSource(GracePeriod);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                // still running: killed below
            }
        }
        await KillAsync();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Terminate(int pid, int signal);
}
