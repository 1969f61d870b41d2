namespace Recur.Monitoring.Policy;

/// <summary>One trigger of <c>loop.triggers</c>: reads the signals and says whether it fires, why, and with which numbers.</summary>
public interface ILoopTrigger
{
    /// <summary>The trigger's name in recur.yaml (<c>drift</c>, <c>live_drop</c>, …).</summary>
    string Name { get; }

    /// <summary>Evaluates the trigger.</summary>
    TriggerResult Evaluate(LoopSignals signals);
}

/// <summary>What one trigger found.</summary>
/// <param name="Trigger">The trigger's name.</param>
/// <param name="Fired">Whether it asks for a retrain.</param>
/// <param name="Why">The evidence in words.</param>
/// <param name="Numbers">The numbers behind it.</param>
public sealed record TriggerResult(string Trigger, bool Fired, string Why, IReadOnlyDictionary<string, double> Numbers);
