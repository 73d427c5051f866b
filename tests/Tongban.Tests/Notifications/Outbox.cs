using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases.Log;
using Tongban.Notifications;
using Tongban.Platform.Data;
using Tongban.Tests.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Notifications;

/// <summary>What the outbox holds for a case, read the way the app reads it, and a case that owes her a message.</summary>
internal static class Outbox
{
    /// <summary>
    /// With a postal address she first gives her profile (too young for the senior card, so it goes to a
    /// person, with <paramref name="contactChannel"/> as her way of contact); she applies for the card and
    /// the officer accepts it, which owes her a message. Returns the case's reference.
    /// </summary>
    public static async Task<string> AcceptedCardCase(TongbanAppWithClock app, FormClient resident, string? postalAddress = null, string contactChannel = "Sms")
    {
        if (postalAddress is not null)
        {
            var (status, html, _) = await resident.Submit("/me/profile", new Dictionary<string, string>
            {
                ["Input.FullName"] = "陈志强",
                ["Input.IdNumber"] = People.IdNumberBornOn(new DateOnly(1990, 3, 1)),
                ["Input.ContactChannel"] = contactChannel,
                ["Input.District"] = "nanshan",
                ["Input.PostalAddress"] = postalAddress,
            });
            Assert.True(status == HttpStatusCode.Redirect, html);
        }

        var reference = await Applying.Apply(resident, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        var officer = await People.SignInStaff(app, "officer.civil");
        var (accepted, page, _) = await officer.Submit($"/staff/cases/{reference}", new Dictionary<string, string> { ["Act"] = nameof(CaseActionKind.Accepted) });
        Assert.True(accepted == HttpStatusCode.Redirect, page);
        return reference;
    }

    /// <summary>The one message written for the case with <paramref name="reference"/>.</summary>
    public static async Task<Notification> MessageFor(TongbanApp app, string reference)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.Cases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.CaseId == id, TestContext.Current.CancellationToken);
    }
}
