namespace Tongban.Insights;

/// <summary>
/// The counts behind every measure for one group in one period, kept by <see cref="RefreshInsights"/> so that no
/// page counts cases. Counts of people, never people: the smallest published is <see cref="Suppression.MinimumCount"/>.
/// </summary>
public sealed class InsightCell
{
    public long Id { get; set; }

    /// <summary>The department whose services the counts are of, or null for the whole city. Departments are counted over the twelve months, by one grouping at a time.</summary>
    public string? Department { get; set; }

    /// <summary>One of the <see cref="Department"/>'s services, whose counts these are alone; null for all its services (or the city's).</summary>
    public string? Service { get; set; }

    /// <summary>"12m" (the twelve months to the day of counting) or a calendar month, "2026-11".</summary>
    public required string Period { get; set; }

    /// <summary>A <see cref="Dimension"/> code, or two joined by "×" for crossed groups ("age×district").</summary>
    public required string Dimension { get; set; }

    /// <summary>The group's code, or two joined by "|" for crossed groups ("75+|futian").</summary>
    public required string Group { get; set; }

    /// <summary>Residents in the group (the population a rate per 1,000 is of); 0 for the channel, which is not a person's.</summary>
    public int Residents { get; set; }

    /// <summary>Residents with at least one application in the period.</summary>
    public int Applicants { get; set; }

    public int Cases { get; set; }

    /// <summary>Sent by herself online or through a partner app.</summary>
    public int OnlineCases { get; set; }

    /// <summary>Sent for her by a clerk, a hotline agent or a family member, or by post.</summary>
    public int AssistedCases { get; set; }

    /// <summary>Online forms started, and of them those sent.</summary>
    public int DraftsStarted { get; set; }

    public int DraftsSubmitted { get; set; }

    /// <summary>For a form page (<see cref="InsightCounter.PageDimension"/>): online forms given up on it; their form's starts are in <see cref="DraftsStarted"/>.</summary>
    public int Abandoned { get; set; }

    /// <summary>Cases decided, approved, and the working days they took in all.</summary>
    public int Decided { get; set; }

    public int Approved { get; set; }
    public long DecisionWorkingDays { get; set; }

    /// <summary>Cases decided after their time limit, or still open past it.</summary>
    public int Breached { get; set; }

    /// <summary>Services the city offered on its own (see Entitlements), those taken up (accepted or granted), and those no message reached.</summary>
    public int Offered { get; set; }

    public int OffersTaken { get; set; }
    public int OffersUnreached { get; set; }

    /// <summary>Cases rated (好差评) in the period, by the case's channel, and of them the bad reviews (levels 1–2); none an upheld appeal removed.</summary>
    public int Rated { get; set; }

    public int BadReviews { get; set; }

    /// <summary>Queue tickets at the halls called in the period (served or called and not there), and of them those called within 15 minutes.</summary>
    public int HallVisits { get; set; }

    public int CalledWithinQuarterHour { get; set; }

    public DateTime ComputedAt { get; set; }
}
