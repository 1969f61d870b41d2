namespace Recur.Core.Security;

/// <summary>The failures every key store reports alike, so the CLI's messages do not depend on the backend.</summary>
public static class ApiKeyConflicts
{
    /// <summary>Conflict for a key whose name (or, very rarely, random prefix) is taken.</summary>
    public static RecurException For(NewApiKey key, bool name)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new RecurException(FailureKind.Conflict, name
            ? $"a key named '{key.Name}' exists (recur keys list shows it; revoke it first or choose another name)"
            : $"the random prefix {key.Prefix} is taken; create the key again", name ? "name" : null);
    }

    /// <summary>NotFound for a revocation naming no key.</summary>
    public static RecurException Unknown(string idOrPrefix) =>
        RecurException.NotFound($"no key has id or prefix '{idOrPrefix}' (recur keys list shows the keys)");
}
