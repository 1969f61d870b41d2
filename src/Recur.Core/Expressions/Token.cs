namespace Recur.Core.Expressions;

/// <summary>The kinds of token of a decision expression.</summary>
internal enum TokenKind { Identifier, String, Number, Operator, LeftParen, RightParen, Comma, And, Or, Not, In, End }

/// <summary>One token and the 1-based column where it starts in the expression.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Column)
{
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the expression",
        TokenKind.String => $"the string '{Text}'",
        TokenKind.Identifier => $"the column name '{Text}'",
        _ => $"'{Text}'",
    };
}
