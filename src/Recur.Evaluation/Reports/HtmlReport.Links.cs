namespace Recur.Evaluation.Reports;

public sealed partial class HtmlReport
{
    /// <summary>Adds a paragraph of text followed by a link to a page beside this one (a relative address).</summary>
    public HtmlReport Link(string text, string href, string label)
    {
        _body.Append("<p>").Append(E(text)).Append(" <a href=\"").Append(E(href)).Append("\">").Append(E(label)).Append("</a></p>\n");
        return this;
    }
}
