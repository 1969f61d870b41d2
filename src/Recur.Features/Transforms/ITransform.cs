using Recur.Core.Data;

namespace Recur.Features.Transforms;

/// <summary>What a transform reads.</summary>
public enum TransformInput
{
    /// <summary>Numeric columns only.</summary>
    Numeric,

    /// <summary>Text columns only.</summary>
    Text,

    /// <summary>Columns of any type.</summary>
    Any,
}

/// <summary>
/// One transform of the catalogue, looked up by the name recur.yaml uses. It fits on training columns into a
/// <see cref="FittedTransform"/>, which holds everything it learned and is saved inside the model.
/// </summary>
public interface ITransform
{
    /// <summary>The name in recur.yaml.</summary>
    string Name { get; }

    /// <summary>What it does, in a line.</summary>
    string Summary { get; }

    /// <summary>The column types it reads.</summary>
    TransformInput Input { get; }

    /// <summary>
    /// True when one step reads all its columns together into one new column (a cross), which keeps its inputs as
    /// features; false when each column is transformed on its own and its outputs take its place.
    /// </summary>
    bool Combines { get; }

    /// <summary>Its parameters.</summary>
    IReadOnlyList<TransformParameter> Parameters { get; }

    /// <summary>The type of what it fits into, named by <see cref="Name"/> in the saved chain.</summary>
    Type FittedType { get; }

    /// <summary>Learns from the training rows of its input columns (one, or several for a combining transform).</summary>
    /// <param name="inputs">The input columns over the training rows.</param>
    /// <param name="settings">Its validated parameters.</param>
    /// <param name="output">The name of the new column of a combining transform; ignored otherwise.</param>
    FittedTransform Fit(IReadOnlyList<DataColumn> inputs, TransformSettings settings, string output);
}

/// <summary>
/// A fitted transform: the parameters it learned on the training split, saved in the model's chain as JSON
/// (tagged by the transform's name), and applied identically to every later table.
/// </summary>
public abstract class FittedTransform
{
    /// <summary>The columns it reads, in order.</summary>
    public List<string> Inputs { get; set; } = [];

    /// <summary>The columns it writes, in order, with their types.</summary>
    public abstract IReadOnlyList<ColumnSpec> Outputs();

    /// <summary>Computes the output columns, in <see cref="Outputs"/> order, from the input columns of any table.</summary>
    public abstract IReadOnlyList<DataColumn> Apply(IReadOnlyList<DataColumn> inputs);

    /// <summary>
    /// Whether the outputs are already on a common scale (a TF-IDF row has unit length), so a linear learner's min-max
    /// scaling, which would divide each by its own training maximum and inflate rare terms, leaves them as they are.
    /// </summary>
    public virtual bool UnitScaled => false;

    /// <summary>The fitted parameters a person reads (<c>recur features show</c>): means, vocabulary sizes, bucket edges…</summary>
    public abstract IEnumerable<KeyValuePair<string, string>> Describe();
}
