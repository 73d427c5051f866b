using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases;
using Tongban.Halls;
using Tongban.Halls.Closures;
using Tongban.Halls.Queue;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Halls;

/// <summary>
/// An operator closes a hall or a counter for a day: the people booked are moved to another counter or told why, with
/// other times; nobody books the closed day, even while it closes. The week before the 2026 Spring Festival (the
/// clock starts on Monday 9 February at 09:00 and these tests do not move it but for sign-ins).
/// </summary>
public sealed class HallClosureTests(TongbanAppBeforeSpringFestival app) : IClassFixture<TongbanAppBeforeSpringFestival>
{
    private const string Civic = "shenzhen-civic-centre";
    private const string Futian = "futian-hall";
    private static readonly DateOnly Wednesday = new(2026, 2, 11);
    private static readonly DateOnly Thursday = new(2026, 2, 12);
    private static readonly DateOnly Friday = new(2026, 2, 13);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<Guid>> NewResidents(int count)
    {
        var residents = Enumerable.Range(0, count).Select(_ => new Tongban.Residents.Resident
        {
            Id = Guid.NewGuid(),
            MobileNumber = "+86" + People.NewMobile(),
            PreferredLanguage = "en",
            CreatedAt = app.Time.GetUtcNow().UtcDateTime,
        }).ToList();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Residents.AddRange(residents);
        await db.SaveChangesAsync(Ct);
        return residents.Select(r => r.Id).ToList();
    }

