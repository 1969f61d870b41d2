using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// framing.overfit (examples/dew-point): a full table of a known function trains on every row without regularisation,
/// the report gives the error on the whole grid, the served model reproduces a grid point; a sample of the same grid
/// is refused before any fitting, with the reason.
/// </summary>
public sealed class OverfitTests
{
    [Fact]
    public async Task DewPointGrid_TrainedInOverfitMode_ReproducesTheTableOverHttp()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "dew-point");
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);

        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;

        Assert.Equal(494, train.GetProperty("train_rows").GetInt32());
        Assert.Equal(494, train.GetProperty("evaluation_rows").GetInt32());
        var candidate = Assert.Single(train.GetProperty("candidates").EnumerateArray());
        Assert.Equal("overfit", candidate.GetProperty("framing").GetString());
        Assert.Equal("lightgbm-exact", candidate.GetProperty("trainer").GetString());
        var grid = train.GetProperty("overfit");
        Assert.Equal(494, grid.GetProperty("rows").GetInt32());
        Assert.Equal(["temperature_c", "relative_humidity"], grid.GetProperty("inputs").EnumerateArray().Select(i => i.GetString()));
        Assert.True(grid.GetProperty("max_abs_error").GetDouble() <= 0.01, grid.ToString());
        Assert.Equal(494, grid.GetProperty("exact").GetInt32());
        Assert.True(train.GetProperty("gate").GetProperty("promote").GetBoolean(), train.GetProperty("gate").GetProperty("reason").GetString());
        AssertReport(train, root, "Useful overfitting: error on the full grid", "494 of 494 grid points");

        await using var server = await ServerProcess.StartAsync(root);
        using var http = server.Client();
        using var response = await http.PostAsync("/v1/models/dew-point:predict", Json(
            """{"instances":[{"key":"p-1","features":{"temperature_c":20,"relative_humidity":50}},{"key":"p-2","features":{"temperature_c":-10,"relative_humidity":10}}]}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var predictions = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions");
        Assert.Equal(9.255, predictions[0].GetProperty("value").GetDouble(), 0.01);
        Assert.Equal(-35.958, predictions[1].GetProperty("value").GetDouble(), 0.01);
    }

    [Fact]
    public async Task SampleOfTheGrid_Refused_SayingHowManyCellsAreMissing()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "dew-point");
        var csv = Path.Combine(root, "data", "dew-point.csv");
        var lines = File.ReadAllLines(csv);
        // Every seventh grid point left out: a sample, not the table.
        File.WriteAllLines(csv, [lines[0], .. lines.Skip(1).Where((_, i) => i % 7 != 3)]);
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);

        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("framing.overfit: the inputs do not form a full grid: 71 of 494 cells are missing (temperature_c × relative_humidity: 26 × 19 distinct values), e.g. temperature_c=-10, relative_humidity=25", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("recur.yaml: line 16, column ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameInputsWithTwoOutputs_Refused_NamingBothRows()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "dew-point");
        var csv = Path.Combine(root, "data", "dew-point.csv");
        File.AppendAllLines(csv, ["20,50," + 9.5.ToString(CultureInfo.InvariantCulture)]);
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);

        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the data is a sample, not a function table: inputs temperature_c=20, relative_humidity=50 give 9.255 at data row 294 and 9.5 at data row 495", result.Stderr, StringComparison.Ordinal);
    }
}
