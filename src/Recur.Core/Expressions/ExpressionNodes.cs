using System.Globalization;

namespace Recur.Core.Expressions;

/// <summary>A node of a parsed decision expression, evaluated on one row's values (by column index).</summary>
internal abstract record ExpressionNode
{
    public abstract bool Evaluate(IReadOnlyList<string?> row);
}

/// <summary>Both sides true.</summary>
internal sealed record AndNode(ExpressionNode Left, ExpressionNode Right) : ExpressionNode
{
    public override bool Evaluate(IReadOnlyList<string?> row) => Left.Evaluate(row) && Right.Evaluate(row);
}

/// <summary>Either side true.</summary>
internal sealed record OrNode(ExpressionNode Left, ExpressionNode Right) : ExpressionNode
{
    public override bool Evaluate(IReadOnlyList<string?> row) => Left.Evaluate(row) || Right.Evaluate(row);
}

/// <summary>The operand false.</summary>
internal sealed record NotNode(ExpressionNode Operand) : ExpressionNode
{
    public override bool Evaluate(IReadOnlyList<string?> row) => !Operand.Evaluate(row);
}

/// <summary>A column's value or a literal; a missing cell reads as the empty string.</summary>
internal sealed record Operand(int Column, string? Literal)
{
    public string Value(IReadOnlyList<string?> row) => Column >= 0 ? row[Column] ?? "" : Literal!;

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}

/// <summary>A comparison: numeric when both sides read as numbers, else ordinal on the text.</summary>
internal sealed record CompareNode(Operand Left, string Operator, Operand Right) : ExpressionNode
{
    public override bool Evaluate(IReadOnlyList<string?> row)
    {
        var (a, b) = (Left.Value(row), Right.Value(row));
        var order = Operand.TryNumber(a, out var x) && Operand.TryNumber(b, out var y) ? x.CompareTo(y) : string.CompareOrdinal(a, b);
        return Operator switch
        {
            "==" => order == 0,
            "!=" => order != 0,
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        };
    }
}

/// <summary>Membership in a list of literals, with the same numeric-or-text equality as ==.</summary>
internal sealed record InNode(Operand Value, IReadOnlyList<string> Items) : ExpressionNode
{
    public override bool Evaluate(IReadOnlyList<string?> row)
    {
        var v = Value.Value(row);
        var numeric = Operand.TryNumber(v, out var x);
        foreach (var item in Items)
        {
            if (numeric && Operand.TryNumber(item, out var y) ? x == y : string.Equals(v, item, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
