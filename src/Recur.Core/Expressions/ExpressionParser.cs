namespace Recur.Core.Expressions;

/// <summary>
/// Recursive descent over the tokens:
/// <c>or := and ('or' and)*; and := unary ('and' unary)*; unary := 'not' unary | '(' or ')' | comparison;
/// comparison := operand (op operand | 'not'? 'in' '(' literal (',' literal)* ')'); operand := column | string | number</c>.
/// </summary>
internal sealed class ExpressionParser(List<Token> tokens, IReadOnlyList<string> columns)
{
    private int _next;

    private Token Peek => tokens[_next];

    public ExpressionNode ParseAll()
    {
        var root = Or();
        if (Peek.Kind != TokenKind.End) throw Expected("'and', 'or' or the end of the expression");
        return root;
    }

    private ExpressionNode Or()
    {
        var left = And();
        while (Peek.Kind == TokenKind.Or) { _next++; left = new OrNode(left, And()); }
        return left;
    }

    private ExpressionNode And()
    {
        var left = Unary();
        while (Peek.Kind == TokenKind.And) { _next++; left = new AndNode(left, Unary()); }
        return left;
    }

    private ExpressionNode Unary()
    {
        if (Peek.Kind == TokenKind.Not) { _next++; return new NotNode(Unary()); }
        if (Peek.Kind == TokenKind.LeftParen)
        {
            _next++;
            var inner = Or();
            if (Peek.Kind != TokenKind.RightParen) throw Expected("')'");
            _next++;
            return inner;
        }
        return Comparison();
    }

    private ExpressionNode Comparison()
    {
        var left = Operand();
        if (Peek.Kind == TokenKind.Operator)
        {
            var op = tokens[_next++].Text;
            return new CompareNode(left, op, Operand());
        }
        var negated = false;
        if (Peek.Kind == TokenKind.Not) { _next++; negated = true; if (Peek.Kind != TokenKind.In) throw Expected("'in' after 'not'"); }
        if (Peek.Kind != TokenKind.In) throw Expected("a comparison (== != < <= > >=) or 'in'");
        _next++;
        if (Peek.Kind != TokenKind.LeftParen) throw Expected("'(' to open the list after 'in'");
        _next++;
        var items = new List<string> { Literal() };
        while (Peek.Kind == TokenKind.Comma) { _next++; items.Add(Literal()); }
        if (Peek.Kind != TokenKind.RightParen) throw Expected("',' or ')' in the list after 'in'");
        _next++;
        ExpressionNode node = new InNode(left, items);
        return negated ? new NotNode(node) : node;
    }

    private Operand Operand()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                _next++;
                var index = IndexOf(token.Text);
                if (index < 0)
                {
                    throw Tokenizer.Error(token.Column, $"unknown column '{token.Text}' (columns: {string.Join(", ", columns)}); quote text values with '…'");
                }
                return new Operand(index, null);
            case TokenKind.String or TokenKind.Number:
                _next++;
                return new Operand(-1, token.Text);
            default:
                throw Expected("a column name, a 'string' or a number");
        }
    }

    private string Literal()
    {
        var token = Peek;
        if (token.Kind is not (TokenKind.String or TokenKind.Number)) throw Expected("a 'string' or a number in the list");
        _next++;
        return token.Text;
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < columns.Count; i++) if (columns[i] == name) return i;
        return -1;
    }

    private RecurException Expected(string what) => Tokenizer.Error(Peek.Column, $"expected {what} but found {Peek.Describe()}");
}
