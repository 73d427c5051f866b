using System.Net;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Sms;

/// <summary>The app in production, sending sign-in codes through the HTTP gateway adapter to a real local server.</summary>
public sealed class HttpSmsGatewayTests : IClassFixture<FakeSmsGateway>, IAsyncLifetime
{
    private readonly FakeSmsGateway _gateway;
    private readonly TongbanApp _app;

    public HttpSmsGatewayTests(FakeSmsGateway gateway)
    {
        _gateway = gateway;
        _app = new TongbanApp { Environment = "Production" };
        _app.Settings["Sms:Gateway:Url"] = gateway.Url.ToString();
        _app.Settings["Sms:Gateway:Key"] = "secret-key";
    }

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task ASignInCode_GoesToTheGateway_WithTheKey_InE164()
    {
        _gateway.Down = false;
        var mobile = People.NewMobile();

        var (status, _, _) = await new FormClient(_app).Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = mobile });

        Assert.Equal(HttpStatusCode.Redirect, status);
        var sent = Assert.Single(_gateway.Received, m => m.To == "+86" + mobile);
        Assert.Equal("Bearer secret-key", sent.Authorization);
        Assert.Matches(@"\b\d{6}\b", sent.Text);
    }

    [Fact]
    public async Task AGatewayThatIsDown_GivesAClearMessage_AndTheResidentCanTryAgainAtOnce()
    {
        var mobile = People.NewMobile();
        _gateway.Down = true;

        var (status, html, _) = await new FormClient(_app).Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = mobile });
        _gateway.Down = false;
        var (retry, _, _) = await new FormClient(_app).Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = mobile });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("could not send the text message", html, StringComparison.Ordinal);
        Assert.Contains(mobile, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, retry);
    }
}
