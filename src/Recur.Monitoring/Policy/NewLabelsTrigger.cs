namespace Recur.Monitoring.Policy;

/// <summary>Fires when at least <paramref name="rows"/> labelled rows arrived since the last retrain.</summary>
public sealed class NewLabelsTrigger(int rows) : ILoopTrigger
{
    /// <inheritdoc />
    public string Name => "new_labels";

    /// <inheritdoc />
    public TriggerResult Evaluate(LoopSignals signals)
    {
        var numbers = new Dictionary<string, double> { ["new_labelled"] = signals.NewLabelledRows, ["threshold"] = rows };
        return signals.NewLabelledRows >= rows
            ? new(Name, true, $"{signals.NewLabelledRows} labelled rows since the last retrain (>= {rows})", numbers)
            : new(Name, false, $"{signals.NewLabelledRows} labelled rows since the last retrain (< {rows})", numbers);
    }
}
