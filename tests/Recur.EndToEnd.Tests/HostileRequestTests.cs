using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// `recur serve` probed as an attacker or a careless client would: a seeded fuzzer over loopback, then
/// each defect class on its own. A client's mistake is never a 5xx.
/// </summary>
public sealed class HostileRequestTests(TrainedProject project, ITestOutputHelper output) : IClassFixture<TrainedProject>
{
    private const string Features = AdultRequest.Features;
    private const string Predict = $$"""{"instances":[{"key":"a-1","features":{{Features}}}]}""";
    private const string Feedback = """{"feedback":[{"key":"a-1","label":">50K"},{"key":"a-2","label":"<=50K"}]}""";

    private static readonly string[] Paths = ["/v1/models/adult:predict", "/v1/models/adult/versions/1:predict", "/v1/models/adult:predict?alias=champion", "/v1/feedback"];

    // Pieces a fuzzer splices into valid bodies: the defects that once answered 500, and their neighbours.
    private static readonly byte[][] Splices =
    [
        "\"\\ud800\""u8.ToArray(), "\"\\udfff\\ud800\""u8.ToArray(), [0x22, 0xC3, 0x28, 0x22], [0x22, 0xFF, 0xFE, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
        "1e400"u8.ToArray(), "-1e400"u8.ToArray(), "1e-400"u8.ToArray(), "null"u8.ToArray(), "[]"u8.ToArray(), "{}"u8.ToArray(), "true"u8.ToArray(),
        "\"\""u8.ToArray(), "\"age\":1,\"age\":2,"u8.ToArray(), "\"key\":\"k\",\"key\":\"j\","u8.ToArray(), "[[[[[[[[[[[[[[[[[[[["u8.ToArray(),
        "99999999999999999999999999999"u8.ToArray(), "\"\\u0000\""u8.ToArray(), "{\"\\ud800\":1}"u8.ToArray(), "\"x"u8.ToArray(), "}"u8.ToArray(), ","u8.ToArray(),
    ];

    private static readonly string?[] ContentTypes = ["application/json", "application/json", "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", null];

    [Fact]
    public async Task Fuzz_ThreeThousandSeededRequests_NeverAnswer5xx()
    {
        await using var server = await ServerProcess.StartAsync(project.Root);
        using var http = server.Client();
        var random = new Random(20261129);
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var path = Paths[random.Next(Paths.Length)];
            var body = Mutate(random, path.EndsWith("feedback", StringComparison.Ordinal) ? Feedback : Predict);
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            var type = ContentTypes[random.Next(ContentTypes.Length)];
            if (type is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500 && failures.Count < 5) failures.Add($"{status} {path}: {Encoding.UTF8.GetString(body)[..Math.Min(300, body.Length)]} -> {await response.Content.ReadAsStringAsync()}");
        }

        output.WriteLine("fuzz: 3000 requests; " + string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(statuses.GetValueOrDefault(200) > 100, "the fuzzer should also send valid requests");
        Assert.True(statuses.GetValueOrDefault(400) > 100, "the fuzzer should mostly send broken requests");
    }

    private static byte[] Mutate(Random random, string valid)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(valid));
        var edits = random.Next(4);   // 0 edits: a valid request
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(5))
            {
                case 0: bytes.InsertRange(at, Splices[random.Next(Splices.Length)]); break;
                case 1: if (at < bytes.Count) bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.RemoveRange(at, Math.Min(random.Next(1, 8), bytes.Count - at)); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default:
                    // Replace a value after a colon with a splice: the most direct way to a field.
                    var colon = bytes.IndexOf((byte)':', Math.Min(at, bytes.Count - 1));
                    if (colon >= 0) bytes.InsertRange(colon + 1, [.. Splices[random.Next(Splices.Length)], (byte)',']);
                    break;
            }
        }
        return [.. bytes];
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static ByteArrayContent Json(byte[] body) => new(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

    [Theory]
    [InlineData("""{"instances":[{"key":"\ud800","features":FEATURES}]}""", "instances[0].key")]
    [InlineData("""{"instances":[{"key":"k","features":FEATURES}]}""", "instances[0].features.workclass", "State-gov", "\\udc00")]
    [InlineData("""{"instances":[{"key":"k","features":FEATURES}]}""", "instances[0].features.age", "39", "1e400")]
    [InlineData("""{"instances":[{"key":"k","key":"j","features":FEATURES}]}""", "body")]
    [InlineData("""{"feedback":[{"key":"\ud800","label":">50K"}]}""", "feedback[0].key")]
    [InlineData("""{"feedback":[{"key":"k","label":"banana"}]}""", "feedback[0].label")]
    public async Task Post_HostileField_Answers400NamingTheField(string template, string field, string? find = null, string? replace = null)
    {
        await using var server = await ServerProcess.StartAsync(project.Root);
        using var http = server.Client();
        var features = find is null ? Features : Features.Replace(find, replace!, StringComparison.Ordinal).Replace("\"1e400\"", "1e400", StringComparison.Ordinal);
        var body = template.Replace("FEATURES", features, StringComparison.Ordinal);

        using var response = await http.PostAsync(template.Contains("feedback") ? "/v1/feedback" : "/v1/models/adult:predict", Json(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(field, (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Post_InvalidUtf8InAValue_Answers400NamingTheField()
    {
        await using var server = await ServerProcess.StartAsync(project.Root);
        using var http = server.Client();
        var text = Predict.Replace("State-gov", "BAD", StringComparison.Ordinal);
        var at = text.IndexOf("BAD", StringComparison.Ordinal);
        byte[] body = [.. Encoding.UTF8.GetBytes(text[..at]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(text[(at + 3)..])];

        using var response = await http.PostAsync("/v1/models/adult:predict", Json(body));

        Assert.Equal("instances[0].features.workclass", (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Answers413()
    {
        await using var server = await ServerProcess.StartAsync(project.Root);

        // Over a raw socket, so the test does not race the client: the headers declare 9 MiB and ask for
        // 100-continue, and the body is never sent. The server must refuse on the declared length alone.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Address.Host, server.Address.Port);
        await using var stream = tcp.GetStream();
        var head = $"POST /v1/models/adult:predict HTTP/1.1\r\nHost: {server.Address.Authority}\r\nContent-Type: application/json\r\n" +
                   $"Content-Length: {9 * 1024 * 1024}\r\nExpect: 100-continue\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = new StringBuilder();
        var buffer = new byte[8192];
        while (!answer.ToString().Contains("serving.max_body_bytes", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0) break;
            answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        var text = answer.ToString();
        Assert.StartsWith("HTTP/1.1 413", text, StringComparison.Ordinal);
        Assert.Contains("serving.max_body_bytes", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Post_NotJson_Answers415(string? contentType)
    {
        await using var server = await ServerProcess.StartAsync(project.Root);
        using var http = server.Client();
        foreach (var (path, body) in new[] { ("/v1/feedback", Feedback), ("/v1/models/adult:predict", Predict) })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

            using var response = await http.PostAsync(path, content);

            await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        }
    }

    [Fact]
    public async Task Request_ForeignHostName_IsRefusedOnLoopback()
    {
        await using var server = await ServerProcess.StartAsync(project.Root);
        using var http = server.Client();
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/v1/models") { Headers = { Host = "attacker.example" } };
        using var local = new HttpRequestMessage(HttpMethod.Get, "/v1/models") { Headers = { Host = "localhost" } };

        using var refused = await http.SendAsync(foreign);
        using var answered = await http.SendAsync(local);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }
}
