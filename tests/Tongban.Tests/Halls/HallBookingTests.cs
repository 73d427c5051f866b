using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalogue;
using Tongban.Halls;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Halls;

/// <summary>
/// Appointments at the halls, from the week before the 2026 Spring Festival (Monday 9 February; holiday 15–23 February,
/// Saturday 14 February worked instead): the times each hall offers, and a slot given once whatever the load.
/// </summary>
public sealed class HallBookingTests(TongbanAppBeforeSpringFestival app) : IClassFixture<TongbanAppBeforeSpringFestival>
{
    private static readonly DateOnly Tuesday = new(2026, 2, 10);
    private static readonly DateOnly MakeUpSaturday = new(2026, 2, 14);
    private static readonly DateOnly FestivalSunday = new(2026, 2, 15);
    private static readonly DateOnly FestivalSaturday = new(2026, 2, 21);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HallCapacity> Capacity(string hall) => (await app.Services.GetRequiredService<CatalogueStore>().Current(Ct)).Hall(hall)!.Capacity!;

    private async Task<Booking> Stored(System.Linq.Expressions.Expression<Func<Booking, bool>> which)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Bookings.AsNoTracking().SingleAsync(which, Ct);
    }

    /// <summary>Residents as the sign-in leaves them (a confirmed mobile), stored at once: a hundred sign-ins would take a while.</summary>
    private async Task<List<Guid>> NewResidents(int count)
    {
        var residents = Enumerable.Range(0, count).Select(_ => new Tongban.Residents.Resident
        {
            Id = Guid.NewGuid(),
            MobileNumber = "+86" + People.NewMobile(),
            CreatedAt = app.Time.GetUtcNow().UtcDateTime,
        }).ToList();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Residents.AddRange(residents);
        await db.SaveChangesAsync(Ct);
        return residents.Select(r => r.Id).ToList();
    }

    private async Task<BookResult> Book(Guid resident, string hall, string service, DateOnly day, TimeOnly time, Guid? replacing = null)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<BookSlot>().Handle(resident, Actor.Self(resident), hall, service, day, time, Ct, replacing);
    }

    [Fact]
    public async Task EachHall_OffersItsHoursInSlots_ClosedOnThePublicHoliday_OpenOnTheMakeUpSaturdayAsOnAMonday()
    {
        var slots = app.Services.GetRequiredService<HallSlots>();
        var futian = await Capacity("futian-hall");
        var civic = await Capacity("shenzhen-civic-centre");

        var tuesday = slots.On(futian, Tuesday);
        Assert.Equal(6 + 8, tuesday.Count); // 9:00–12:00 and 14:00–18:00 in half hours
        Assert.Equal([new TimeOnly(9, 0), new TimeOnly(11, 30), new TimeOnly(14, 0), new TimeOnly(17, 30)], new[] { tuesday[0], tuesday[5], tuesday[6], tuesday[^1] });
        Assert.Equal(tuesday, slots.On(futian, MakeUpSaturday));
        Assert.Empty(slots.On(futian, FestivalSaturday));
        Assert.Empty(slots.On(futian, new DateOnly(2026, 2, 8))); // an ordinary Sunday: closed at Futian
        Assert.Equal(27, slots.On(civic, new DateOnly(2026, 2, 8)).Count); // the civic centre opens every day, 9:00–18:00 in 20 minutes
        Assert.Empty(slots.On(civic, FestivalSunday));
    }

    [Fact]
    public async Task AHundredPeopleBookingTheLastSlotAtOnce_GetOneBooking_AndTheRestAClearRefusal()
    {
        // Futian's one booking counter for the senior citizen card, at 17:30 on Tuesday.
        var people = await NewResidents(100);
        var results = await Task.WhenAll(people.Select(p => Book(p, "futian-hall", "senior-citizen-card", Tuesday, new TimeOnly(17, 30))));

        var booked = Assert.Single(results, r => r.Outcome == BookOutcome.Booked);
        Assert.All(results.Where(r => r.Outcome != BookOutcome.Booked), r =>
        {
            Assert.Equal(BookOutcome.Taken, r.Outcome);
            Assert.Equal("Sorry, that time has just been taken. Choose another time.", Assert.Single(r.Problems).Message);
        });
        await using var scope = app.Scope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Bookings.AsNoTracking()
            .Where(b => b.HallCode == "futian-hall" && b.StartsAt == booked.Booking!.StartsAt).ToListAsync(Ct);
        Assert.Equal(("1", booked.Booking!.Id), (Assert.Single(stored).CounterCode, stored[0].Id));
        Assert.Equal(new DateTime(2026, 2, 10, 9, 30, 0, DateTimeKind.Utc), stored[0].StartsAt); // 17:30 in the city
    }

    [Fact]
    public async Task ABookingInThePast_OnAHoliday_Twice_OrForAServiceTheHallDoesNotBook_IsRefusedWithAReason()
    {
        var her = (await NewResidents(1))[0];
        async Task Refused(string expected, string hall, string service, DateOnly day, TimeOnly time)
        {
            var result = await Book(her, hall, service, day, time);
            Assert.Equal(BookOutcome.Invalid, result.Outcome);
            Assert.Contains(expected, Assert.Single(result.Problems).Message, StringComparison.Ordinal);
        }

        await Refused("has passed or is today", "futian-hall", "senior-citizen-card", new DateOnly(2026, 2, 9), new TimeOnly(15, 0));
        await Refused("has passed or is today", "futian-hall", "senior-citizen-card", new DateOnly(2026, 2, 6), new TimeOnly(15, 0));
        await Refused("Appointments open 14 days ahead", "futian-hall", "senior-citizen-card", new DateOnly(2026, 2, 24), new TimeOnly(9, 0));
        await Refused("takes no appointment at that time", "futian-hall", "senior-citizen-card", FestivalSaturday, new TimeOnly(9, 0));
        await Refused("takes no appointment at that time", "futian-hall", "senior-citizen-card", Tuesday, new TimeOnly(9, 10));
        await Refused("takes no appointment at that time", "futian-hall", "senior-citizen-card", Tuesday, new TimeOnly(12, 30));
        await Refused("does not take appointments for this service", "futian-hall", "id-card-renewal", Tuesday, new TimeOnly(9, 0));
        await Refused("does not take appointments for this service", "luohu-hall", "senior-citizen-card", Tuesday, new TimeOnly(9, 0));

        Assert.Equal(BookOutcome.Booked, (await Book(her, "futian-hall", "residence-permit", MakeUpSaturday, new TimeOnly(9, 0))).Outcome);
        var twice = await Book(her, "shenzhen-civic-centre", "residence-permit", Tuesday, new TimeOnly(10, 0));
        Assert.Equal(BookOutcome.AlreadyBooked, twice.Outcome);
        Assert.Contains("You already have an appointment for this service.", twice.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(BookOutcome.Booked, (await Book(her, "shenzhen-civic-centre", "elderly-allowance", Tuesday, new TimeOnly(10, 0))).Outcome);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2, await db.Bookings.CountAsync(b => b.ResidentId == her, Ct));
    }

    [Fact]
    public async Task SheBooksThroughThePages_WithoutJavaScript_SeesItUnderAppointments_AndCancelsIt()
    {
        var her = await People.SignInResident(app, People.NewMobile());
        Assert.Contains("/halls/futian-hall/book", (await her.Get("/halls/futian-hall")).Html, StringComparison.Ordinal);
        Assert.Contains("name=\"service\" value=\"senior-citizen-card\"", (await her.Get("/halls/futian-hall/book")).Html, StringComparison.Ordinal);

        var page = "/halls/futian-hall/book?service=senior-citizen-card";
        var (_, times, _) = await her.Get(page);
        Assert.Contains("value=\"2026-02-10T09:00\"", times, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-02-14T17:30\"", times, StringComparison.Ordinal); // the make-up Saturday
        Assert.DoesNotContain("value=\"2026-02-16T", times, StringComparison.Ordinal); // the festival
        Assert.Contains("Closed", times, StringComparison.Ordinal);

        Assert.Contains("Choose a time.", (await her.Submit(page, new Dictionary<string, string> { ["Slot"] = "tomorrow at nine" })).Html, StringComparison.Ordinal);
        var (status, html, location) = await her.Submit(page, new Dictionary<string, string> { ["Slot"] = "2026-02-10T09:00" });
        Assert.True(status == System.Net.HttpStatusCode.Redirect, html);
        var (_, mine, _) = await her.Get(location!.OriginalString);
        Assert.Contains("Booked. Your reference is", mine, StringComparison.Ordinal);
        Assert.Contains("Counter 1", mine, StringComparison.Ordinal);

        // The time is gone for the next person; sent anyway (an old page), it is refused and her choice of service kept.
        var other = await People.SignInResident(app, People.NewMobile());
        Assert.DoesNotContain("value=\"2026-02-10T09:00\"", (await other.Get(page)).Html, StringComparison.Ordinal);
        var token = await other.AntiforgeryToken(page);
        var (_, refused, _) = await other.Post(page, new Dictionary<string, string> { ["Service"] = "senior-citizen-card", ["Slot"] = "2026-02-10T09:00", ["__RequestVerificationToken"] = token! });
        Assert.Contains("Sorry, that time has just been taken.", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-02-10T09:30\"", refused, StringComparison.Ordinal);

        var id = System.Text.RegularExpressions.Regex.Match(mine, "name=\"id\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var (_, cancelled, _) = await her.Submit("/me/bookings", new Dictionary<string, string> { ["id"] = id }, "/me/bookings?handler=Cancel");
        Assert.Contains("Cancelled. The time is free for someone else.", cancelled, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-02-10T09:00\"", (await other.Get(page)).Html, StringComparison.Ordinal);
        // Someone else's booking is not hers to cancel: nothing happens.
        Assert.Equal(BookOutcome.Booked, (await Book((await NewResidents(1))[0], "futian-hall", "senior-citizen-card", Tuesday, new TimeOnly(10, 0))).Outcome);
        var theirs = await Stored(b => b.StartsAt == new DateTime(2026, 2, 10, 2, 0, 0, DateTimeKind.Utc) && b.HallCode == "futian-hall");
        var (_, notHers, _) = await other.Post("/me/bookings?handler=Cancel", new Dictionary<string, string> { ["id"] = theirs.Id.ToString(), ["__RequestVerificationToken"] = token! });
        Assert.DoesNotContain("Cancelled.", notHers, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Booked, (await Stored(b => b.Id == theirs.Id)).Status);
    }

    [Fact]
    public async Task A12345Agent_BooksForHerOnThePhone_AndTheBookingAndHerTrailSaySo()
    {
        var mobile = People.NewMobile();
        var her = await People.SignInResident(app, mobile);
        var idNumber = People.IdNumberBornOn(new DateOnly(1950, 3, 1));
        await her.Submit("/me/profile", new Dictionary<string, string> { ["Input.FullName"] = "吴桂兰", ["Input.IdNumber"] = idNumber, ["Input.ContactChannel"] = "Sms" });
        await People.VerifyIdNumber(app, her, mobile, idNumber, "吴桂兰");
        var agent = await People.SignInStaff(app, "agent.12345");
        var (started, html, _) = await agent.Submit("/staff/assist", new Dictionary<string, string>
        {
            ["Input.IdNumber"] = idNumber,
            ["Input.FullName"] = "吴桂兰",
            ["Input.IdentityCheck"] = "CallbackToRegisteredMobile",
            ["Input.ConsentReference"] = "REC-BOOK-1",
        });
        Assert.True(started == System.Net.HttpStatusCode.Redirect, html);

        var page = "/halls/shenzhen-civic-centre/book?service=basic-pension-claim";
        var (status, booked, _) = await agent.Submit(page, new Dictionary<string, string> { ["Slot"] = "2026-02-11T10:20" });
        Assert.True(status == System.Net.HttpStatusCode.Redirect, booked);

        var booking = await Stored(b => b.ServiceCode == "basic-pension-claim" && b.StartsAt == new DateTime(2026, 2, 11, 2, 20, 0, DateTimeKind.Utc));
        var herId = (await People.Resident(app, mobile)).Id;
        Assert.Equal((herId, "A03"), (booking.ResidentId, booking.CounterCode));
        Assert.False(string.IsNullOrEmpty(booking.BookedBy));
        Assert.Contains("booked by " + booking.BookedBy, (await her.Get("/me/bookings")).Html, StringComparison.Ordinal);
        await using var scope = app.Scope();
        var trail = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditRecords.AsNoTracking().Where(r => r.ResidentId == herId && r.Action == AuditAction.Created).ToListAsync(Ct);
        Assert.Contains(trail, r => r.Subject.TextKey(r.Action) == "Audit.Created.Booking" && r.ActorName == booking.BookedBy);
    }

    [Fact]
    public async Task TheConfirmationSaysWhereWhenAndWhatToBring_AndTheCalendarFileReadsBackInAnotherLibrary()
    {
        var mobile = People.NewMobile();
        var her = await People.SignInResident(app, mobile);
        var page = "/halls/shenzhen-civic-centre/book?service=senior-citizen-card";
        var (status, html, _) = await her.Submit(page, new Dictionary<string, string> { ["Slot"] = "2026-02-12T15:40" });
        Assert.True(status == System.Net.HttpStatusCode.Redirect, html);
        var booking = await Stored(b => b.HallCode == "shenzhen-civic-centre" && b.ServiceCode == "senior-citizen-card" && b.StartsAt == new DateTime(2026, 2, 12, 7, 40, 0, DateTimeKind.Utc));

        await using (var scope = app.Scope())
        {
            var message = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AsNoTracking().SingleAsync(n => n.Key == $"booking:{booking.Id:N}", Ct);
            // In the language she signed in with, English here.
            Assert.Contains("Civic Centre Block B, Fuzhong 3rd Road, Futian", message.Text, StringComparison.Ordinal);
            Assert.Contains("Please bring:", message.Text, StringComparison.Ordinal);
            Assert.Contains("The hall has step-free access.", message.Text, StringComparison.Ordinal);
            Assert.Contains(Tongban.Cases.CaseReference.Display(booking.Reference), message.Text, StringComparison.Ordinal);
        }

        var (bytes, disposition) = await her.Download($"/me/bookings?handler=Calendar&id={booking.Id}");
        Assert.Contains(".ics", disposition, StringComparison.Ordinal);
        var read = ReadWithPythonICalendar(System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal($"{booking.Id:N}@tongban", read[0]);
        Assert.Equal("2026-02-12T07:40:00+00:00", read[1]); // 15:40 in the city
        Assert.Equal("2026-02-12T08:00:00+00:00", read[2]); // one 20-minute slot
        Assert.Equal("Civic Centre Block B, Fuzhong 3rd Road, Futian", read[3]);
        Assert.Contains(Tongban.Cases.CaseReference.Display(booking.Reference), read[4], StringComparison.Ordinal);

        // Nobody else's calendar: a stranger's request for it finds nothing.
        var stranger = await People.SignInResident(app, People.NewMobile());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await stranger.Get($"/me/bookings?handler=Calendar&id={booking.Id}")).Status);
    }

    [Fact]
    public async Task AServiceThatTakesTwoSlots_HoldsItsCounterForBoth_AndIsNotOfferedInTheLastSlotOfTheDay()
    {
        // At the civic centre a household transfer takes 40 minutes, at counter A02 only; a residence permit takes one
        // 20-minute slot, at A02 or A04.
        var friday = new DateOnly(2026, 2, 13);
        var civic = await Capacity("shenzhen-civic-centre");
        Assert.Equal((40, 20), (civic.MinutesOf("household-transfer"), civic.MinutesOf("residence-permit")));
        var transferTimes = app.Services.GetRequiredService<HallSlots>().On(civic, friday, 40);
        Assert.Equal(new TimeOnly(17, 20), transferTimes[^1]); // 17:40 would run past 18:00

        var people = await NewResidents(4);
        var transfer = await Book(people[0], "shenzhen-civic-centre", "household-transfer", friday, new TimeOnly(10, 0));
        Assert.Equal((BookOutcome.Booked, "A02", 40), (transfer.Outcome, transfer.Booking!.CounterCode, transfer.Booking.Minutes));
        Assert.Equal(BookOutcome.Invalid, (await Book(people[1], "shenzhen-civic-centre", "household-transfer", friday, new TimeOnly(17, 40))).Outcome);

        // 10:20 is a free start nowhere for a transfer (A02 is busy until 10:40), and only at A04 for a permit.
        Assert.Equal(BookOutcome.Taken, (await Book(people[1], "shenzhen-civic-centre", "household-transfer", friday, new TimeOnly(10, 20))).Outcome);
        var permit = await Book(people[2], "shenzhen-civic-centre", "residence-permit", friday, new TimeOnly(10, 20));
        Assert.Equal((BookOutcome.Booked, "A04"), (permit.Outcome, permit.Booking!.CounterCode));
        Assert.Equal(BookOutcome.Taken, (await Book(people[3], "shenzhen-civic-centre", "residence-permit", friday, new TimeOnly(10, 20))).Outcome);
        Assert.Equal(BookOutcome.Booked, (await Book(people[1], "shenzhen-civic-centre", "household-transfer", friday, new TimeOnly(10, 40))).Outcome);

        var her = await People.SignInResident(app, People.NewMobile());
        var (_, page, _) = await her.Get("/halls/shenzhen-civic-centre/book?service=household-transfer");
        Assert.Contains("about 40 minutes at the counter", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"2026-02-13T10:00\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"2026-02-13T10:20\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-02-13T11:20\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"2026-02-13T17:40\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SheChangesTheTimeInOneStep_KeepingTheOldOneWhenTheNewIsTaken_AndShowsItsQrCodeAtTheHall()
    {
        var friday = new DateOnly(2026, 2, 13);
        var mobile = People.NewMobile();
        var her = await People.SignInResident(app, mobile);
        Assert.Contains("/halls/futian-hall/book?service=senior-citizen-card", (await her.Get("/services/senior-citizen-card")).Html, StringComparison.Ordinal);
        var page = "/halls/futian-hall/book?service=senior-citizen-card";
        var (status, html, _) = await her.Submit(page, new Dictionary<string, string> { ["Slot"] = "2026-02-13T09:00" });
        Assert.True(status == System.Net.HttpStatusCode.Redirect, html);
        var herId = (await People.Resident(app, mobile)).Id;
        var first = await Stored(b => b.ResidentId == herId);

        var (_, mine, _) = await her.Get("/me/bookings");
        var reference = Tongban.Cases.CaseReference.Display(first.Reference);
        var svg = System.Text.RegularExpressions.Regex.Match(mine, "<svg class=\"qr\".*?</svg>").Value;
        Assert.Contains($"aria-label=\"QR code of appointment {reference}\"", svg, StringComparison.Ordinal);
        Assert.Equal(reference, ScreenQr.Read(svg));
        var change = $"/halls/futian-hall/book?service=senior-citizen-card&rebook={first.Id}";
        Assert.Contains(change.Replace("&", "&amp;", StringComparison.Ordinal), mine, StringComparison.Ordinal);
        Assert.Contains("your present time is kept until the new one is booked", (await her.Get(change)).Html, StringComparison.Ordinal);

        // The time she wants goes to someone else first: she is told, and keeps 9:00.
        Assert.Equal(BookOutcome.Booked, (await Book((await NewResidents(1))[0], "futian-hall", "senior-citizen-card", friday, new TimeOnly(9, 30))).Outcome);
        var token = await her.AntiforgeryToken(change);
        var form = new Dictionary<string, string> { ["Service"] = "senior-citizen-card", ["Rebook"] = first.Id.ToString(), ["Slot"] = "2026-02-13T09:30", ["__RequestVerificationToken"] = token! };
        var (_, taken, _) = await her.Post(change, form);
        Assert.Contains("Sorry, that time has just been taken.", taken, StringComparison.Ordinal);
        Assert.Contains($"name=\"Rebook\" value=\"{first.Id}\"", taken, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Booked, (await Stored(b => b.Id == first.Id)).Status);

        form["Slot"] = "2026-02-13T10:00";
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await her.Post(change, form)).Status);
        Assert.Equal(BookingStatus.Cancelled, (await Stored(b => b.Id == first.Id)).Status);
        var second = await Stored(b => b.ResidentId == herId && b.Status == BookingStatus.Booked);
        Assert.Equal(new DateTime(2026, 2, 13, 2, 0, 0, DateTimeKind.Utc), second.StartsAt);

        // The same change sent again (a second tab): the old one is gone, nothing more changes.
        form["Slot"] = "2026-02-13T10:30";
        Assert.Contains("no longer open", (await her.Post(change, form)).Html, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Bookings.CountAsync(b => b.ResidentId == herId && b.Status == BookingStatus.Booked, Ct));
    }

    [Fact]
    public async Task AHundredChangesOfOneAppointmentAtOnce_ByAClerkForHer_LeaveHerWithExactlyOne_OnHerTrail()
    {
        var friday = new DateOnly(2026, 2, 13);
        var her = (await NewResidents(1))[0];
        var first = (await Book(her, "shenzhen-civic-centre", "senior-citizen-card", friday, new TimeOnly(9, 0))).Booking!;
        // A hundred free times of counter A01 over four days (9:20 to 17:40 in 20 minutes), none of them hers already.
        var times = new[] { Tuesday, new DateOnly(2026, 2, 11), friday, MakeUpSaturday }
            .SelectMany(day => Enumerable.Range(0, 26).Select(i => (Day: day, Time: new TimeOnly(9, 20).AddMinutes(20 * i)))).Take(100).ToList();
        var clerk = new Actor(ActorKind.Staff, Guid.NewGuid(), "Test clerk", Channel.Counter, "consent:TEST") { Role = "CounterClerk" };
        async Task<BookResult> Change((DateOnly Day, TimeOnly Time) at)
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<BookSlot>().Handle(her, clerk, "shenzhen-civic-centre", "senior-citizen-card", at.Day, at.Time, Ct, first.Id);
        }

        var results = await Task.WhenAll(times.Select(Change));

        Assert.Single(results, r => r.Outcome == BookOutcome.Booked);
        Assert.All(results.Where(r => r.Outcome != BookOutcome.Booked), r => Assert.Equal(BookOutcome.NotChangeable, r.Outcome));
        await using var scope = app.Scope();
        var mine = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Bookings.AsNoTracking().Where(b => b.ResidentId == her).ToListAsync(Ct);
        Assert.Equal((1, 1), (mine.Count(b => b.Status == BookingStatus.Booked), mine.Count(b => b.Status == BookingStatus.Cancelled)));
        var trail = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditRecords.AsNoTracking().Where(r => r.ResidentId == her && r.ActorName == "Test clerk").ToListAsync(Ct);
        Assert.Equal(["Audit.Changed.Booking.Rebooked", "Audit.Created.Booking"], trail.Select(r => r.Subject.TextKey(r.Action)).Order(StringComparer.Ordinal));
    }

    /// <summary>UID, start, end, location and description of the file's one event, as Debian's python3-icalendar reads them.</summary>
    private static string[] ReadWithPythonICalendar(string ics)
    {
        const string Script = "import sys, icalendar\n"
            + "e = [c for c in icalendar.Calendar.from_ical(sys.stdin.read()).walk('VEVENT')]\n"
            + "assert len(e) == 1, len(e)\n"
            + "e = e[0]\n"
            + "for v in (str(e['UID']), e.decoded('DTSTART').isoformat(), e.decoded('DTEND').isoformat(), str(e['LOCATION']), str(e['DESCRIPTION']).replace('\\n', ' ')): print(v)\n";
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3", ["-c", Script]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var python = System.Diagnostics.Process.Start(start)!;
        python.StandardInput.Write(ics);
        python.StandardInput.Close();
        var output = python.StandardOutput.ReadToEnd();
        var error = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, error + "\n" + ics);
        return output.Split('\n');
    }
}
