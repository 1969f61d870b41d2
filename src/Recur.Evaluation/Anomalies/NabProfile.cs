using System.Text.Json;
using Recur.Core;

namespace Recur.Evaluation.Anomalies;

/// <summary>A NAB scoring profile: the weights of a detected window (TP), a missed one (FN) and a false detection (FP).</summary>
/// <param name="Name">The profile's name in profiles.json (standard, reward_low_FP_rate, reward_low_FN_rate).</param>
/// <param name="TpWeight">Credit of a window detected at its start.</param>
/// <param name="FpWeight">Cost of a false detection far from any window.</param>
/// <param name="FnWeight">Cost of a missed window.</param>
public sealed record NabProfile(string Name, double TpWeight, double FpWeight, double FnWeight)
{
    /// <summary>NAB's standard profile (TP 1, FP 0.11, FN 1).</summary>
    public static NabProfile Standard { get; } = new("standard", 1.0, 0.11, 1.0);

    /// <summary>NAB's three profiles as published (standard, reward_low_FP_rate, reward_low_FN_rate).</summary>
    public static IReadOnlyList<NabProfile> Published { get; } =
    [
        Standard,
        new("reward_low_FP_rate", 1.0, 0.22, 1.0),
        new("reward_low_FN_rate", 1.0, 0.11, 2.0),
    ];

    /// <summary>Reads NAB's config/profiles.json (<c>{ name: { CostMatrix: { tpWeight, fpWeight, fnWeight } } }</c>); errors name the file and profile.</summary>
    public static IReadOnlyList<NabProfile> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var profiles = new List<NabProfile>();
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            if (!entry.Value.TryGetProperty("CostMatrix", out var costs)) throw RecurException.Invalid($"{path}: profile '{entry.Name}' has no CostMatrix", path);
            profiles.Add(new NabProfile(entry.Name, Weight(costs, "tpWeight", path, entry.Name), Weight(costs, "fpWeight", path, entry.Name), Weight(costs, "fnWeight", path, entry.Name)));
        }
        return profiles;
    }

    private static double Weight(JsonElement costs, string name, string path, string profile) =>
        costs.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.GetDouble() >= 0
            ? value.GetDouble()
            : throw RecurException.Invalid($"{path}: profile '{profile}' needs a non-negative CostMatrix.{name}", path);
}
