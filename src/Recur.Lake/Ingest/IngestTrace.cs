namespace Recur.Lake.Ingest;

/// <summary>Phase timings for performance work: <c>RECUR_TRACE=1</c> prints them on stderr.</summary>
internal static class IngestTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("RECUR_TRACE") == "1";

    public static void Write(string message)
    {
        if (Enabled) Console.Error.WriteLine($"ingest: {message}");
    }
}
