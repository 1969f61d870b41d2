namespace Recur.Monitoring.Drift;

/// <summary>
/// The drift tests by the name used in recur.yaml (<c>monitoring.columns.NAME.test</c>) and on the command line
/// (<c>recur drift --test COLUMN=NAME</c>). Adding a test is adding an <see cref="IDriftTest"/> and a line here.
/// </summary>
public static class DriftTests
{
    private static readonly IDriftTest[] All =
    [
        new KsDriftTest(), new WassersteinDriftTest(), new ChiSquareDriftTest(), new JensenShannonDriftTest(), new PsiDriftTest(), new ZDriftTest(),
    ];

    // "wasserstein" is the short name users type; the reported name says it is normed.
    private static readonly Dictionary<string, IDriftTest> ByName = All
        .Select(t => KeyValuePair.Create(t.Name, t))
        .Append(KeyValuePair.Create("wasserstein", All[1]))
        .ToDictionary(StringComparer.Ordinal);

    /// <summary>The names a user may write: ks, wasserstein, chi_square, jensen_shannon, psi, z_test.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ks", "wasserstein", "chi_square", "jensen_shannon", "psi", "z_test"];

    /// <summary>Whether <paramref name="name"/> is a known test.</summary>
    public static bool Exists(string name) => ByName.ContainsKey(name);

    /// <summary>Whether the named test gives a p-value (its threshold is then a significance level in (0, 1)).</summary>
    public static bool HasPValue(string name) => ByName.TryGetValue(name, out var test) && test.HasPValue;

    /// <summary>Whether the named test can compare a column of the given kind.</summary>
    public static bool AppliesTo(string name, bool numeric) =>
        ByName.TryGetValue(name, out var test) && (numeric ? test.ForNumbers : test.ForCategories);

    /// <summary>The column kinds the named test compares, for messages ("numeric", "categorical" or "numeric and categorical").</summary>
    public static string KindsOf(string name) => ByName.TryGetValue(name, out var test)
        ? test.ForNumbers && test.ForCategories ? "numeric and categorical" : test.ForNumbers ? "numeric" : "categorical"
        : "no";

    internal static IDriftTest Get(string name) => ByName[name];

    internal static IDriftTest Ks => All[0];

    internal static IDriftTest WassersteinNormed => All[1];

    internal static IDriftTest ChiSquareTest => All[2];

    internal static IDriftTest JensenShannonTest => All[3];

    internal static IDriftTest Psi => All[4];

    internal static IDriftTest ZTest => All[5];
}
