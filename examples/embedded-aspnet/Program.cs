using Recur.Core;
using Recur.Embedded;

// A loan service with its own endpoint and business rule, scoring with the project's champion in-process.
var builder = WebApplication.CreateSlimBuilder(args);
var project = builder.Configuration["Recur:Project"] ?? throw new InvalidOperationException("set Recur:Project (e.g. --Recur:Project ../german-credit)");
builder.Services.AddRecurPredictor(project, o => o.Alias = builder.Configuration["Recur:Alias"] ?? "champion");
var app = builder.Build();

app.MapPost("/loans/{id}/decision", async (string id, Dictionary<string, object?> applicant, IRecurPredictor predictor, CancellationToken ct) =>
{
    try
    {
        // Same contract checks, decision policy and prediction log as `recur serve`; the key joins later feedback.
        var p = await predictor.PredictAsync(id, applicant, ct);
        return Results.Ok(new { id, risk = p.Label, score = p.Score, model_version = p.ModelVersion, refer_to_human = p.Score is > 0.4 and < 0.6 });
    }
    catch (RecurException e) when (e.Kind != FailureKind.Unavailable)
    {
        return Results.Problem(e.Message, statusCode: e.Kind == FailureKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = e.Field });
    }
});
app.Run();
