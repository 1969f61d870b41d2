namespace Recur.EndToEnd.Tests;

/// <summary>The first row of the Adult training data as a prediction request's features.</summary>
public static class AdultRequest
{
    public const string Features = """{"age":39,"workclass":"State-gov","fnlwgt":77516,"education":"Bachelors","education-num":13,"marital-status":"Never-married","occupation":"Adm-clerical","relationship":"Not-in-family","race":"White","sex":"Male","capital-gain":2174,"capital-loss":0,"hours-per-week":40,"native-country":"United-States"}""";
}
