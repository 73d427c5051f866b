using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Jose;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Certificates;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Certificates;

/// <summary>
/// E-certificates as a verifier outside the city meets them: issued when a card is approved, verified with a JOSE library
/// that did not sign them (jose-jwt) against the DID document fetched over HTTP, their status read from the published
/// list decoded by Python, their place in the log proven with RFC 9162's own definitions, and every verdict in words.
/// </summary>
public sealed class CertificateTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A resident of 76 whose ID number is proven, with her senior citizen card approved by the published rules and issued.</summary>
    private async Task<(FormClient Her, Guid Id, Certificate Card)> CardHolder()
    {
        var mobile = People.NewMobile();
        var her = await People.SignInResident(app, mobile);
        var idNumber = People.IdNumberBornOn(new DateOnly(1950, 3, 1));
        await her.Submit("/me/profile", new Dictionary<string, string> { ["Input.FullName"] = "吴桂兰", ["Input.IdNumber"] = idNumber, ["Input.ContactChannel"] = "Sms" });
        await People.VerifyIdNumber(app, her, mobile, idNumber, "吴桂兰");
        var reference = await Applying.Apply(her, "senior-citizen-card", new Dictionary<string, string>
        {
            ["applicant.fullName"] = "吴桂兰",
            ["applicant.idNumber"] = idNumber,
            ["applicant.dateOfBirth"] = "1950-03-01",
            ["applicant.residency"] = "hukou",
            ["applicant.address"] = "福田区福中三路1号",
        });
        var approved = await Applying.StoredCase(app, reference);
        Assert.Equal(Tongban.Cases.CaseStatus.Approved, approved.Status);
        await app.RunDueJobs();
        await using var scope = app.Scope();
        var card = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.AsNoTracking().SingleAsync(c => c.CaseId == approved.Id, Ct);
        return (her, approved.ResidentId, card);
    }

    private static readonly Actor Operator = new(ActorKind.Staff, Guid.NewGuid(), "Test operator", Channel.Office, "certificate status") { Role = "Operator" };

    private async Task<IReadOnlyList<Tongban.Platform.Web.FieldError>> Change(string number, CertificateChange change, string reason)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<ChangeCertificateStatus>().Handle(number, change, reason, Operator, Ct);
    }

    private static JsonObject Part(string jwt, int index) => JsonNode.Parse(Base64Url.Decode(jwt.Split('.')[index]))!.AsObject();

    private async Task<JsonObject> Fetch(string path)
    {
        var (status, body, _) = await new FormClient(app).Get(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The credential checked as a verifier would: the key named by its header resolved from the DID document, the signature checked by jose-jwt.</summary>
    private async Task<JsonObject> VerifiedByJoseJwt(string jwt)
    {
        var kid = Part(jwt, 0)["kid"]!.GetValue<string>();
        var did = await Fetch("/.well-known/did.json");
        Assert.StartsWith(did["id"]!.GetValue<string>() + "#", kid, StringComparison.Ordinal);
        var method = did["verificationMethod"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == kid)!;
        Assert.Contains(did["assertionMethod"]!.AsArray(), m => m!.GetValue<string>() == kid);
        var jwk = method["publicKeyJwk"]!;
        Assert.Equal(jwk.ToJsonString(), (await Fetch("/.well-known/jwks.json"))["keys"]!.AsArray().Single(k => k!["kid"]!.GetValue<string>() == kid)!.ToJsonString());
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.Decode(jwk["x"]!.GetValue<string>()), Y = Base64Url.Decode(jwk["y"]!.GetValue<string>()) },
        });
        return JsonNode.Parse(JWT.Decode(jwt, key, JwsAlgorithm.ES256))!.AsObject();
    }

    private async Task<JsonObject> Verify(string credential)
    {
        using var response = await app.CreateClient().PostAsJsonAsync("/api/v1/verify", new { credential }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    [Fact]
    public async Task AnApprovedCard_IsIssuedAsAVerifiableCredential_ThatAnotherJoseLibraryVerifies_AgainstTheDidFetchedOverHttp()
    {
        var (her, _, card) = await CardHolder();

        Assert.Equal(("ES256", "vc+jwt"), (Part(card.Jwt, 0)["alg"]!.GetValue<string>(), Part(card.Jwt, 0)["typ"]!.GetValue<string>()));
        var credential = await VerifiedByJoseJwt(card.Jwt);
        Assert.Equal("https://www.w3.org/ns/credentials/v2", credential["@context"]![0]!.GetValue<string>());
        Assert.Equal(["VerifiableCredential", "ECertificate"], credential["type"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("did:web:localhost", credential["issuer"]!["id"]!.GetValue<string>());
        Assert.Equal($"urn:uuid:{card.Id}", credential["id"]!.GetValue<string>());
        var subject = credential["credentialSubject"]!;
        Assert.Equal(("吴桂兰", card.Number, "Senior citizen concession card"), (subject["name"]!.GetValue<string>(), subject["certificate"]!["number"]!.GetValue<string>(), subject["certificate"]!["name"]!["en"]!.GetValue<string>()));
        Assert.DoesNotContain(People.IdNumberBornOn(new DateOnly(1950, 3, 1))[4..14], credential.ToJsonString(), StringComparison.Ordinal); // masked
        var statuses = credential["credentialStatus"]!.AsArray();
        Assert.Equal(["revocation", "suspension"], statuses.Select(s => s!["statusPurpose"]!.GetValue<string>()));
        Assert.All(statuses, s => Assert.Equal(card.StatusIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), s!["statusListIndex"]!.GetValue<string>()));
        Assert.Null(credential["validUntil"]); // the card does not expire

        // In the register the once-only forms read, and in her wallet with its QR code and file.
        await using (var scope = app.Scope())
        {
            var register = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ECertificates.AsNoTracking().SingleAsync(e => e.Number == card.Number, Ct);
            Assert.Equal(("senior-citizen-card", false), (register.Kind, register.Revoked));
        }

        var (_, wallet, _) = await her.Get("/me/certificates");
        Assert.Contains(card.Number, wallet, StringComparison.Ordinal);
        var svg = System.Text.RegularExpressions.Regex.Match(wallet, "<svg class=\"qr\".*?</svg>").Value;
        Assert.Equal($"https://localhost/verify/{card.Id}", Tongban.Tests.Halls.ScreenQr.Read(svg));
        var (file, disposition) = await her.Download($"/me/certificates?handler=Download&id={card.Id}");
        Assert.Equal(card.Jwt, Encoding.ASCII.GetString(file));
        Assert.Contains($"{card.Number}.jwt", disposition, StringComparison.Ordinal);
        // On paper: one page with what it says and a QR code that scans to the same short link.
        var (pdf, pdfName) = await her.Download($"/me/certificates?handler=Pdf&id={card.Id}");
        Assert.Contains($"{card.Number}.pdf", pdfName, StringComparison.Ordinal);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var page = Assert.Single(document.GetPages());
            var text = string.Concat(page.Text.Where(c => !char.IsWhiteSpace(c)));
            Assert.Contains(card.Number, text, StringComparison.Ordinal);
            Assert.Contains("吴桂兰", text, StringComparison.Ordinal);
            Assert.Contains("Seniorcitizenconcessioncard", text, StringComparison.Ordinal);
            Assert.Equal($"https://localhost/verify/{card.Id}", Tongban.Tests.Notifications.PrintedQr.Read(page));
        }

        var stranger = await People.SignInResident(app, People.NewMobile());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Get($"/me/certificates?handler=Download&id={card.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Get($"/me/certificates?handler=Pdf&id={card.Id}")).Status);
        Assert.DoesNotContain(card.Number, (await stranger.Get("/me/certificates")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryVerdict_ComesInPlainWordsOrAsJson_AndEachCheckOfHersIsOnHerTrail()
    {
        var (her, herId, card) = await CardHolder();
        Assert.Equal("valid", (await Verify(card.Jwt))["verdict"]!.GetValue<string>());

        // Tampered: one character of the payload changed, or the whole payload re-signed by someone else's key under our key id.
        var parts = card.Jwt.Split('.');
        var payload = Part(card.Jwt, 1);
        payload["credentialSubject"]!["name"] = "王某";
        var tampered = $"{parts[0]}.{Base64Url.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
        Assert.Equal("forged", (await Verify(tampered))["verdict"]!.GetValue<string>());
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var kid = Part(card.Jwt, 0)["kid"]!.GetValue<string>();
        var headers = new Dictionary<string, object> { ["typ"] = "vc+jwt", ["kid"] = kid };
        Assert.Equal("forged", (await Verify(JWT.Encode(payload.ToJsonString(), stranger, JwsAlgorithm.ES256, headers)))["verdict"]!.GetValue<string>());
        headers["kid"] = "did:web:localhost#key-0000000000000000";
        Assert.Equal("forged", (await Verify(JWT.Encode(payload.ToJsonString(), stranger, JwsAlgorithm.ES256, headers)))["verdict"]!.GetValue<string>());
        headers["kid"] = "did:web:other-city.example#key-1";
        var other = await Verify(JWT.Encode(payload.ToJsonString(), stranger, JwsAlgorithm.ES256, headers));
        Assert.Equal("otherissuer", other["verdict"]!.GetValue<string>());
        Assert.Equal("notacredential", (await Verify("hello"))["verdict"]!.GetValue<string>());
        Assert.Equal("notacredential", (await Verify(new string('x', VerifyCredential.MaxLength + 1)))["verdict"]!.GetValue<string>());

        // Bad requests are problem details, never a 500.
        var client = app.CreateClient();
        using (var empty = await client.PostAsJsonAsync("/api/v1/verify", new { credential = "" }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        }

        using (var broken = await client.PostAsync("/api/v1/verify", new StringContent("{not json", Encoding.UTF8, "application/json"), Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        }

        using (var huge = await client.PostAsync("/api/v1/verify", new ByteArrayContent(RandomNumberGenerator.GetBytes(200_000)), Ct))
        {
            Assert.True(huge.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, huge.StatusCode.ToString());
        }

        using (var form = await client.PostAsync("/api/v1/verify", new FormUrlEncodedContent(new Dictionary<string, string> { ["credential"] = card.Jwt }), Ct))
        {
            Assert.Equal("valid", (await form.Content.ReadFromJsonAsync<JsonObject>(Ct))!["verdict"]!.GetValue<string>());
        }

        // Suspended, reinstated, revoked for good: the page says so in her language and the verifier's.
        Assert.Empty(await Change(card.Number, CertificateChange.Suspend, "Card reported lost"));
        Assert.Equal("suspended", (await Verify(card.Jwt))["verdict"]!.GetValue<string>());
        Assert.Empty(await Change(card.Number, CertificateChange.Reinstate, "Card found"));
        var (_, valid, _) = await new FormClient(app).Get($"/verify/{card.Id}");
        Assert.Contains("The city issued this certificate as it stands", valid, StringComparison.Ordinal);
        Assert.Contains("吴桂兰", valid, StringComparison.Ordinal);
        Assert.Empty(await Change(card.Number, CertificateChange.Revoke, "Card reported stolen"));
        Assert.Contains("本市已注销此证照", (await new FormClient(app, "zh-CN").Get($"/verify/{card.Id}")).Html, StringComparison.Ordinal);
        var (_, pasted, _) = await new FormClient(app).Submit("/verify", new Dictionary<string, string> { ["Credential"] = card.Jwt });
        Assert.Contains("The city withdrew this certificate.", pasted, StringComparison.Ordinal);
        var (_, uploaded, _) = await new FormClient(app).Upload("/verify", "Upload", "card.jwt", RandomNumberGenerator.GetBytes(3000));
        Assert.Contains("We could not read a certificate", uploaded, StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AppDbContext>().ECertificates.AsNoTracking().SingleAsync(e => e.Number == card.Number, Ct)).Revoked);
        }

        Assert.Contains("revoked: nothing more can change it", Assert.Single(await Change(card.Number, CertificateChange.Reinstate, "undo")).Message, StringComparison.Ordinal);

        var (_, trail, _) = await her.Get("/me/activity");
        Assert.Contains("Checked your e-certificate " + card.Number, trail, StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            var checks = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditRecords.AsNoTracking()
                .Where(r => r.ResidentId == herId && r.ActorKind == ActorKind.Verifier).CountAsync(Ct);
            Assert.True(checks >= 6, $"{checks} checks on her trail");
        }
    }

    [Fact]
    public async Task ThePublishedStatusList_DecodedByPython_HasTheBitOfARevokedCertificate()
    {
        var (_, _, card) = await CardHolder();
        var (_, _, kept) = await CardHolder();
        Assert.Empty(await Change(card.Number, CertificateChange.Revoke, "Issued in error"));

        var (status, jwt, _) = await new FormClient(app).Get("/credentials/status/revocation");
        Assert.Equal(HttpStatusCode.OK, status);
        var list = await VerifiedByJoseJwt(jwt);
        Assert.Equal(["VerifiableCredential", "BitstringStatusListCredential"], list["type"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("https://localhost/credentials/status/revocation", list["id"]!.GetValue<string>());
        var encoded = list["credentialSubject"]!["encodedList"]!.GetValue<string>();
        Assert.Equal(("1", "0"), (BitWithPython(encoded, card.StatusIndex), BitWithPython(encoded, kept.StatusIndex)));
        var (_, suspensions, _) = await new FormClient(app).Get("/credentials/status/suspension");
        Assert.Equal("0", BitWithPython(Part(suspensions, 1)["credentialSubject"]!["encodedList"]!.GetValue<string>(), card.StatusIndex));
        Assert.Equal(HttpStatusCode.NotFound, (await new FormClient(app).Get("/credentials/status/whatever")).Status);
    }

    /// <summary>Bit <paramref name="index"/> of a Bitstring Status List (multibase base64url, GZIP), as Python's standard library reads it.</summary>
    private static string BitWithPython(string encoded, int index)
    {
        const string Script = "import sys, base64, gzip\n"
            + "s = sys.argv[1][1:]; bits = gzip.decompress(base64.urlsafe_b64decode(s + '=' * (-len(s) % 4))); i = int(sys.argv[2])\n"
            + "assert len(bits) == 16384, len(bits)\n"
            + "print((bits[i // 8] >> (7 - i % 8)) & 1)\n";
        using var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", Script, encoded, index.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = python.StandardOutput.ReadToEnd();
        var error = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, error);
        return output.Trim();
    }

    [Fact]
    public async Task AfterTheKeyIsRotated_NewCertificatesUseTheNewKey_AndOldOnesStillVerify()
    {
        var (_, _, before) = await CardHolder();
        var newKey = app.Services.GetRequiredService<IssuerKeys>().Rotate();
        var (_, _, after) = await CardHolder();

        Assert.EndsWith("#" + newKey, Part(after.Jwt, 0)["kid"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual(Part(before.Jwt, 0)["kid"]!.GetValue<string>(), Part(after.Jwt, 0)["kid"]!.GetValue<string>());
        Assert.True((await Fetch("/.well-known/did.json"))["verificationMethod"]!.AsArray().Count >= 2);
        await VerifiedByJoseJwt(before.Jwt);
        await VerifiedByJoseJwt(after.Jwt);
        Assert.Equal("valid", (await Verify(before.Jwt))["verdict"]!.GetValue<string>());
        Assert.Equal("valid", (await Verify(after.Jwt))["verdict"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheLog_ProvesEachCertificateIn_AndEachSizeAPrefixOfTheNext_ByTheRfcsOwnDefinitions()
    {
        var (_, _, first) = await CardHolder();
        var (_, _, second) = await CardHolder();
        Assert.Empty(await Change(second.Number, CertificateChange.Suspend, "Under review"));

        var head = await Fetch("/transparency/certificates");
        var size = head["treeSize"]!.GetValue<long>();
        var signed = await VerifiedByJoseJwt(head["signedHead"]!.GetValue<string>());
        Assert.Equal((size, head["rootHash"]!.GetValue<string>()), (signed["treeSize"]!.GetValue<long>(), signed["rootHash"]!.GetValue<string>()));

        var entries = (await new FormClient(app).Get("/transparency/certificates/entries")).Html;
        var leaves = JsonNode.Parse(entries)!.AsArray().Select(e => Leaf(e!["entry"]!.GetValue<string>())).ToArray();
        Assert.Equal(size, leaves.Length);
        Assert.Equal(Convert.ToBase64String(Tongban.Tests.Platform.Audit.MerkleTreeTests.Mth(leaves)), head["rootHash"]!.GetValue<string>());
        Assert.Contains(JsonNode.Parse(entries)!.AsArray(), e => e!["entry"]!.GetValue<string>().StartsWith($"suspend {second.Number} ", StringComparison.Ordinal));
        Assert.Equal(Convert.ToBase64String(SHA256.HashData([0, .. Encoding.UTF8.GetBytes(CertificateLog.Issued(first.Number, first.Jwt))])), Convert.ToBase64String(leaves[first.LogIndex]));

        var proof = await Fetch($"/transparency/certificates/proof?index={first.LogIndex}&size={size}");
        Assert.Equal(Tongban.Tests.Platform.Audit.MerkleTreeTests.PathOf((int)first.LogIndex, leaves).Select(Convert.ToBase64String), proof["auditPath"]!.AsArray().Select(p => p!.GetValue<string>()));
        var consistency = await Fetch($"/transparency/certificates/consistency?first={first.LogIndex + 1}&second={size}");
        Assert.Equal(Tongban.Tests.Platform.Audit.MerkleTreeTests.SubProof((int)first.LogIndex + 1, leaves, true).Select(Convert.ToBase64String), consistency["proof"]!.AsArray().Select(p => p!.GetValue<string>()));

        foreach (var wrong in new[] { $"proof?index={size}&size={size}", "proof?index=-1&size=1", $"proof?index=0&size={size + 1}", "consistency?first=0&second=1", $"consistency?first=2&second=1", "proof" })
        {
            var (status, body, _) = await new FormClient(app).Get("/transparency/certificates/" + wrong);
            Assert.True(status == HttpStatusCode.BadRequest, wrong + ": " + body);
        }
    }

    private static byte[] Leaf(string entry) => SHA256.HashData([0, .. Encoding.UTF8.GetBytes(entry)]);

    [Fact]
    public async Task AnOperator_SuspendsACardOnTheStaffPage_WithAReasonTheHolderIsSentInHerLanguage()
    {
        var (her, herId, card) = await CardHolder();
        var operatorClient = await People.SignInStaff(app, "operator");
        Assert.Contains("/staff/certificates", (await operatorClient.Get("/staff")).Html, StringComparison.Ordinal);

        var (_, refused, _) = await operatorClient.Submit("/staff/certificates", new Dictionary<string, string> { ["Number"] = "EC-NOSUCHONE", ["Change"] = "Suspend", ["Reason"] = "x" });
        Assert.Contains("No certificate has that number.", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"EC-NOSUCHONE\"", refused, StringComparison.Ordinal); // what she typed is kept
        var (_, noReason, _) = await operatorClient.Submit("/staff/certificates", new Dictionary<string, string> { ["Number"] = card.Number, ["Change"] = "Suspend", ["Reason"] = "" });
        Assert.Contains("Say why in a sentence", noReason, StringComparison.Ordinal);
        var (status, html, location) = await operatorClient.Submit("/staff/certificates", new Dictionary<string, string> { ["Number"] = card.Number.ToLowerInvariant(), ["Change"] = "Suspend", ["Reason"] = "Reported lost by the holder" });
        Assert.True(status == HttpStatusCode.Redirect, html);
        Assert.Contains("Reported lost by the holder", (await operatorClient.Get(location!.OriginalString)).Html, StringComparison.Ordinal);

        Assert.Contains("Suspended: Reported lost by the holder", (await her.Get("/me/certificates")).Html, StringComparison.Ordinal);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var message = await db.Notifications.AsNoTracking().SingleAsync(n => n.ResidentId == herId && n.Key.StartsWith("certificate-suspend:"), Ct);
        Assert.Contains("已暂停使用，原因：Reported lost by the holder", message.Text, StringComparison.Ordinal); // her profile says Chinese
        Assert.Contains(await db.AuditRecords.AsNoTracking().Where(r => r.ResidentId == herId && r.ActorKind == ActorKind.Staff).ToListAsync(Ct),
            r => r.Subject.TextKey(r.Action) == "Audit.Changed.Certificate.Suspend");
        var (refusedStatus, _, sentTo) = await her.Get("/staff/certificates");
        Assert.Equal(HttpStatusCode.Redirect, refusedStatus); // to the staff sign-in: a resident is no operator
        Assert.Contains("/staff/sign-in", sentTo!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APartnerSheLetSeeHerCases_GetsHerCertificate_ThatVerifies_AndTheLookIsOnHerTrail()
    {
        var (her, id, card) = await CardHolder();
        var partner = await Tongban.Tests.PartnerApi.PartnerClient.Register(app, "wallet-" + card.Number.ToLowerInvariant()[^6..], nameEn: "City Wallet");
        var access = await partner.AccessFor(her, "cases.read");
        var (status, list) = await partner.Api("/api/v1/me/certificates", access);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var held = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(card.Number, held.GetProperty("number").GetString());
        Assert.Equal("valid", held.GetProperty("status").GetString());
        Assert.Equal("valid", (await Verify(held.GetProperty("credential").GetString()!))["verdict"]!.GetValue<string>());
        await using var scope = app.Scope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditRecords.AnyAsync(
            r => r.ResidentId == id && r.ActorKind == ActorKind.Partner && r.Subject == AuditSubject.Certificate(card.Number), Ct));
    }

    [Fact]
    public async Task ACertificatePastItsValidity_IsExpired_AndThePageSaysUntilWhen()
    {
        // A residence permit issued two years ago for one year, signed as the issuing job signs.
        var now = app.Time.GetUtcNow().UtcDateTime;
        var holder = new Tongban.Residents.Resident { Id = Guid.NewGuid(), MobileNumber = "+86" + People.NewMobile(), FullName = "林小梅", PreferredLanguage = "en", CreatedAt = now };
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Residents.Add(holder);
        var service = (await scope.ServiceProvider.GetRequiredService<Tongban.Catalogue.CatalogueStore>().Current(Ct)).Service("residence-permit")!;
        var permit = new Certificate
        {
            Id = Guid.NewGuid(),
            Number = "EC-EXPIRED01",
            Kind = service.Code,
            ResidentId = holder.Id,
            CaseId = Guid.NewGuid(),
            IssuedAt = now.AddYears(-2),
            ValidUntil = now.AddYears(-2).AddYears(service.CertificateValidYears!.Value),
            StatusIndex = 7,
            KeyId = "",
            Jwt = "",
        };
        var issue = scope.ServiceProvider.GetServices<Tongban.Platform.Jobs.IJobHandler>().OfType<IssueCertificate>().Single();
        (permit.Jwt, permit.KeyId) = scope.ServiceProvider.GetRequiredService<CityIssuer>().Sign(issue.Credential(permit, service, holder.FullName, null));
        db.Certificates.Add(permit);
        await db.SaveChangesAsync(Ct);

        Assert.Equal(1, service.CertificateValidYears);
        Assert.Equal(IssueCertificate.Iso(permit.ValidUntil!.Value), (await VerifiedByJoseJwt(permit.Jwt))["validUntil"]!.GetValue<string>());
        Assert.Equal("expired", (await Verify(permit.Jwt))["verdict"]!.GetValue<string>());
        var (_, page, _) = await new FormClient(app).Get($"/verify/{permit.Id}");
        Assert.Contains("This certificate was valid until", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HerProxy_SeesHerCertificatesOnlyForTheServicesSheLetThemActOn()
    {
        var (her, _, card) = await CardHolder();
        async Task<FormClient> Proxy(string scope, params string[] services)
        {
            var mobile = People.NewMobile();
            var proxy = await People.SignInResident(app, mobile);
            var until = app.Time.GetUtcNow().UtcDateTime.AddYears(1);
            var form = new Dictionary<string, string>
            {
                ["Input.Proxy"] = mobile,
                ["Input.ProxyName"] = "家人",
                ["Input.Scope"] = scope,
                ["Input.UntilDay"] = "1",
                ["Input.UntilMonth"] = "1",
                ["Input.UntilYear"] = until.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            for (var i = 0; i < services.Length; i++)
            {
                form[$"Input.Services[{i}]"] = services[i];
            }

            Assert.Equal(HttpStatusCode.Redirect, (await her.Submit("/me/delegations/new", form)).Status);
            var id = System.Text.RegularExpressions.Regex.Match((await proxy.Get("/me/delegations")).Html, "name=\"id\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
            Assert.Equal(HttpStatusCode.Redirect, (await proxy.Submit("/me/delegations", new Dictionary<string, string> { ["id"] = id }, "/me/delegations?handler=accept")).Status);
            Assert.Equal(HttpStatusCode.Redirect, (await proxy.Submit("/me", new Dictionary<string, string> { ["delegation"] = id }, "/me/acting-for")).Status);
            return proxy;
        }

        var forTheCard = await Proxy("listed", "senior-citizen-card");
        var forThePension = await Proxy("listed", "basic-pension-claim");
        Assert.Contains(card.Number, (await forTheCard.Get("/me/certificates")).Html, StringComparison.Ordinal);
        Assert.Equal(card.Jwt, Encoding.ASCII.GetString((await forTheCard.Download($"/me/certificates?handler=Download&id={card.Id}")).Bytes));
        Assert.DoesNotContain(card.Number, (await forThePension.Get("/me/certificates")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await forThePension.Get($"/me/certificates?handler=Pdf&id={card.Id}")).Status);
    }

    [Fact]
    public async Task AHundredRunsOfTheIssueJobForOneCase_IssueOneCertificate_AndAHundredSuspensionsAtOnce_SuspendItOnce()
    {
        var (_, _, card) = await CardHolder();
        async Task<DateTime?> Issue()
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetServices<Tongban.Platform.Jobs.IJobHandler>().OfType<IssueCertificate>().Single().Run(card.CaseId.ToString(), Ct);
        }

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Issue()));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await db.Certificates.CountAsync(c => c.CaseId == card.CaseId, Ct));
            Assert.Equal(1, await db.ECertificates.CountAsync(e => e.Number == card.Number, Ct));
            Assert.Equal(1, await db.Set<CertificateLogEntry>().CountAsync(e => e.CertificateId == card.Id, Ct));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Change(card.Number, CertificateChange.Suspend, "Reported lost")));

        Assert.Single(results, r => r.Count == 0);
        Assert.All(results.Where(r => r.Count > 0), r => Assert.Equal("That certificate is already suspended.", Assert.Single(r).Message));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var entries = await db.Set<CertificateLogEntry>().AsNoTracking().OrderBy(e => e.Index).ToListAsync(Ct);
            Assert.Single(entries, e => e.Entry.StartsWith($"suspend {card.Number} ", StringComparison.Ordinal));
            Assert.Equal(Enumerable.Range(0, entries.Count).Select(i => (long)i), entries.Select(e => e.Index)); // no gap, no index twice
        }
    }
}
