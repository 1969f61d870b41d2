using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb into a temp folder, on a free port) for tests that stop or restart
/// the server: the shared one is never touched. Binaries from <c>RECUR_TEST_POSTGRES_BIN</c> (default
/// /usr/lib/postgresql/15/bin); run as the <c>postgres</c> user when the tests run as root, as <c>.ci/run</c> does.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private static readonly string Bin = Environment.GetEnvironmentVariable("RECUR_TEST_POSTGRES_BIN") is { Length: > 0 } b ? b : "/usr/lib/postgresql/15/bin";
    private readonly string _dir;

    private PrivatePostgres(string dir, int port) => (_dir, Port) = (dir, port);

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>Npgsql keywords for its <c>postgres</c> database as the <c>recur</c> superuser.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=recur;Database=postgres;Timeout=30";

    /// <summary>Creates and starts a cluster with default durability (fsync on).</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "recur-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        if (Environment.UserName == "root") await ShellAsync($"chown postgres {dir}", asPostgres: false);
        var cluster = new PrivatePostgres(dir, FreePort());
        await cluster.PgAsync($"{Bin}/initdb -D {dir}/data -U recur --auth=trust -E UTF8 > {dir}/init.log 2>&1");
        await cluster.PgAsync($"{Bin}/pg_ctl -D {dir}/data -o '-p {cluster.Port} -k {dir} -c listen_addresses=127.0.0.1' -l {dir}/server.log -w start > /dev/null");
        return cluster;
    }

    /// <summary>Restarts the server (<c>pg_ctl restart -m fast</c>): every connection is cut.</summary>
    public Task RestartAsync() => PgAsync($"{Bin}/pg_ctl -D {_dir}/data -m fast -w restart > /dev/null");

    /// <summary>Stops the server (<c>pg_ctl stop -m fast</c>); <see cref="StartAgainAsync"/> brings it back.</summary>
    public Task StopAsync() => PgAsync($"{Bin}/pg_ctl -D {_dir}/data -m fast -w stop > /dev/null");

    /// <summary>Starts the stopped server again on the same port.</summary>
    public Task StartAgainAsync() =>
        PgAsync($"{Bin}/pg_ctl -D {_dir}/data -o '-p {Port} -k {_dir} -c listen_addresses=127.0.0.1' -l {_dir}/server.log -w start > /dev/null");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try { await PgAsync($"{Bin}/pg_ctl -D {_dir}/data -m immediate -w stop > /dev/null"); } catch (InvalidOperationException) { }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private Task PgAsync(string command) => ShellAsync(command, asPostgres: Environment.UserName == "root");

    private static async Task ShellAsync(string command, bool asPostgres)
    {
        var info = asPostgres ? new ProcessStartInfo("su", ["postgres", "-s", "/bin/sh", "-c", command]) : new ProcessStartInfo("/bin/sh", ["-c", command]);
        info.RedirectStandardError = true;
        info.RedirectStandardOutput = true;
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"`{command}` exited {process.ExitCode}: {await stderr}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
