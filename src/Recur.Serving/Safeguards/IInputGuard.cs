using Recur.Core.Modeling;
using Recur.Core.Profiles;
using Recur.Core.Project;

namespace Recur.Serving.Safeguards;

/// <summary>
/// A kind of input guard (range, domain, missing), registered in <see cref="InputGuardCatalogue"/> under the name used
/// in recur.yaml. It learns one rule per input from the version's training profile.
/// </summary>
public interface IInputGuard
{
    /// <summary>The name in recur.yaml (<c>safeguards.inputs.&lt;kind&gt;</c>) and in rule names.</summary>
    string Kind { get; }

    /// <summary>Whether <see cref="SafeguardAction.Clamp"/> means something for this guard.</summary>
    bool CanClamp { get; }

    /// <summary>The rule for one input, or null when the guard does not apply to it (a text input for range, say).</summary>
    InputRule? Learn(FeatureSpec feature, ColumnProfile? profile, InputGuardConfig settings, SafeguardAction action);
}

/// <summary>One compiled input guard on one column, with what it learned from training.</summary>
/// <param name="Kind">The guard kind (range, domain, missing).</param>
/// <param name="Column">The input it watches.</param>
/// <param name="Action">What it does when it fires.</param>
public abstract class InputRule(string Kind, string Column, SafeguardAction Action)
{
    /// <summary>The guard kind.</summary>
    public string Kind { get; } = Kind;

    /// <summary>The input it watches.</summary>
    public string Column { get; } = Column;

    /// <summary>What it does when it fires.</summary>
    public SafeguardAction Action { get; } = Action;

    /// <summary>The name listed in responses and the log: <c>kind:column:action</c>.</summary>
    public string Name => $"{Kind}:{Column}:{Action.ToName()}";

    /// <summary>What it learned, for people, e.g. <c>19..75</c>.</summary>
    public abstract string Learned { get; }

    /// <summary>Whether the row's value breaks the rule; <paramref name="problem"/> says how (naming the value and what training saw).</summary>
    public abstract bool Fires(Core.Data.DataTable features, int row, out string problem);

    /// <summary>Brings the row's value inside the rule (only for guards that can clamp).</summary>
    public virtual void Clamp(Core.Data.DataTable features, int row) => throw new NotSupportedException($"{Kind} guards cannot clamp");
}
