using System.Text;

namespace Recur.Core.Expressions;

/// <summary>Splits a decision expression into tokens, naming the column of anything it cannot read.</summary>
internal static class Tokenizer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["and"] = TokenKind.And, ["or"] = TokenKind.Or, ["not"] = TokenKind.Not, ["in"] = TokenKind.In,
    };

    public static List<Token> Read(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var column = i + 1;
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '(') { tokens.Add(new Token(TokenKind.LeftParen, "(", column)); i++; }
            else if (c == ')') { tokens.Add(new Token(TokenKind.RightParen, ")", column)); i++; }
            else if (c == ',') { tokens.Add(new Token(TokenKind.Comma, ",", column)); i++; }
            else if (c is '=' or '!' or '<' or '>')
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                if (two is "==" or "!=" or "<=" or ">=") { tokens.Add(new Token(TokenKind.Operator, two, column)); i += 2; }
                else if (c is '<' or '>') { tokens.Add(new Token(TokenKind.Operator, c.ToString(), column)); i++; }
                else throw Error(column, $"'{c}' is not an operator; expected one of == != < <= > >=");
            }
            else if (c is '\'' or '"') { tokens.Add(Quoted(text, ref i, c)); }
            else if (char.IsDigit(c) || ((c is '-' or '.') && i + 1 < text.Length && (char.IsDigit(text[i + 1]) || text[i + 1] == '.')))
            {
                var start = i;
                i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] is '.' or 'e' or 'E' || (text[i] is '+' or '-' && text[i - 1] is 'e' or 'E'))) i++;
                var number = text[start..i];
                if (!double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    throw Error(column, $"'{number}' is not a number");
                }
                tokens.Add(new Token(TokenKind.Number, number, column));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.')) i++;
                var word = text[start..i];
                tokens.Add(Keywords.TryGetValue(word, out var kind) ? new Token(kind, word, column) : new Token(TokenKind.Identifier, word, column));
            }
            else throw Error(column, $"unexpected character '{c}'");
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length + 1));
        return tokens;
    }

    // 'text' is a string literal, "text" a column name; the quote is escaped by doubling it.
    private static Token Quoted(string text, ref int i, char quote)
    {
        var column = i + 1;
        var value = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                throw Error(column, quote == '\'' ? "the string is not closed (expected a closing ')" : "the quoted column name is not closed (expected a closing \")");
            }
            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote) { value.Append(quote); i += 2; continue; }
                i++;
                break;
            }
            value.Append(text[i++]);
        }
        return new Token(quote == '\'' ? TokenKind.String : TokenKind.Identifier, value.ToString(), column);
    }

    // The setting that holds the expression (e.g. --positive-when) is put in front by DecisionExpression.Parse.
    public static RecurException Error(int column, string message) => RecurException.Invalid($"at column {column}: {message}");
}
