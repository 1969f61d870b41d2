using Recur.Core.Data;
using Recur.Features.Transforms;
using static Recur.Tests.Features.FeatureTables;

namespace Recur.Tests.Features.Transforms;

/// <summary>tfidf on three tiny documents: vocabulary, smoothed idf, sublinear tf, unit rows and the text options.</summary>
public sealed class TfidfTests
{
    private static readonly TextColumn Documents = Text("t", "The cat sat", "the dog sat.", null, "A cat ran");

    private static readonly double Common = Math.Log(4.0 / 3.0) + 1; // in 2 of 3 documents
    private static readonly double Rare = Math.Log(4.0 / 2.0) + 1;   // in 1 of 3

    private static Tfidf.Fitted FitDocuments(params (string, string)[] settings) =>
        Fit<Tfidf.Fitted>("tfidf", Documents, [("min_df", "1"), .. settings]);

    private static Dictionary<string, double> Row(Tfidf.Fitted fitted, string? text)
    {
        var outputs = fitted.Apply([Text("t", text)]);
        return fitted.Terms.Select((term, i) => (term, ((NumericColumn)outputs[i]).Values[0])).ToDictionary(p => p.term, p => p.Item2);
    }

    [Fact]
    public void Fit_MinDfOne_VocabularyIsSortedTokensOfTwoOrMoreCharacters()
    {
        var fitted = FitDocuments();

        Assert.Equal(["cat", "dog", "ran", "sat", "the"], fitted.Terms);
        Assert.Equal(3, fitted.Documents);
        Assert.Equal("t:tfidf:cat", fitted.Outputs()[0].Name);
    }

    [Fact]
    public void Fit_Idf_IsSmoothedLogOfDocumentCounts()
    {
        var fitted = FitDocuments();

        Assert.Equal(new[] { Common, Rare, Rare, Common, Common }, fitted.Idf);
    }

    [Fact]
    public void Fit_DefaultMinDf_DropsTermsOfOneDocument()
    {
        var fitted = Fit<Tfidf.Fitted>("tfidf", Documents);

        Assert.Equal(["cat", "sat", "the"], fitted.Terms);
    }

    [Fact]
    public void Fit_MaxTerms_KeepsTermsInMostDocumentsThenByOrdinalOrder()
    {
        var fitted = FitDocuments(("max_terms", "2"));

        Assert.Equal(["cat", "sat"], fitted.Terms);
    }

    [Fact]
    public void Apply_TrainingDocument_RowHasUnitLength()
    {
        var row = Row(FitDocuments(), "the dog sat");

        var norm = Math.Sqrt(2 * Common * Common + Rare * Rare);
        Assert.Equal(Common / norm, row["the"], 12);
        Assert.Equal(Rare / norm, row["dog"], 12);
        Assert.Equal(0, row["cat"]);
        Assert.Equal(1, Math.Sqrt(row.Values.Sum(v => v * v)), 12);
    }

    [Fact]
    public void Apply_RepeatedWord_UsesSublinearTermFrequency()
    {
        var row = Row(FitDocuments(), "cat cat cat dog");

        var cat = (1 + Math.Log(3)) * Common;
        var norm = Math.Sqrt(cat * cat + Rare * Rare);
        Assert.Equal(cat / norm, row["cat"], 12);
        Assert.Equal(Rare / norm, row["dog"], 12);
    }

    [Fact]
    public void Apply_SublinearOff_UsesRawCounts()
    {
        var row = Row(FitDocuments(("sublinear", "false")), "cat cat cat dog");

        var cat = 3 * Common;
        Assert.Equal(cat / Math.Sqrt(cat * cat + Rare * Rare), row["cat"], 12);
    }

    [Fact]
    public void Fit_WordBigrams_AddsSpaceJoinedPairs()
    {
        var fitted = FitDocuments(("word_ngrams", "2"));

        Assert.Contains("the cat", fitted.Terms);
        Assert.Contains("cat ran", fitted.Terms);
        Assert.DoesNotContain("sat the", fitted.Terms);
        Assert.True(Row(fitted, "the cat")["the cat"] > 0);
    }

    [Fact]
    public void Fit_CharNgrams_AddsTildePrefixedGramsOfPaddedWords()
    {
        var fitted = FitDocuments(("char_ngrams", "3"));

        Assert.Contains("~ ca", fitted.Terms);
        Assert.Contains("~cat", fitted.Terms);
        Assert.Contains("~at ", fitted.Terms);
        Assert.Contains("cat", fitted.Terms);
    }

    [Fact]
    public void Fit_EnglishStopWords_DropsThe()
    {
        var fitted = FitDocuments(("stop_words", "english"));

        Assert.Equal(["cat", "dog", "ran", "sat"], fitted.Terms);
    }

    [Fact]
    public void Fit_MaxLength_CutsTextsBeforeCounting()
    {
        // "The cat sat" -> "the cat", "the dog sat." -> "the dog", "A cat ran" -> "a cat r".
        var fitted = FitDocuments(("max_length", "7"));

        Assert.Equal(["cat", "dog", "the"], fitted.Terms);
        Assert.All(Row(fitted, "zzzzzzz cat").Values, v => Assert.Equal(0, v));
    }

    [Theory]
    [InlineData("unicorns gallop")]
    [InlineData("")]
    [InlineData("!!! ??? 1")]
    [InlineData(null)]
    public void Apply_NoKnownTerm_GivesAllZeroRow(string? text)
    {
        Assert.All(Row(FitDocuments(), text).Values, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Apply_VeryLongText_DoesNotThrow()
    {
        var fitted = FitDocuments(("max_length", "100"));

        var row = Row(fitted, string.Concat(Enumerable.Repeat("cat ", 250_000)));

        Assert.Equal(1, row["cat"], 12);
    }
}
