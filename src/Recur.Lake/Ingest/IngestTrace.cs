namespace Recur.Lake.Ingest;

/// <summary>Phase timings for performance work: <c>RECUR_TRACE=1</c> prints them on stderr.</summary>
internal static class IngestTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("RECUR_TRACE") == "1";

    // Seconds since the process started (start-up included), for a timeline of the phases.
    private static double Since() => (DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalSeconds;

    public static void Write(string message)
    {
        if (Enabled) Console.Error.WriteLine($"ingest: {Since():0.000}s {message}");
    }
}
