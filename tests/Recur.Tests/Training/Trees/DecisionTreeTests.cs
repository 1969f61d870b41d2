using Recur.Training.Trees;

namespace Recur.Tests.Training.Trees;

/// <summary>LightGBM's split rules on hand-written model texts: missing values by missing type and default direction, categorical bitsets.</summary>
public sealed class DecisionTreeTests
{
    // One split on feature 0 at 0.5: left leaf 1, right leaf 2. decision_type carries the missing type (bits 2-3) and default-left (bit 1).
    private static TreeEnsemble OneSplit(int decisionType, string objective = "regression") => TreeEnsemble.Parse($"""
        tree
        version=v4
        num_class=1
        num_tree_per_iteration=1
        label_index=0
        max_feature_idx=1
        objective={objective}

        Tree=0
        num_leaves=2
        num_cat=0
        split_feature=0
        split_gain=1
        threshold=0.5
        decision_type={decisionType}
        left_child=-1
        right_child=-2
        leaf_value=1 2
        leaf_weight=1 1
        leaf_count=5 5
        internal_value=0
        internal_weight=0
        internal_count=10
        is_linear=0
        shrinkage=1


        end of trees
        """);

    // One categorical split on feature 1: categories 1 and 33 go left (bitset words 0b10 and 0b10).
    private static readonly TreeEnsemble Categorical = TreeEnsemble.Parse("""
        tree
        version=v4
        num_class=1
        num_tree_per_iteration=1
        label_index=0
        max_feature_idx=1
        objective=binary sigmoid:1

        Tree=0
        num_leaves=2
        num_cat=1
        split_feature=1
        split_gain=1
        threshold=0
        decision_type=1
        left_child=-1
        right_child=-2
        leaf_value=-1 1
        leaf_weight=1 1
        leaf_count=5 5
        internal_value=0
        internal_weight=0
        internal_count=10
        cat_boundaries=0 2
        cat_threshold=2 2
        is_linear=0
        shrinkage=1


        end of trees
        """);

    private static double Value(TreeEnsemble model, double x0, double x1 = 0)
    {
        Span<double> output = stackalloc double[1];
        model.Predict([x0, x1], output);
        return output[0];
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(0.51, 2)]
    [InlineData(-3, 1)]
    public void Predict_NumericSplit_GoesLeftAtOrBelowTheThreshold(double x, double expected) => Assert.Equal(expected, Value(OneSplit(0), x));

    [Theory]
    [InlineData(8 | 2, 1)]   // missing type NaN, default left
    [InlineData(8, 2)]       // missing type NaN, default right
    public void Predict_NaNWithMissingTypeNaN_FollowsTheDefaultDirection(int decisionType, double expected) =>
        Assert.Equal(expected, Value(OneSplit(decisionType), double.NaN));

    [Fact]
    public void Predict_NaNWithMissingTypeNone_IsTreatedAsZero()
    {
        // Zero is below the threshold, so NaN goes left even though the default direction (bit 1) says nothing here.
        Assert.Equal(1, Value(OneSplit(0), double.NaN));
        Assert.Equal(1, Value(OneSplit(2), double.NaN));
    }

    [Theory]
    [InlineData(0.0, 2)]       // zero is "missing": default right although 0 <= 0.5
    [InlineData(1e-36, 2)]     // below LightGBM's zero threshold
    [InlineData(0.25, 1)]
    [InlineData(double.NaN, 2)] // NaN becomes zero, then missing
    public void Predict_MissingTypeZero_SendsZeroTheDefaultWay(double x, double expected) => Assert.Equal(expected, Value(OneSplit(4), x));

    [Theory]
    [InlineData(1, true)]
    [InlineData(33, true)]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(64, false)]          // past the bitset's last word
    [InlineData(-1, false)]          // negative: missing
    [InlineData(double.NaN, false)]  // missing
    public void Predict_CategoricalSplit_GoesLeftOnlyForCategoriesInTheBitset(double category, bool left)
    {
        var p = Value(Categorical, 0, category);

        Assert.Equal(1 / (1 + Math.Exp(left ? 1 : -1)), p, 15);
    }

    [Fact]
    public void Predict_Multiclass_SoftmaxOverInterleavedTrees()
    {
        var text = """
            tree
            version=v4
            num_class=2
            num_tree_per_iteration=2
            max_feature_idx=0
            objective=multiclass num_class:2

            Tree=0
            num_leaves=1
            num_cat=0
            split_feature=
            threshold=
            decision_type=
            left_child=
            right_child=
            leaf_value=1
            is_linear=0

            Tree=1
            num_leaves=1
            num_cat=0
            split_feature=
            threshold=
            decision_type=
            left_child=
            right_child=
            leaf_value=3
            is_linear=0

            Tree=2
            num_leaves=1
            num_cat=0
            split_feature=
            threshold=
            decision_type=
            left_child=
            right_child=
            leaf_value=0.5
            is_linear=0


            end of trees
            """;
        var e = Assert.Throws<FormatException>(() => TreeEnsemble.Parse(text));
        Assert.Contains("whole iterations", e.Message);

        var model = TreeEnsemble.Parse(text.Replace("leaf_value=0.5\nis_linear=0\n", "leaf_value=0.5\nis_linear=0\n\nTree=3\nnum_leaves=1\nnum_cat=0\nsplit_feature=\nthreshold=\ndecision_type=\nleft_child=\nright_child=\nleaf_value=-0.5\nis_linear=0\n"));
        Span<double> output = stackalloc double[2];
        model.Predict([0.0], output);

        // Class 0: 1 + 0.5 = 1.5; class 1: 3 - 0.5 = 2.5.
        Assert.Equal(1 / (1 + Math.Exp(1)), output[0], 15);
        Assert.Equal(1 / (1 + Math.Exp(-1)), output[1], 15);
    }

    [Fact]
    public void Parse_LinearTree_FailsNamingTheTree()
    {
        var text = TreeText().Replace("is_linear=0", "is_linear=1");

        var e = Assert.Throws<FormatException>(() => TreeEnsemble.Parse(text));

        Assert.Contains("Tree=0 is a linear tree", e.Message);
    }

    [Fact]
    public void Parse_UnsupportedObjective_FailsNamingIt()
    {
        var e = Assert.Throws<FormatException>(() => TreeEnsemble.Parse(TreeText().Replace("objective=regression", "objective=poisson")));

        Assert.Contains("objective 'poisson'", e.Message);
    }

    [Fact]
    public void Parse_ArrayOfTheWrongLength_FailsNamingTheKey()
    {
        var e = Assert.Throws<FormatException>(() => TreeEnsemble.Parse(TreeText().Replace("leaf_value=1 2", "leaf_value=1 2 3")));

        Assert.Contains("'leaf_value' holds 3 values, expected 2", e.Message);
    }

    private static string TreeText() => """
        tree
        version=v4
        num_tree_per_iteration=1
        max_feature_idx=0
        objective=regression

        Tree=0
        num_leaves=2
        num_cat=0
        split_feature=0
        threshold=0.5
        decision_type=0
        left_child=-1
        right_child=-2
        leaf_value=1 2
        is_linear=0


        end of trees
        """;
}
