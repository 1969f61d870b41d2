namespace Recur.EndToEnd.Tests;

/// <summary>The inputs of examples/german-credit, in the order of its data file (the label, risk, comes last).</summary>
public static class GermanCredit
{
    /// <summary>The 20 input columns.</summary>
    public static readonly string[] Inputs =
    [
        "checking", "duration", "credit_history", "purpose", "amount", "savings", "employment", "installment_rate", "personal_status", "debtors",
        "residence_since", "property", "age", "other_plans", "housing", "existing_credits", "job", "dependents", "telephone", "foreign_worker",
    ];
}
