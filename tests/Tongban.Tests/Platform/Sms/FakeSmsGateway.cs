using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Tests.Platform.Sms;

/// <summary>A real HTTP server on a free local port that behaves like an SMS gateway: it keeps what it is sent, or fails on request.</summary>
public sealed class FakeSmsGateway : IAsyncLifetime
{
    private WebApplication? _server;

    public ConcurrentQueue<(string? Authorization, string To, string Text)> Received { get; } = new();

    /// <summary>While true, the gateway answers 503, as a gateway under maintenance does.</summary>
    public bool Down { get; set; }

    public Uri Url { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapPost("/v1/messages", async (HttpContext context) =>
        {
            if (Down)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            Received.Enqueue((context.Request.Headers.Authorization, body.RootElement.GetProperty("to").GetString()!, body.RootElement.GetProperty("text").GetString()!));
            return Results.Accepted();
        });
        await _server.StartAsync();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(new Uri(address), "/v1/messages");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
