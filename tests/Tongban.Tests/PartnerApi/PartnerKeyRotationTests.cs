using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.PartnerApi;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.PartnerApi;

/// <summary>The keys that sign ID tokens rotate by adding one: after a restart the new one signs, and the old stays published.</summary>
public sealed class PartnerKeyRotationTests
{
    [Fact]
    public async Task AfterARotation_TheRestartedServerSignsWithTheNewKey_AndStillPublishesTheOld()
    {
        var folder = Directory.CreateTempSubdirectory("tongban-partner-rotation-").FullName;
        string first, added;
        await using (var before = Node(folder))
        {
            await before.InitializeAsync();
            first = Assert.Single(await PublishedKeys(before));
            Assert.Equal(first, await IdTokenKey(before));
            added = before.Services.GetRequiredService<ApiSigningKeys>().Rotate();
        }

        await using var after = Node(folder);
        await after.InitializeAsync();
        var published = await PublishedKeys(after);
        Assert.Equal(2, published.Count);
        Assert.Contains(first, published); // what the old key signed still verifies
        Assert.Contains(added, published);
        Assert.Equal(added, await IdTokenKey(after));
    }

    private static TongbanAppWithClock Node(string keys)
    {
        var node = new TongbanAppWithClock();
        node.Settings["Partners:Api:KeysPath"] = keys;
        return node;
    }

    private static async Task<IReadOnlyList<string>> PublishedKeys(TongbanApp app)
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        using var jwks = JsonDocument.Parse(await client.GetStringAsync(new Uri("/connect/jwks", UriKind.Relative), TestContext.Current.CancellationToken));
        return [.. jwks.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!)];
    }

    /// <summary>The key id in the header of an ID token the server gives a partner now.</summary>
    private static async Task<string> IdTokenKey(TongbanAppWithClock app)
    {
        var partner = await PartnerClient.Register(app, "rotation-check");
        var her = await People.SignInResident(app, People.NewMobile());
        var (verifier, challenge) = PartnerClient.Pkce();
        var (_, tokens) = await partner.RedeemCode(await partner.Consent(her, challenge, "cases.read"), verifier);
        var header = tokens.GetProperty("id_token").GetString()!.Split('.')[0];
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(header)));
        return json.RootElement.GetProperty("kid").GetString()!;
    }
}
