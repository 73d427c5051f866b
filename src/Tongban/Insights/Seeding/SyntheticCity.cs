using Tongban.Applications;
using Tongban.Cases;
using Tongban.Cases.Log;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Ratings;
using Tongban.Ratings.Rectifications;
using Tongban.Residents;

namespace Tongban.Insights.Seeding;

/// <summary>What one slice of the city adds to the database.</summary>
public sealed class CityBatch
{
    public List<Resident> Residents { get; } = [];
    public List<Draft> Drafts { get; } = [];
    public List<FormEvent> FormEvents { get; } = [];
    public List<Case> Cases { get; } = [];
    public List<CaseAction> Actions { get; } = [];
    public List<Rating> Ratings { get; } = [];
    public List<Rectification> Rectifications { get; } = [];
}

/// <summary>
/// Draws residents shaped like Shenzhen (<see cref="CityFigures"/>) and what they do over the twelve months to
/// <paramref name="today"/>: online forms finished or given up, applications at counters, by phone, by post and by
/// family members, decisions on time or late, and some of them rated. Everything comes from seeded generators, so a seed is a city.
/// </summary>
public sealed class SyntheticCity(int seed, CatalogueSnapshot catalogue, WorkingDayCalendar calendar, DateOnly today, double applicationsPerResident)
{
    private readonly Random _random = new(seed);

    // Ratings draw from a generator of their own, so that adding them left every seed's residents and cases as they were.
    private readonly Random _ratings = new(unchecked(seed * 31) + 7);
    private readonly HashSet<string> _references = new(StringComparer.Ordinal);
    private readonly (string Code, double Share)[] _districts = [.. catalogue.Districts.Select(d => (d.Code, (double)d.Population))];
    private readonly Service[] _services = [.. catalogue.Services.Where(s => s.RetiredAt is null && s.TimeLimitWorkingDays > 0)];

    /// <summary>The next <paramref name="count"/> residents and everything they did.</summary>
    public CityBatch Next(int count)
    {
        var batch = new CityBatch();
        for (var i = 0; i < count; i++)
        {
            var resident = NewResident(out var band);
            batch.Residents.Add(resident);
            var online = Chance(CityFigures.OnlineShare(band) * (resident.AccessibilityNeeds == AccessibilityNeeds.None ? 1 : 0.75));
            // Those who cannot go online make fewer applications (assumption): the gap the reach measure shows.
            var applications = Poisson(applicationsPerResident * (online ? 1.05 : 0.7));
            var openForms = new HashSet<string>(StringComparer.Ordinal);
            for (var a = 0; a < applications; a++)
            {
                Apply(batch, resident, band, online, openForms);
            }
        }

        return batch;
    }

    private Resident NewResident(out string band)
    {
        var (name, from, to, _) = Pick(CityFigures.AgeBands.Select(b => (b, b.Share)).ToArray());
        band = name;
        var born = today.AddYears(-_random.Next(from, to + 1)).AddDays(-_random.Next(0, 365));
        var male = Chance(CityFigures.MaleShare);
        var needs = Chance(CityFigures.DisabilityShare(band)) ? Pick([(AccessibilityNeeds.LargeText, 0.5), (AccessibilityNeeds.ScreenReader, 0.2), (AccessibilityNeeds.SignLanguage, 0.1), (AccessibilityNeeds.HelpWithForms, 0.2)]) : AccessibilityNeeds.None;
        return new Resident
        {
            Id = NewGuid(),
            ClaimedIdNumber = IdNumber(born, male),
            DateOfBirth = born,
            DistrictCode = Pick(_districts),
            LocalHukou = Chance(CityFigures.LocalHukouShare),
            PreferredLanguage = Chance(CityFigures.EnglishShare) ? "en" : "zh-CN",
            AccessibilityNeeds = needs,
            StatisticsConsent = Chance(CityFigures.StatisticsConsentShare),
            ContactChannel = ContactChannel.App,
            CreatedAt = CityTime.StartOfDayUtc(today.AddDays(-_random.Next(365, 1500))),
        };
    }

