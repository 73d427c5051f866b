using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Tongban.Tests.PartnerApi;

/// <summary>One message as the partner's server received it.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body)
{
    public Dictionary<string, string> Headers => new() { ["webhook-id"] = Id, ["webhook-timestamp"] = Timestamp, ["webhook-signature"] = Signature };
}

/// <summary>
/// A partner's webhook receiver: a real HTTP server on a local port that keeps what it is sent and answers as a test
/// says: 200, another status, slowly, or not at all (stopped, its port refusing connections, then started again on it).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? _server;
    private int _port;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>What it answers, after <see cref="Delay"/>.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public Uri Url => new($"http://127.0.0.1:{_port}/tongban/webhook");

    public static async Task<WebhookReceiver> Start()
    {
        var receiver = new WebhookReceiver();
        await receiver.Up();
        return receiver;
    }

    /// <summary>Listens (again, on the same port once it had one).</summary>
    public async Task Up()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        _server = builder.Build();
        _server.MapPost("/tongban/webhook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers;
            Received.Enqueue(new(headers["webhook-id"].ToString(), headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(), body));
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // Tongban stopped waiting: so does the receiver.
            }

            return Results.StatusCode((int)Answer);
        });
        await _server.StartAsync();
        _port = new Uri(_server.Urls.First()).Port;
    }

    /// <summary>Stops listening: connections to its port are refused until <see cref="Up"/>.</summary>
    public async Task Down()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    public ValueTask DisposeAsync() => new(Down());
}
