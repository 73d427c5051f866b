using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases;
using Tongban.Platform.Data;
using Tongban.Ratings;
using Tongban.Ratings.Rectifications;
using Tongban.Tests.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Ratings;

/// <summary>The steps the rating tests share: a case that has ended, a rating as the page sends it, and what was stored.</summary>
public static class RatingSteps
{
    /// <summary>A senior-citizen card application (civil affairs) she has withdrawn: ended, so it can be rated.</summary>
    public static async Task<(FormClient Her, string Reference)> EndedCase(TongbanAppWithClock app, string? mobile = null)
    {
        var her = await People.SignInResident(app, mobile ?? People.NewMobile());
        var reference = await Applying.Apply(her, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        var (status, html, _) = await her.Submit($"/cases/{reference}", new Dictionary<string, string> { ["Act"] = "Withdrawn" });
        Assert.True(status == HttpStatusCode.Redirect, html);
        return (her, reference);
    }

    /// <summary>A case row that has ended, to store as the use cases would have left it, for tests of what happens after.</summary>
    public static Case EndedCaseRow(TongbanAppWithClock app, Guid residentId, string service, CaseStatus status) => new()
    {
        Id = Guid.NewGuid(),
        Reference = CaseReference.New(),
        ServiceCode = service,
        ResidentId = residentId,
        DraftId = Guid.NewGuid(),
        FormVersion = "1",
        AnswersJson = "{}",
        Status = status,
        SubmittedAt = app.Time.GetUtcNow().UtcDateTime,
    };

    /// <summary>The rating form's fields: the overall level, the comment, and any dimensions.</summary>
    public static Dictionary<string, string> Form(int level, string? comment = null, params (string Dimension, int Level)[] dimensions)
    {
        var form = new Dictionary<string, string> { ["Level"] = level.ToString(CultureInfo.InvariantCulture), ["Comment"] = comment ?? "" };
        foreach (var (dimension, value) in dimensions)
        {
            form[$"Dimensions[{dimension}]"] = value.ToString(CultureInfo.InvariantCulture);
        }

        return form;
    }

    public static async Task<T> Read<T>(TongbanApp app, Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task<Case> Stored(TongbanApp app, string reference) =>
        Read(app, db => db.Cases.AsNoTracking().SingleAsync(c => c.Reference == CaseReference.Normalize(reference), TestContext.Current.CancellationToken));

    public static async Task<List<Rating>> RatingsOf(TongbanApp app, string reference)
    {
        var id = (await Stored(app, reference)).Id;
        return await Read(app, db => db.Ratings.AsNoTracking().Where(r => r.CaseId == id).ToListAsync(TestContext.Current.CancellationToken));
    }

    public static async Task<List<Rectification>> RoundsOf(TongbanApp app, string reference)
    {
        var id = (await Stored(app, reference)).Id;
        return await Read(app, db => db.Rectifications.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.Round).ToListAsync(TestContext.Current.CancellationToken));
    }
}
