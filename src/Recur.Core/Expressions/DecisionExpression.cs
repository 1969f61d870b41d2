namespace Recur.Core.Expressions;

/// <summary>
/// A parsed <c>--positive-when</c> expression: which rows count as predicted positive, e.g.
/// <c>score_text != 'Low'</c> or <c>decile_score &gt;= 5 and "age cat" in ('25 - 45', 'Less than 25')</c>.
/// Column names are bare identifiers or "double-quoted"; strings are 'single-quoted'; numbers compare as
/// numbers when both sides read as numbers; <c>== != &lt; &lt;= &gt; &gt;=</c>, <c>in (…)</c>, <c>not in (…)</c>,
/// <c>and</c>, <c>or</c>, <c>not</c> and parentheses. A missing cell reads as the empty string ''.
/// </summary>
public sealed class DecisionExpression
{
    private readonly ExpressionNode _root;

    private DecisionExpression(string text, ExpressionNode root, IReadOnlyList<string> columns)
    {
        Text = text;
        _root = root;
        Columns = columns;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The columns it was parsed against; <see cref="Evaluate"/> takes a row's values in this order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>
    /// Parses <paramref name="text"/> against the available <paramref name="columns"/>; errors start with
    /// <paramref name="setting"/>, the option or recur.yaml key that holds the expression.
    /// </summary>
    /// <exception cref="RecurException">
    /// The expression does not parse (the message names the column in the expression and what was expected), or names an unknown column.
    /// </exception>
    public static DecisionExpression Parse(string text, IReadOnlyList<string> columns, string setting = "--positive-when")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(columns);
        try
        {
            if (string.IsNullOrWhiteSpace(text)) throw Tokenizer.Error(1, "the expression is empty; expected a comparison such as score_text != 'Low'");
            var root = new ExpressionParser(Tokenizer.Read(text), columns).ParseAll();
            return new DecisionExpression(text, root, columns);
        }
        catch (RecurException e) when (e.Field is null)
        {
            throw RecurException.Invalid($"{setting}: {e.Message}", setting);
        }
    }

    /// <summary>The column names an expression mentions, in order of first mention (empty when it does not tokenize).</summary>
    public static IReadOnlyList<string> ColumnsOf(string text)
    {
        try
        {
            return Tokenizer.Read(text ?? "").Where(t => t.Kind == TokenKind.Identifier).Select(t => t.Text).Distinct().ToList();
        }
        catch (RecurException)
        {
            return [];
        }
    }

    /// <summary>Whether the row (its values in the order of <see cref="Columns"/>; null for missing) satisfies the expression.</summary>
    public bool Evaluate(IReadOnlyList<string?> row) => _root.Evaluate(row);
}
