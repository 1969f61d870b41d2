using Recur.Core.Modeling;
using System.Text.Json;
using Recur.Core.Data;
using Recur.Core.Serving;

namespace Recur.Monitoring.Live;

/// <summary>Rebuilds a feature table from the inputs stored in the prediction log.</summary>
public static class LoggedInputs
{
    /// <summary>The logged features of the records, as columns of the model's plan.</summary>
    public static DataTable ToTable(IReadOnlyList<PredictionRecord> records, FeaturePlan plan)
    {
        var buffer = new FeatureTableBuffer(plan, records.Count);
        for (var r = 0; r < records.Count; r++)
        {
            using var doc = JsonDocument.Parse(records[r].InputsJson);
            for (var f = 0; f < plan.Features.Count; f++)
            {
                var present = doc.RootElement.TryGetProperty(plan.Features[f].Name, out var value) && value.ValueKind != JsonValueKind.Null;
                if (buffer.Numbers(f) is { } n) n[r] = present && value.TryGetDouble(out var d) ? d : double.NaN;
                else buffer.Texts(f)![r] = present ? value.GetString() : null;
            }
        }
        return buffer.ToTable();
    }

    /// <summary>The logged features plus a label column holding the true labels.</summary>
    public static DataTable WithLabels(IReadOnlyList<Core.Monitoring.LabelledPrediction> joined, FeaturePlan plan)
    {
        var features = ToTable(joined.Select(j => j.Prediction).ToList(), plan);
        var label = new TextColumn(new ColumnSpec(plan.Label, ColumnType.Text), joined.Select(j => (string?)j.TrueLabel).ToArray());
        return new DataTable([.. features.Columns, label]);
    }
}
