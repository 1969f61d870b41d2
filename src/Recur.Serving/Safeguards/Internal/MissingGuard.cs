using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Profiles;
using Recur.Core.Project;

namespace Recur.Serving.Safeguards.Internal;

/// <summary>A missing value fires in an input whose training missing rate was at most <c>max_rate</c> (default 0: never missing).</summary>
internal sealed class MissingGuard : IInputGuard
{
    public string Kind => "missing";

    public bool CanClamp => false;

    public InputRule? Learn(FeatureSpec feature, ColumnProfile? profile, InputGuardConfig settings, SafeguardAction action) =>
        profile is null || profile.MissingRate > settings.MaxRate ? null : new MissingRule(feature.Name, action, profile.MissingRate);
}

/// <summary>An input that training (almost) always had.</summary>
internal sealed class MissingRule(string column, SafeguardAction action, double trainingRate) : InputRule("missing", column, action)
{
    public override string Learned => $"missing in {trainingRate.ToString("P1", CultureInfo.InvariantCulture)} of training rows";

    public override bool Fires(DataTable features, int row, out string problem)
    {
        var fires = features[Column].IsMissing(row);
        problem = fires ? $"missing, but it was {Learned}" : "";
        return fires;
    }
}
