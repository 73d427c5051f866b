using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Halls;
using Tongban.Halls.Queue;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Halls;

/// <summary>
/// The hall on the day: the reminder the working day before, check-in, walk-in tickets, the order tickets are called in
/// (the green channel first), the display, no-shows; numbers and calls given once whatever the load. Futian's hall, the
/// week before the 2026 Spring Festival (the clock starts on Monday 9 February at 09:00).
/// </summary>
public sealed class HallQueueTests(TongbanAppBeforeSpringFestival app) : IClassFixture<TongbanAppBeforeSpringFestival>
{
    private const string Hall = "futian-hall";
    private const string Card = "senior-citizen-card";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABooking_IsRemindedTheDayBefore_CheckedInOnce_AndCalledAtItsTime_AfterTheGreenChannel()
    {
        // A day whose working day before is still to come (the tests of this class share one clock, in any order).
        var day = await NextOpenDay(app.Time.Today().AddDays(2));
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var before = day.AddDays(-1);
        while (!calendar.IsWorkingDay(before))
        {
            before = before.AddDays(-1);
        }

        var (her, _) = await NewResident(new DateOnly(1990, 5, 5));
        var booking = (await Book(her, day, new TimeOnly(11, 0))).Booking!;
        var (elder, elderId) = await NewResident(new DateOnly(1948, 3, 3));
        var elderly = (await Book(elder, day, new TimeOnly(10, 30))).Booking!;

        // The reminder: at 10:00 on the working day before, once.
        await At(before, new TimeOnly(9, 59));
        await app.RunDueJobs();
        Assert.Empty(await Reminders(booking.Id));
        await At(before, new TimeOnly(10, 1));
        await app.RunDueJobs();
        await app.RunDueJobs();
        Assert.Contains("check in with reference " + CaseReference.Display(booking.Reference), Assert.Single(await Reminders(booking.Id)).Text, StringComparison.Ordinal);

        // On the day: a hundred presses of "check in" at once give her one ticket.
        await At(day, new TimeOnly(10, 20));
        var clerk = await People.SignInStaff(app, "clerk.futian");
        var token = await clerk.AntiforgeryToken("/staff/hall/queue");
        var presses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => clerk.Post("/staff/hall/queue?handler=CheckIn",
            new Dictionary<string, string> { ["Reference"] = CaseReference.Display(booking.Reference).ToLowerInvariant(), ["__RequestVerificationToken"] = token! })));
        Assert.All(presses, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        var ticket = Assert.Single(await Tickets(q => q.BookingId == booking.Id));
        Assert.StartsWith("B", ticket.Label, StringComparison.Ordinal);
        Assert.Contains(presses, p => p.Html.Contains("She was checked in already", StringComparison.Ordinal));
        Assert.Equal(BookingStatus.CheckedIn, (await Bookings(b => b.Id == booking.Id)).Single().Status);
        Assert.Single(await Trail(her), r => r.Subject.TextKey(r.Action) == "Audit.Changed.Booking.CheckedIn" && r.ActorName == "陈晓雯");

        // A walk-in, then an elder checked in by her ID card: the green channel, by her proven age.
        var (_, walkIn, _) = await clerk.Submit("/staff/hall/queue", new Dictionary<string, string> { ["Service"] = Card }, "/staff/hall/queue?handler=WalkIn");
        var walker = Assert.Single(await Tickets(q => q.Day == day && q.BookingId == null && !q.Green));
        Assert.Contains(walker.Label, walkIn, StringComparison.Ordinal);
        await clerk.Submit("/staff/hall/queue", new Dictionary<string, string> { ["Reference"] = elderId }, "/staff/hall/queue?handler=CheckIn");
        var green = Assert.Single(await Tickets(q => q.BookingId == elderly.Id));
        Assert.True(green.Green);

        // 10:56: the green channel first, then the appointment whose time has come, then the walk-in.
        await At(day, new TimeOnly(10, 56));
        clerk = await People.SignInStaff(app, "clerk.futian"); // a staff sign-in lapses after a while without use
        var calls = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var (_, page, _) = await clerk.Submit("/staff/hall/queue", new Dictionary<string, string> { ["Counter"] = "1" }, "/staff/hall/queue?handler=Call");
            calls.Add(page);
        }

        Assert.Contains($"{green.Label}", calls[0], StringComparison.Ordinal);
        Assert.Contains("Called to counter 1", calls[0], StringComparison.Ordinal);
        Assert.Contains(ticket.Label, calls[1], StringComparison.Ordinal);
        Assert.Contains(walker.Label, calls[2], StringComparison.Ordinal);
        Assert.Contains("Nobody is waiting for the services of this counter.", calls[3], StringComparison.Ordinal);
        var served = await Tickets(q => q.Day == day);
        Assert.All(served, q => Assert.NotNull(q.ServedAt));
        Assert.Equal(TimeSpan.Zero, served.Single(q => q.Id == ticket.Id).Wait); // called before her time: no wait
        Assert.True(served.Single(q => q.Id == walker.Id).Wait >= TimeSpan.FromMinutes(30));

        // The display, for anyone: what was called and where; the board alone for the script; the rule in words.
        var screen = new FormClient(app);
        var (_, display, _) = await screen.Get($"/halls/{Hall}/queue");
        Assert.Contains(walker.Label, display, StringComparison.Ordinal);
        Assert.Contains("G: the green channel, first", display, StringComparison.Ordinal);
        var (_, board, _) = await screen.Get($"/halls/{Hall}/queue?handler=Board");
        Assert.Contains(ticket.Label, board, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", board, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await screen.Get("/halls/nanshan-hall/queue")).Status);
    }

    [Fact]
    public async Task AnAppointmentNotCheckedIn_IsReleasedAfterFifteenMinutes_AndEveryOtherWrongTicketIsRefusedClearly()
    {
        var day = await NextOpenDay(app.Time.Today().AddDays(1));
        var (late, _) = await NewResident(new DateOnly(1985, 1, 1));
        var (early, _) = await NewResident(new DateOnly(1986, 1, 1));
        var missed = (await Book(late, day, new TimeOnly(14, 0))).Booking!;
        var later = (await Book(early, day, new TimeOnly(17, 30))).Booking!;
        await At(day, new TimeOnly(14, 16));
        await app.RunDueJobs();
        Assert.Equal(BookingStatus.NoShow, (await Bookings(b => b.Id == missed.Id)).Single().Status);

        var clerk = await People.SignInStaff(app, "clerk.futian");
        async Task<string> CheckIn(string what) =>
            (await clerk.Submit("/staff/hall/queue", new Dictionary<string, string> { ["Reference"] = what }, "/staff/hall/queue?handler=CheckIn")).Html;
        Assert.Contains("was released: she was not checked in within 15 minutes", await CheckIn(CaseReference.Display(missed.Reference)), StringComparison.Ordinal);
        Assert.Contains("she can check in from 60 minutes before", await CheckIn(CaseReference.Display(later.Reference)), StringComparison.Ordinal);
        var (_, unknown, _) = await clerk.Submit("/staff/hall/queue", new Dictionary<string, string> { ["Reference"] = "ABCD-EFGH-J" }, "/staff/hall/queue?handler=CheckIn");
        Assert.Contains("No appointment today at this hall", unknown, StringComparison.Ordinal);
        Assert.Contains("ABCD-EFGH-J", unknown, StringComparison.Ordinal);
        var (_, wrongService, _) = await clerk.Submit("/staff/hall/queue", new Dictionary<string, string> { ["Service"] = "marriage-registration" }, "/staff/hall/queue?handler=WalkIn");
        Assert.Contains("No counter at this hall handles that service.", wrongService, StringComparison.Ordinal);
        Assert.Empty(await Tickets(q => q.Day == day));

        // Only the hall's own clerks run its queue.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await People.SignInStaff(app, "clerk.nanshan")).Get("/staff/hall/queue")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await People.SignInStaff(app, "officer.civil")).Get("/staff/hall/queue")).Status);
    }

    [Fact]
    public async Task AHundredWalkInsAtOnce_GetAHundredNumbers_AndFourCountersCallingAtOnceNeverCallOneTwice()
    {
        var day = await NextOpenDay(app.Time.Today().AddDays(1));
        await At(day, new TimeOnly(9, 30));
        var issued = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<IssueTicket>().WalkIn(Hall, Card, i % 10 == 0, Ct);
        }));
        Assert.All(issued, r => Assert.Empty(r.Problems));
        var tickets = await Tickets(q => q.Day == day && q.BookingId == null);
        Assert.Equal(Enumerable.Range(1, 100), tickets.Select(q => q.Number).Order());

        var counters = (await app.Services.GetRequiredService<CatalogueStore>().Current(Ct)).Hall(Hall)!.Capacity!.Counters;
        var called = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<CallNextTicket>().Handle(Hall, counters[i % counters.Count], Ct);
        }));
        var ids = called.Where(q => q is not null).Select(q => q!.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(100, ids.Count);
    }

    [Fact]
    public async Task TheWaits_ArePublished_MedianAndShareWithinAQuarterHour_SmallGroupsSuppressed()
    {
        // Yesterday at the civic centre (no other test queues there): twelve walk-ins called 0, 3, … 33 minutes after
        // taking their ticket at 09:00, and one green ticket.
        const string civic = "shenzhen-civic-centre";
        var day = app.Time.Today().AddDays(-1);
        var nine = CityTime.StartOfDayUtc(day) + TimeSpan.FromHours(9);
        var tickets = Enumerable.Range(0, 13).Select(i => new QueueTicket
        {
            Id = Guid.NewGuid(),
            HallCode = civic,
            Day = day,
            Number = i + 1,
            ServiceCode = Card,
            Green = i == 12,
            IssuedAt = nine,
            CalledAt = nine + TimeSpan.FromMinutes(i == 12 ? 1 : i * 3),
            CalledTo = "A01",
            ServedAt = nine + TimeSpan.FromMinutes(40),
        }).ToList();
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.QueueTickets.AddRange(tickets);
            await db.SaveChangesAsync(Ct);
        }

        var waits = await Read(db => new QueueWaits(db, app.Time).Handle(civic, Ct));
        Assert.Equal(13, waits.Overall.Called);
        var walkIns = waits.ByQueue.Single(r => r.Group == "W");
        Assert.Equal((12, 16.5, 0.5), (walkIns.Called, walkIns.MedianMinutes, walkIns.WithinQuarterHour));
        Assert.Equal(new WaitRow("G", 1, null, null), waits.ByQueue.Single(r => r.Group == "G"));

        var (_, page, _) = await new FormClient(app).Get($"/halls/{civic}/waits");
        Assert.Contains("16.5 min", page, StringComparison.Ordinal);
        Assert.Contains("fewer than 10 tickets", page, StringComparison.Ordinal);
        Assert.Contains("9:00", page, StringComparison.Ordinal);

        // The observatory counts every called ticket on the counter channel, and those called within 15 minutes.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await scope.ServiceProvider.GetRequiredService<Tongban.Insights.RefreshInsights>().Handle(Ct);
            var called = await db.QueueTickets.AsNoTracking().Where(q => q.CalledAt != null).ToListAsync(Ct);
            var counter = await db.InsightCells.AsNoTracking().SingleAsync(c => c.Department == null && c.Period == "12m" && c.Dimension == "channel" && c.Group == "Counter", Ct);
            Assert.Equal((called.Count, called.Count(q => q.Wait <= QueueWaits.QuarterHour)), (counter.HallVisits, counter.CalledWithinQuarterHour));
            Assert.True(counter.HallVisits >= 13);
            var ofCard = await db.InsightCells.AsNoTracking().SingleAsync(c => c.Service == Card && c.Dimension == "channel" && c.Group == "Counter", Ct);
            Assert.Equal(called.Count(q => q.ServiceCode == Card), ofCard.HallVisits);
        }
    }

    private async Task<DateOnly> NextOpenDay(DateOnly from)
    {
        var day = from;
        while (!await OpenOn(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private async Task<bool> OpenOn(DateOnly day)
    {
        var capacity = (await app.Services.GetRequiredService<CatalogueStore>().Current(Ct)).Hall(Hall)!.Capacity!;
        return app.Services.GetRequiredService<HallSlots>().On(capacity, day).Count > 0;
    }

    /// <summary>Moves the clock forward to that time in the city (never back).</summary>
    private Task At(DateOnly day, TimeOnly time)
    {
        var target = CityTime.StartOfDayUtc(day) + time.ToTimeSpan();
        var now = app.Time.GetUtcNow().UtcDateTime;
        if (target > now)
        {
            app.Time.Advance(target - now);
        }

        return Task.CompletedTask;
    }

    /// <summary>A resident with a proven ID number (as a counter check leaves it), born on that day; and the number.</summary>
    private async Task<(Guid Id, string IdNumber)> NewResident(DateOnly born)
    {
        var idNumber = People.IdNumberBornOn(born);
        var resident = new Tongban.Residents.Resident
        {
            Id = Guid.NewGuid(),
            MobileNumber = "+86" + People.NewMobile(),
            IdNumber = idNumber,
            IdNumberProof = Tongban.Residents.IdNumberProof.ClerkSawCard,
            IdNumberVerifiedAt = app.Time.GetUtcNow().UtcDateTime,
            DateOfBirth = born,
            PreferredLanguage = "en",
            CreatedAt = app.Time.GetUtcNow().UtcDateTime,
        };
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Residents.Add(resident);
        await db.SaveChangesAsync(Ct);
        return (resident.Id, idNumber);
    }

    private async Task<BookResult> Book(Guid resident, DateOnly day, TimeOnly time)
    {
        await using var scope = app.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<BookSlot>().Handle(resident, Actor.Self(resident), Hall, Card, day, time, Ct);
        Assert.Equal(BookOutcome.Booked, result.Outcome);
        return result;
    }

    private Task<List<QueueTicket>> Tickets(System.Linq.Expressions.Expression<Func<QueueTicket, bool>> which) =>
        Read(db => db.QueueTickets.AsNoTracking().Where(q => q.HallCode == Hall).Where(which).ToListAsync(Ct));

    private Task<List<Booking>> Bookings(System.Linq.Expressions.Expression<Func<Booking, bool>> which) =>
        Read(db => db.Bookings.AsNoTracking().Where(which).ToListAsync(Ct));

    private Task<List<Tongban.Notifications.Notification>> Reminders(Guid bookingId) =>
        Read(db => db.Notifications.AsNoTracking().Where(n => n.Key == RemindOfBooking.Key(bookingId)).ToListAsync(Ct));

    private Task<List<AuditRecord>> Trail(Guid resident) =>
        Read(db => db.AuditRecords.AsNoTracking().Where(r => r.ResidentId == resident).ToListAsync(Ct));

    private async Task<T> Read<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