    /// <summary>One application; <paramref name="openForms"/> are forms she left unfinished, as she has one draft of a form at a time.</summary>
    private void Apply(CityBatch batch, Resident resident, string band, bool online, HashSet<string> openForms)
    {
        var service = _services[_random.Next(_services.Length)];
        if (openForms.Contains($"services/{service.Code}"))
        {
            return;
        }

        var sentOn = today.AddDays(-_random.Next(0, 365));
        var at = CityTime.StartOfDayUtc(sentOn).AddHours(9).AddMinutes(_random.Next(0, 8 * 60));
        Channel channel;
        ActorKind actor;
        if (online)
        {
            channel = Chance(0.75) ? Channel.Online : Channel.PartnerApp;
            var giveUp = CityFigures.GiveUpShare(band) + (resident.AccessibilityNeeds == AccessibilityNeeds.None ? 0 : 0.1) + (resident.PreferredLanguage == "en" ? 0.1 : 0);
            var draft = NewDraft(resident, service, channel, at);
            batch.Drafts.Add(draft);
            if (Chance(giveUp))
            {
                draft.AbandonedAt = at.AddDays(7);
                openForms.Add(draft.FormKey);
                batch.FormEvents.Add(RecordFormStep.Event(resident, draft.FormKey, PageGivenUpOn(service), FormStep.Abandoned, channel, draft.AbandonedAt.Value, today));
                if (!Chance(0.6))
                {
                    return; // gave up altogether
                }

                (channel, actor, at) = (Channel.Counter, ActorKind.Staff, at.AddDays(_random.Next(1, 10)));
                sentOn = DateOnly.FromDateTime(CityTime.Local(at));
                if (sentOn > today)
                {
                    return;
                }
            }
            else
            {
                draft.SubmittedAt = at;
                actor = ActorKind.Resident;
            }
        }
        else
        {
            (channel, actor, _) = Pick(CityFigures.OfflineRoutes.Select(r => (r, r.Share)).ToArray());
            if (actor == ActorKind.Proxy)
            {
                var draft = NewDraft(resident, service, channel, at);
                draft.SubmittedAt = at;
                batch.Drafts.Add(draft);
            }
        }

        batch.Cases.Add(NewCase(batch, resident, service, channel, actor, at, sentOn));
    }

    private Case NewCase(CityBatch batch, Resident resident, Service service, Channel channel, ActorKind actor, DateTime at, DateOnly sentOn)
    {
        var limit = service.TimeLimitWorkingDays;
        var target = new Case
        {
            Id = NewGuid(),
            Reference = NewReference(),
            ServiceCode = service.Code,
            ResidentId = resident.Id,
            DraftId = NewGuid(),
            Channel = channel,
            ActorKind = actor,
            ActorName = actor == ActorKind.Resident ? null : actor == ActorKind.Proxy ? "家人" : "窗口工作人员",
            SubmittedAt = at,
            TimeLimitWorkingDays = limit,
            DueOn = calendar.AddWorkingDays(sentOn, limit),
            Status = CaseStatus.InProgress,
            AcceptedOn = sentOn,
            FormVersion = "synthetic",
            AnswersJson = "{}",
        };
        // The log is the case (ADR 0019): its status and version are what its actions make them.
        batch.Actions.Add(Append(target, CaseActionKind.Submitted, at, actor, channel));
        if (Chance(0.02))
        {
            target.Status = CaseStatus.Withdrawn;
            batch.Actions.Add(Append(target, CaseActionKind.Withdrawn, at.AddHours(2), ActorKind.Resident, channel));
            return target;
        }

        var instant = actor == ActorKind.Resident && channel is Channel.Online or Channel.PartnerApp && Chance(CityFigures.InstantShare);
        batch.Actions.Add(Append(target, CaseActionKind.Accepted, at.AddSeconds(1), instant ? ActorKind.Rule : ActorKind.Staff, instant ? Channel.System : Channel.Office));
        var days = instant ? 0 : Chance(CityFigures.BreachShare(channel)) ? limit + _random.Next(1, 7) : _random.Next(1, limit + 1);
        var decidedOn = calendar.AddWorkingDays(sentOn, days);
        if (decidedOn > today)
        {
            return target; // still being worked on
        }

        var approved = Chance(CityFigures.ApprovalShare(resident.LocalHukou == true));
        target.Status = approved ? CaseStatus.Approved : CaseStatus.Rejected;
        target.DecidedAt = instant ? at.AddSeconds(2) : CityTime.StartOfDayUtc(decidedOn).AddHours(15);
        batch.Actions.Add(Append(target, approved ? CaseActionKind.Approved : CaseActionKind.Rejected, target.DecidedAt.Value, instant ? ActorKind.Rule : ActorKind.Staff, instant ? Channel.System : Channel.Office));
        var ratedAt = target.DecidedAt.Value.AddDays(_ratings.Next(0, 4));
        if (service.Department is { } department && _ratings.NextDouble() < CityFigures.RatedShare(channel) && DateOnly.FromDateTime(CityTime.Local(ratedAt)) < today)
        {
            var rating = NewRating(target, department.Code, ratedAt, late: decidedOn > target.DueOn, approved);
            batch.Ratings.Add(rating);
            if (rating.IsBad)
            {
                batch.Rectifications.Add(NewRectification(rating));
            }
        }

        return target;
    }

    /// <summary>Her rating of a decided case, on the way she was served.</summary>
    private Rating NewRating(Case rated, string department, DateTime at, bool late, bool approved)
    {
        var bad = _ratings.NextDouble() < CityFigures.BadReviewShare(late, approved);
        return new Rating
        {
            Id = NewGuid(_ratings),
            CaseId = rated.Id,
            ResidentId = rated.ResidentId,
            ServiceCode = rated.ServiceCode,
            DepartmentCode = department,
            ServedOn = rated.Channel,
            RatedVia = rated.Channel switch { Channel.Online or Channel.PartnerApp => RatedVia.Web, Channel.Counter => RatedVia.CounterTablet, Channel.Hotline => RatedVia.Hotline, _ => RatedVia.Sms },
            Level = bad ? _ratings.Next(1, 3) : _ratings.Next(3, 6),
            RatedAt = at,
            RaterKind = ActorKind.Resident,
        };
    }

