using System.Text.Json;

// The bare endpoint: Kestrel, one minimal-API route, the body parsed into a dictionary per instance
// (as much work as any server must do to read it), and a constant answer. No model, no log, no store.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var answer = """{"predictions":[{"key":"k","label":"<=50K","score":0.1,"model_version":1}]}"""u8.ToArray();

app.MapPost("/v1/models/{name}:predict", async (string name, HttpRequest request, HttpResponse response) =>
{
    using var document = await JsonDocument.ParseAsync(request.Body);
    var instances = new List<Dictionary<string, JsonElement>>();
    foreach (var instance in document.RootElement.GetProperty("instances").EnumerateArray())
    {
        var row = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in instance.GetProperty("features").EnumerateObject()) row[property.Name] = property.Value;
        instances.Add(row);
    }
    response.ContentType = "application/json";
    response.ContentLength = answer.Length;
    await response.Body.WriteAsync(answer);
});
app.Run();