    private async Task<BookResult> Book(Guid resident, string hall, string service, DateOnly day, TimeOnly time)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<BookSlot>().Handle(resident, Actor.Self(resident), hall, service, day, time, Ct);
    }

    private static readonly Actor Operator = new(ActorKind.Staff, Guid.NewGuid(), "孙涛", Tongban.Channel.Office, "hall closure") { Role = "Operator" };

    private async Task<CloseResult> Close(string hall, string counter, DateOnly day, string reason)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<CloseHallOrCounter>().Handle(hall, counter, day, reason, Operator, Ct);
    }

    private async Task<T> Read<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task ClosingACounter_MovesHerToAnotherCounterAtTheSameTime_OrCancelsAndTellsHerWhy_WithOtherTimes()
    {
        // The civic centre books residence permits at two counters, A02 and A04.
        var mobile = People.NewMobile();
        var her = await People.SignInResident(app, mobile);
        var herId = (await People.Resident(app, mobile)).Id;
        var (other, later) = (await NewResidents(2)) is [var a, var b] ? (a, b) : default;
        var first = (await Book(herId, Civic, "residence-permit", Wednesday, new TimeOnly(10, 0))).Booking!;
        var second = (await Book(other, Civic, "residence-permit", Wednesday, new TimeOnly(10, 0))).Booking!;
        var third = (await Book(later, Civic, "residence-permit", Wednesday, new TimeOnly(10, 20))).Booking!;
        Assert.Equal(("A02", "A04", "A02"), (first.CounterCode, second.CounterCode, third.CounterCode));

        var closed = await Close(Civic, "A02", Wednesday, "Counter A02's clerk is on a training course");
        Assert.Empty(closed.Problems);
        Assert.Equal((1, 1), (closed.Closure!.Moved, closed.Closure.Cancelled));

        var stored = await Read(db => db.Bookings.AsNoTracking().Where(b => b.Id == first.Id || b.Id == third.Id).ToDictionaryAsync(b => b.Id, Ct));
        Assert.Equal((BookingStatus.Cancelled, "Counter A02's clerk is on a training course"), (stored[first.Id].Status, stored[first.Id].CancelledBecause));
        Assert.Equal((BookingStatus.Booked, "A04"), (stored[third.Id].Status, stored[third.Id].CounterCode));

        // Each is told: the moved one her new counter, the cancelled one why and the next free times.
        var messages = await Read(db => db.Notifications.AsNoTracking().Where(n => n.ResidentId == herId || n.ResidentId == later).ToListAsync(Ct));
        var cancelled = Assert.Single(messages, n => n.Key == $"booking-closed:{first.Id:N}");
        Assert.Contains("is cancelled: Counter A02's clerk is on a training course", cancelled.Text, StringComparison.Ordinal);
        Assert.Contains("Next free times: ", cancelled.Text, StringComparison.Ordinal);
        Assert.Contains(CaseReference.Display(first.Reference), cancelled.Text, StringComparison.Ordinal);
        Assert.Equal($"/halls/{Civic}/book?service=residence-permit", cancelled.LinkPath);
        Assert.Contains("is now at counter A04, at the same time", Assert.Single(messages, n => n.Key.StartsWith($"booking-moved:{third.Id:N}", StringComparison.Ordinal)).Text, StringComparison.Ordinal);

        // Her appointments say so and offer another time; the trail names the operator.
        var (_, mine, _) = await her.Get("/me/bookings");
        Assert.Contains("The hall cancelled it: Counter A02&#x27;s clerk is on a training course", mine, StringComparison.Ordinal);
        Assert.Contains($"href=\"/halls/{Civic}/book?service=residence-permit\"", mine, StringComparison.Ordinal);
        var trail = await Read(db => db.AuditRecords.AsNoTracking().Where(r => r.ResidentId == herId && r.Action == AuditAction.Changed).ToListAsync(Ct));
        Assert.Contains(trail, r => r.Subject.TextKey(r.Action) == "Audit.Changed.Booking.ClosedByHall" && r.ActorName == "孙涛");

        // That day only A04 books: 10:00 and 10:20 are taken there, 10:40 is free; A02 takes nothing.
        var hall = (await app.Services.GetRequiredService<Tongban.Catalogue.CatalogueStore>().Current(Ct)).Hall(Civic)!;
        IReadOnlyList<TimeOnly> free;
        await using (var scope = app.Scope())
        {
            free = (await scope.ServiceProvider.GetRequiredService<FreeSlots>().Handle(hall, "residence-permit", Ct)).Single(d => d.Day == Wednesday).Free;
        }

        Assert.DoesNotContain(new TimeOnly(10, 0), free);
        Assert.DoesNotContain(new TimeOnly(10, 20), free);
        Assert.Contains(new TimeOnly(10, 40), free);
        var rebooked = await Book(herId, Civic, "residence-permit", Wednesday, new TimeOnly(10, 40));
        Assert.Equal(("A04", BookOutcome.Booked), (rebooked.Booking?.CounterCode, rebooked.Outcome));
        Assert.Equal(BookOutcome.Taken, (await Book((await NewResidents(1))[0], Civic, "residence-permit", Wednesday, new TimeOnly(10, 40))).Outcome);
    }

    [Fact]
    public async Task AnOperatorClosesAHall_ThroughThePage_WithClearMessagesForBadInput_AndTheDayCannotBeBooked()
    {
        var clerk = await People.SignInStaff(app, "clerk.futian");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Get("/staff/halls/closures")).Status);

        var operatorPage = await People.SignInStaff(app, "operator");
        const string Page = "/staff/halls/closures";
        Assert.Contains("value=\"futian-hall|\"", (await operatorPage.Get(Page)).Html, StringComparison.Ordinal);
        async Task<string> Refused(string closing, string day, string reason, string expected)
        {
            var (status, html, _) = await operatorPage.Submit(Page, new Dictionary<string, string> { ["Closing"] = closing, ["Day"] = day, ["Reason"] = reason });
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(expected, html, StringComparison.Ordinal);
            Assert.Contains(reason.Length > 0 ? System.Net.WebUtility.HtmlEncode(reason)[..Math.Min(reason.Length, 20)] : "</textarea>", html, StringComparison.Ordinal); // what she typed is kept
            return html;
        }

        await Refused("futian-hall|", "2026-02-12", "", "Say why in a sentence of at most 300 characters");
        await Refused("futian-hall|", "2026-02-12", new string('x', 301), "Say why in a sentence of at most 300 characters");
        await Refused("futian-hall|", "2026-02-06", "Typhoon", "Choose a day from today to 60 days ahead.");
        await Refused("futian-hall|", "2026-04-20", "Typhoon", "Choose a day from today to 60 days ahead.");
        await Refused("futian-hall|", "next thursday", "Typhoon", "Choose a day from today to 60 days ahead.");
        await Refused("nowhere|", "2026-02-12", "Typhoon", "Choose a hall, or one of its counters, from the list.");
        await Refused("futian-hall|9", "2026-02-12", "Typhoon", "Choose a hall, or one of its counters, from the list.");

        var booked = (await Book((await NewResidents(1))[0], Futian, "senior-citizen-card", Thursday, new TimeOnly(9, 30))).Booking!;
        var (status, html, location) = await operatorPage.Submit(Page, new Dictionary<string, string> { ["Closing"] = "futian-hall|", ["Day"] = "2026-02-12", ["Reason"] = "Typhoon warning: the hall stays shut" });
        Assert.True(status == HttpStatusCode.Redirect, html);
        var (_, done, _) = await operatorPage.Get(location!.OriginalString);
        Assert.Contains("cancelled, each told why with other times: 1.", done, StringComparison.Ordinal);
        Assert.Contains("Typhoon warning: the hall stays shut", done, StringComparison.Ordinal);
        await Refused("futian-hall|1", "2026-02-12", "Short of staff", "That is already closed on that day.");
        Assert.Equal(BookingStatus.Cancelled, (await Read(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booked.Id, Ct))).Status);

        // Residents see why the day is closed and cannot book it, from the page or an old form.
        var her = await People.SignInResident(app, People.NewMobile());
        var (_, times, _) = await her.Get("/halls/futian-hall/book?service=senior-citizen-card");
        Assert.Contains("Closed: Typhoon warning: the hall stays shut", times, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"2026-02-12T", times, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-02-13T09:00\"", times, StringComparison.Ordinal);
        var refused = await Book((await NewResidents(1))[0], Futian, "senior-citizen-card", Thursday, new TimeOnly(10, 0));
        Assert.Equal(BookOutcome.Invalid, refused.Outcome);
        Assert.Contains("The hall is closed on Thursday, 12 February 2026: Typhoon warning: the hall stays shut.", refused.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedToday_TheHallGivesNoWalkInTicket_AndACancelledAppointmentIsExplainedAtTheDoor()
    {
        // Today (Monday) the civic centre closes after an appointment at 16:00 was made for it yesterday.
        var her = (await NewResidents(1))[0];
        var booking = await Read(async db =>
        {
            var b = new Booking
            {
                Id = Guid.NewGuid(),
                Reference = CaseReference.New(),
                HallCode = Civic,
                CounterCode = "A01",
                ServiceCode = "senior-citizen-card",
                ResidentId = her,
                StartsAt = CityTime.StartOfDayUtc(app.Time.Today()) + new TimeSpan(16, 0, 0),
                Status = BookingStatus.Booked,
                CreatedAt = app.Time.GetUtcNow().UtcDateTime.AddDays(-1),
            };
            db.Bookings.Add(b);
            await db.SaveChangesAsync(Ct);
            return b;
        });
        Assert.Empty((await Close(Civic, "", app.Time.Today(), "Power cut in Block B")).Problems);

        await using var scope = app.Scope();
        var issue = scope.ServiceProvider.GetRequiredService<IssueTicket>();
        var walkIn = await issue.WalkIn(Civic, "senior-citizen-card", false, Ct);
        Assert.Equal("The hall is closed today: Power cut in Block B", Assert.Single(walkIn.Problems).Message);
        var checkIn = await issue.CheckIn(Civic, CaseReference.Display(booking.Reference), false, Operator, Ct);
        Assert.Equal("Her appointment was cancelled when the hall closed it: Power cut in Block B", Assert.Single(checkIn.Problems).Message);
    }

    [Fact]
    public async Task AHundredBookingsRacingAClosure_EachLandsBeforeItAndIsCancelled_OrIsRefused_NoneOnTheClosedDay()
    {
        // The civic centre books residence permits at two counters, 27 times a day: a hundred people try them while the hall closes.
        var people = await NewResidents(100);
        Task<BookResult> Try(int i) => Task.Run(() => Book(people[i], Civic, "residence-permit", Friday, new TimeOnly(9, 0).AddMinutes(20 * (i % 27))));
        var before = Enumerable.Range(0, 50).Select(Try).ToList();
        await Task.WhenAny(before); // some are in before it closes, the rest race it
        var closure = Task.Run(() => Close(Civic, "", Friday, "Flooded ground floor"));
        var bookings = before.Concat(Enumerable.Range(50, 50).Select(Try)).ToList();
        var results = await Task.WhenAll(bookings);
        Assert.Empty((await closure).Problems);

        Assert.All(results, r => Assert.True(r.Outcome is BookOutcome.Booked or BookOutcome.Taken
            || (r.Outcome == BookOutcome.Invalid && r.Problems[0].Message.Contains("Flooded ground floor", StringComparison.Ordinal)), r.Problems.Count > 0 ? r.Problems[0].Message : null));
        var (from, to) = (CityTime.StartOfDayUtc(Friday), CityTime.StartOfDayUtc(Friday.AddDays(1)));
        var stored = await Read(db => db.Bookings.AsNoTracking().Where(b => b.HallCode == Civic && b.StartsAt >= from && b.StartsAt < to).ToListAsync(Ct));
        Assert.Equal(results.Count(r => r.Outcome == BookOutcome.Booked), stored.Count);
        Assert.NotEmpty(stored);
        Assert.Contains(results, r => r.Outcome == BookOutcome.Invalid);
        Assert.All(stored, b => Assert.Equal((BookingStatus.Cancelled, "Flooded ground floor"), (b.Status, b.CancelledBecause)));
        var told = await Read(db => db.Notifications.AsNoTracking().CountAsync(n => n.Key.StartsWith("booking-closed:"), Ct));
        Assert.True(told >= stored.Count);
        Assert.Equal(stored.Count, (await Read(db => db.HallClosures.AsNoTracking().SingleAsync(c => c.HallCode == Civic && c.Day == Friday, Ct))).Cancelled);
    }
}
