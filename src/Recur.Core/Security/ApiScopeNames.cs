namespace Recur.Core.Security;

/// <summary>The scope names as written on the command line and stored (<c>predict</c>, <c>feedback</c>, <c>admin</c>).</summary>
public static class ApiScopeNames
{
    /// <summary>Every scope by name, in the order they are listed.</summary>
    public static IReadOnlyList<(string Name, ApiScopes Scope)> All { get; } =
        [("predict", ApiScopes.Predict), ("feedback", ApiScopes.Feedback), ("admin", ApiScopes.Admin)];

    /// <summary>
    /// Reads a comma-separated list (<c>predict,feedback</c>); Invalid naming <paramref name="setting"/>, the
    /// unknown scope and the scopes there are.
    /// </summary>
    public static ApiScopes Parse(string? text, string setting)
    {
        var scopes = ApiScopes.None;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = All.FirstOrDefault(s => string.Equals(s.Name, part, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                throw RecurException.Invalid($"{setting}: '{part}' is not a scope (scopes: {string.Join(", ", All.Select(s => s.Name))})", setting);
            }
            scopes |= match.Scope;
        }
        if (scopes == ApiScopes.None) throw RecurException.Invalid($"{setting}: give at least one scope ({string.Join(", ", All.Select(s => s.Name))})", setting);
        return scopes;
    }

    /// <summary>The names of the scopes set, comma-separated in catalogue order (<c>predict,feedback</c>).</summary>
    public static string Format(ApiScopes scopes) => string.Join(',', All.Where(s => scopes.HasFlag(s.Scope)).Select(s => s.Name));

    /// <summary>Whether a key holding <paramref name="held"/> may call an endpoint needing <paramref name="required"/>; admin implies every scope.</summary>
    public static bool Grants(ApiScopes held, ApiScopes required) =>
        (held & ApiScopes.Admin) != 0 || (held & required) == required;
}
