namespace Recur.Evaluation.Fairness;

/// <summary>How the fairness lens measures: the interval settings, the small-group rule and intersections.</summary>
public sealed record FairnessOptions
{
    /// <summary>Fewest rows a group needs for an interval and to take part in the gaps (default 30).</summary>
    public int MinGroup { get; init; } = 30;

    /// <summary>Bootstrap resamples per interval (default 1000).</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>Confidence level of the intervals (default 0.95).</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Seed of the bootstrap draws; the same seed gives the same intervals.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Whether every intersection of two or more sensitive columns is measured too.</summary>
    public bool Intersections { get; init; }

    /// <summary>The four-fifths rule's threshold on the selection-rate ratio (default 0.8).</summary>
    public double FourFifths { get; init; } = 0.8;

    /// <summary>Rejects settings out of range, naming the setting.</summary>
    public void Validate()
    {
        if (MinGroup < 2) throw Core.RecurException.Invalid($"min_group is {MinGroup}; it must be at least 2", "min_group");
        if (Resamples < 1) throw Core.RecurException.Invalid($"resamples is {Resamples}; at least one resample is required", "resamples");
        if (!(Confidence > 0 && Confidence < 1)) throw Core.RecurException.Invalid($"confidence is {Confidence}; it must lie strictly between 0 and 1", "confidence");
        if (!(FourFifths > 0 && FourFifths <= 1)) throw Core.RecurException.Invalid($"four_fifths is {FourFifths}; it must lie in (0, 1]", "four_fifths");
    }
}
