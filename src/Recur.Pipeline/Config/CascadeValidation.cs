using System.Globalization;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of <c>framing.cascade</c> (one router, named branches, sane numbers); what the data says about it
/// (the segment column, a value without a branch, a branch too small or of one class) is checked when training starts,
/// by the cascade framing. Errors name the key and its line.
/// </summary>
internal static class CascadeValidation
{
    public static void Validate(CascadeConfig c, string text)
    {
        if (!c.IsDeclared)
        {
            if (c.Branches.Count > 0) throw Error(text, "framing.cascade.branches", "framing.cascade.branches needs framing.cascade.segment, the column whose values they route");
            return;
        }
        if (c.Segment is not null && c.Router is not null)
        {
            throw Error(text, "framing.cascade.router", "framing.cascade: give segment (a declared segment) or router: learned, not both");
        }
        if (c.Router is { } router && router != CascadeConfig.LearnedRouter)
        {
            throw Error(text, "framing.cascade.router", $"framing.cascade.router must be '{CascadeConfig.LearnedRouter}' (a router that learns typical vs rare rows), not '{router}'");
        }
        if (c.Segment is { } segment)
        {
            if (string.IsNullOrWhiteSpace(segment)) throw Error(text, "framing.cascade.segment", "framing.cascade.segment is empty; name the column whose value picks the branch");
            if (c.Branches.Count == 0) throw Error(text, "framing.cascade.branches", $"framing.cascade.branches is empty; map values of '{segment}' to branch names, e.g. {{ \"1\": workday }}");
            foreach (var (value, branch) in c.Branches) Name(text, $"framing.cascade.branches.{value}", branch);
            if (c.Default is { } fallback) Name(text, "framing.cascade.default", fallback);
            var names = c.Branches.Values.Append(c.Default).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (names.Count < 2)
            {
                throw Error(text, "framing.cascade.branches", $"framing.cascade routes every row to branch '{names[0]}'; a cascade needs at least two branches (add one, or a default)");
            }
        }
        else
        {
            if (c.Branches.Count > 0) throw Error(text, "framing.cascade.branches", "framing.cascade.branches is for a declared segment; a learned router has the branches 'typical' and 'rare'");
            if (c.Default is not null) throw Error(text, "framing.cascade.default", "framing.cascade.default is for a declared segment; a learned router has no default branch");
            if (!(c.RareShare > 0 && c.RareShare <= 0.5))
            {
                throw Error(text, "framing.cascade.rare_share", $"framing.cascade.rare_share must be in (0, 0.5] (the share of training rows sent to the rare branch), not {c.RareShare.ToString(CultureInfo.InvariantCulture)}");
            }
        }
        if (c.MinRows < 2) throw Error(text, "framing.cascade.min_rows", $"framing.cascade.min_rows must be at least 2, not {c.MinRows}");
    }

    // Branch names become member names and appear in every answer: plain words.
    private static void Name(string text, string key, string branch)
    {
        if (string.IsNullOrWhiteSpace(branch) || branch.Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.')))
        {
            throw Error(text, key, $"{key}: branch name '{branch}' must be letters, digits, '-', '_' or '.'");
        }
    }

    private static RecurException Error(string text, string key, string message) => ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: " + message, key), text);
}
