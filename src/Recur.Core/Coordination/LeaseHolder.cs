namespace Recur.Core.Coordination;

/// <summary>Names this process as a lease or job holder: <c>host:pid:suffix</c>, the suffix telling apart two holders in one process.</summary>
public static class LeaseHolder
{
    /// <summary>A fresh holder name for this process.</summary>
    public static string New() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
}
