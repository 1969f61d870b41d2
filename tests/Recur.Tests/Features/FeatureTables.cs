using Recur.Core.Data;
using Recur.Features.Transforms;

namespace Recur.Tests.Features;

/// <summary>Tiny hand-made columns and one-line fits for the transform tests.</summary>
internal static class FeatureTables
{
    public static NumericColumn Real(string name, params double[] values) => new(new ColumnSpec(name, ColumnType.Real), values);

    public static NumericColumn Integer(string name, params double[] values) => new(new ColumnSpec(name, ColumnType.Integer), values);

    public static TextColumn Text(string name, params string?[] values) => new(new ColumnSpec(name, ColumnType.Text), values);

    /// <summary>Fits the catalogue's transform of that name on the columns with the given parameters.</summary>
    public static FittedTransform Fit(string transform, DataColumn[] columns, params (string Name, string Value)[] settings)
    {
        var t = TransformCatalog.Standard.Get(transform, "test");
        return t.Fit(columns, TransformSettings.Defaults(t, settings), "");
    }

    /// <summary>Fits on one column and returns the fitted step as its concrete type.</summary>
    public static T Fit<T>(string transform, DataColumn column, params (string Name, string Value)[] settings) where T : FittedTransform =>
        (T)Fit(transform, [column], settings);

    /// <summary>The values of the single numeric output of a step applied to one column.</summary>
    public static double[] Numbers(FittedTransform step, params DataColumn[] inputs) => ((NumericColumn)step.Apply(inputs)[0]).Values;

    /// <summary>The values of the single text output of a step.</summary>
    public static string?[] Texts(FittedTransform step, params DataColumn[] inputs) => ((TextColumn)step.Apply(inputs)[0]).Values;
}
