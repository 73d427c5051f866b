using System.Net;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Audit;

/// <summary>The operator's view of the audit log: the newest head, the last check, and one resident's trail on demand (on her trail).</summary>
public sealed class AuditLogPageTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    [Fact]
    public async Task AnOperator_ChecksTheLogAndOneResident_AndTheResidentSeesThatSheWasChecked()
    {
        var mobile = People.NewMobile();
        var her = await People.SignInResident(app, mobile);
        var clerk = await People.SignInStaff(app, "clerk.futian");
        await clerk.Submit("/staff/assist", new Dictionary<string, string>
        {
            ["Input.IdNumber"] = People.IdNumberBornOn(new DateOnly(1949, 9, 9)),
            ["Input.FullName"] = "罗淑芬",
            ["Input.IdentityCheck"] = "IdCardReader",
            ["Input.ConsentReference"] = "F-31",
            ["Input.Register"] = "true",
        });
        await app.AnchorAuditTrail();
        var operatorBrowser = await People.SignInStaff(app, "operator");

        var (_, checkedNow, _) = await operatorBrowser.Submit("/staff/audit", new Dictionary<string, string>(), "/staff/audit?handler=check");
        var (_, herCheck, _) = await operatorBrowser.Submit("/staff/audit", new Dictionary<string, string> { ["resident"] = mobile }, "/staff/audit?handler=resident");

        Assert.Contains("the database matches every published head.", checkedNow, StringComparison.Ordinal);
        Assert.Contains("0 entries.", herCheck, StringComparison.Ordinal);
        Assert.Contains("Checked your record of who acted for you (audit)", (await her.Get("/me/activity")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Get("/staff/audit")).Status);
    }
}
