using Recur.Core;
using Recur.Core.Expressions;
using Xunit;

namespace Recur.Tests.Core.Expressions;

public class DecisionExpressionTests
{
    private static readonly string[] Columns = ["score_text", "decile_score", "age cat", "race"];

    private static bool Eval(string expression, params string?[] row) => DecisionExpression.Parse(expression, Columns).Evaluate(row);

    [Theory]
    [InlineData("score_text != 'Low'", "Medium", "5", true)]
    [InlineData("score_text != 'Low'", "Low", "3", false)]
    [InlineData("decile_score >= 5", "x", "10", true)]   // numeric, not "10" < "5" as text
    [InlineData("decile_score < 5", "x", "10", false)]
    [InlineData("score_text in ('Medium', 'High')", "High", "9", true)]
    [InlineData("score_text not in ('Medium', 'High')", "High", "9", false)]
    [InlineData("decile_score in (1, 2, 3.0)", "Low", "3", true)]
    [InlineData("not score_text == 'Low' and decile_score > 4", "High", "8", true)]
    [InlineData("score_text == 'Low' or decile_score > 4 and decile_score < 6", "High", "8", false)]  // and binds tighter
    [InlineData("(score_text == 'Low' or decile_score > 4) and decile_score < 6", "High", "8", false)]
    [InlineData("(score_text == 'Low' or decile_score > 4) and decile_score < 9", "High", "8", true)]
    [InlineData("SCORE_TEXT == 'x'", "x", "1", false, true)]
    public void Evaluate_Expression_DecidesTheRow(string expression, string text, string decile, bool expected, bool unknownColumn = false)
    {
        if (unknownColumn)
        {
            Assert.Throws<RecurException>(() => Eval(expression, text, decile, null, null));
            return;
        }
        Assert.Equal(expected, Eval(expression, text, decile, "25 - 45", "Other"));
    }

    [Fact]
    public void Evaluate_QuotedColumnAndMissingValue_MissingReadsAsEmpty()
    {
        Assert.True(Eval("\"age cat\" == '25 - 45'", "Low", "1", "25 - 45", null));
        Assert.True(Eval("race == ''", "Low", "1", "25 - 45", null));
        Assert.True(Eval("score_text == 'O''Brien'", "O'Brien", "1", null, null));
    }

    [Theory]
    [InlineData("score_text !=", 14, "expected a column name, a 'string' or a number but found the end of the expression")]
    [InlineData("score_text = 'Low'", 12, "'=' is not an operator")]
    [InlineData("scor_text == 'Low'", 1, "unknown column 'scor_text' (columns: score_text, decile_score, age cat, race)")]
    [InlineData("(score_text == 'Low'", 21, "expected ')'")]
    [InlineData("score_text == 'Low", 15, "the string is not closed")]
    [InlineData("score_text in 'Low'", 15, "expected '(' to open the list after 'in'")]
    [InlineData("score_text == 'Low' decile_score", 21, "expected 'and', 'or' or the end of the expression but found the column name 'decile_score'")]
    [InlineData("score_text", 11, "expected a comparison (== != < <= > >=) or 'in'")]
    [InlineData("score_text == 'Low' and", 24, "expected a column name")]
    [InlineData("decile_score > 5 # comment", 18, "unexpected character '#'")]
    [InlineData("   ", 1, "the expression is empty")]
    public void Parse_BadExpression_NamesTheColumnAndWhatWasExpected(string expression, int column, string message)
    {
        var error = Assert.Throws<RecurException>(() => DecisionExpression.Parse(expression, Columns));

        Assert.StartsWith($"--positive-when: at column {column}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
