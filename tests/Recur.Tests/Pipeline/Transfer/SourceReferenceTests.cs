using Recur.Pipeline.Transfer;

namespace Recur.Tests.Pipeline.Transfer;

public sealed class SourceReferenceTests
{
    [Theory]
    [InlineData("sentiment@champion", "sentiment", "champion", null)]
    [InlineData("sentiment:3", "sentiment", null, 3)]
    public void TryParse_EitherForm_ReadsIt(string text, string model, string? alias, int? version)
    {
        Assert.True(SourceReference.TryParse(text, out var r));
        Assert.Equal((model, alias, version), (r.Model, r.Alias, r.Version));
        Assert.Equal(text, r.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("sentiment")]
    [InlineData("sentiment@")]
    [InlineData("sentiment:0")]
    [InlineData("sentiment:v2")]
    [InlineData("@champion")]
    public void TryParse_NeitherForm_False(string text) => Assert.False(SourceReference.TryParse(text, out _));
}