    /// <summary>
    /// The department's answer to a bad review: contacted the next working day, answered within the time limit or up to
    /// three days after it (<see cref="CityFigures.RectifiedOnTimeShare"/>), her verdict given; still open if that is not yet past.
    /// </summary>
    private Rectification NewRectification(Rating rating)
    {
        var ratedOn = DateOnly.FromDateTime(CityTime.Local(rating.RatedAt));
        var rectification = new Rectification
        {
            Id = NewGuid(_ratings),
            RatingId = rating.Id,
            CaseId = rating.CaseId,
            ResidentId = rating.ResidentId,
            ServiceCode = rating.ServiceCode,
            DepartmentCode = rating.DepartmentCode,
            OpenedAt = rating.RatedAt,
            ContactDueOn = calendar.AddWorkingDays(ratedOn, RectificationTimeLimits.Default.Contact),
            AnswerDueOn = calendar.AddWorkingDays(ratedOn, RectificationTimeLimits.Default.Simple),
        };
        var answeredOn = _ratings.NextDouble() < CityFigures.RectifiedOnTimeShare
            ? calendar.AddWorkingDays(ratedOn, _ratings.Next(1, RectificationTimeLimits.Default.Simple + 1))
            : calendar.AddWorkingDays(rectification.AnswerDueOn, _ratings.Next(1, 4));
        if (answeredOn < today)
        {
            rectification.ContactedAt = CityTime.StartOfDayUtc(rectification.ContactDueOn).AddHours(2);
            rectification.ContactNote = "电话回访。";
            rectification.AnsweredAt = CityTime.StartOfDayUtc(answeredOn).AddHours(8);
            (rectification.Found, rectification.Changed, rectification.AnsweredBy) = ("已核实情况。", "已改进办理流程。", "整改专员");
            rectification.Satisfied = _ratings.NextDouble() < 0.7;
            rectification.JudgedAt = rectification.AnsweredAt.Value.AddDays(1);
        }

        return rectification;
    }

    /// <summary>The case's next action: its sequence is the case's version, which it moves on by one.</summary>
    private static CaseAction Append(Case target, CaseActionKind kind, DateTime at, ActorKind actor, Channel channel) => new()
    {
        CaseId = target.Id,
        Sequence = ++target.Version,
        Kind = kind,
        At = at,
        ActorKind = actor,
        ActorName = actor == ActorKind.Resident ? null : target.ActorName ?? "审批人员",
        Channel = channel,
        Text = kind == CaseActionKind.Rejected ? "不符合条件。" : null,
        LegalBasis = kind == CaseActionKind.Rejected ? "《深圳市政务服务事项办事指南》" : null,
    };

    private Draft NewDraft(Resident resident, Service service, Channel channel, DateTime at) => new()
    {
        Id = NewGuid(),
        ResidentId = resident.Id,
        FormKey = $"services/{service.Code}",
        StartedChannel = channel,
        CreatedAt = at.AddMinutes(-_random.Next(3, 40)),
        UpdatedAt = at,
    };

    /// <summary>A question of the service's form (or its check page), later ones a little likelier: people tire.</summary>
    private string PageGivenUpOn(Service service)
    {
        var pages = catalogue.ApplicationForm("services", service.Code)?.Questions.Select(q => q.Id).Append("check").ToArray() ?? ["check"];
        return Pick(pages.Select((p, i) => (p, 1.0 + (i * 0.3))).ToArray());
    }

    private string NewReference()
    {
        string reference;
        do
        {
            reference = CaseReference.New(_random);
        }
        while (!_references.Add(reference));
        return reference;
    }

    /// <summary>A well-formed ID number (GB 11643-1999): a Shenzhen area code, the birth date, a sequence whose last digit is odd for a man, and the check digit.</summary>
    private string IdNumber(DateOnly born, bool male)
    {
        var sequence = (_random.Next(0, 50) * 2) + (male ? 1 : 0);
        var body = $"440300{born:yyyyMMdd}{_random.Next(0, 10)}{sequence:00}";
        return body + ResidentIdNumber.CheckDigit(body);
    }

    private Guid NewGuid(Random? from = null)
    {
        Span<byte> bytes = stackalloc byte[16];
        (from ?? _random).NextBytes(bytes);
        return new Guid(bytes);
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private int Poisson(double lambda)
    {
        var (limit, k, product) = (Math.Exp(-lambda), 0, _random.NextDouble());
        while (product > limit)
        {
            k++;
            product *= _random.NextDouble();
        }

        return k;
    }

    private T Pick<T>((T Item, double Share)[] choices)
    {
        var roll = _random.NextDouble() * choices.Sum(c => c.Share);
        foreach (var (item, share) in choices)
        {
            roll -= share;
            if (roll < 0)
            {
                return item;
            }
        }

        return choices[^1].Item;
    }
}
