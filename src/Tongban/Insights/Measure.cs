namespace Tongban.Insights;

public enum MeasureUnit
{
    /// <summary>A share, shown as a percentage.</summary>
    Share,

    /// <summary>A count per 1,000 residents of the group.</summary>
    PerThousand,

    /// <summary>A mean number of working days.</summary>
    WorkingDays,
}

/// <summary>
/// One thing the observatory measures for every group: its value is a numerator over a denominator of the group's
/// <see cref="InsightCell"/>, and the denominator is the number of people (or cases) the value is about, which is
/// what is too small to publish under <see cref="Suppression.MinimumCount"/>.
/// </summary>
/// <param name="Code">Its address, as in <c>/insights/{code}</c>.</param>
/// <param name="Name">Its name in English, the key of its translation.</param>
/// <param name="Unit">How its value reads.</param>
/// <param name="HigherIsBetter">Whether the best group has the highest value.</param>
/// <param name="Numerator">What is counted.</param>
/// <param name="Denominator">What it is counted among: the people or cases the value is about.</param>
/// <param name="AlertGap">The difference between the best and the worst group above which staff are alerted, in the measure's unit (a share from 0 to 1); <c>Insights:AlertGap:{code}</c> overrides it.</param>
/// <param name="OfPeople">Whether it is a rate per resident, which has no channel.</param>
public sealed record Measure(string Code, string Name, MeasureUnit Unit, bool HigherIsBetter, Func<InsightCell, double> Numerator, Func<InsightCell, int> Denominator, double AlertGap, bool OfPeople = false)
{
    public static readonly Measure Reach = new("reach", "Applications reaching residents", MeasureUnit.PerThousand, true, c => c.Applicants, c => c.Residents, 100, OfPeople: true);
    public static readonly Measure OnlineTakeUp = new("online-take-up", "Applications sent online", MeasureUnit.Share, true, c => c.OnlineCases, c => c.Cases, 0.3);
    public static readonly Measure FormCompletion = new("form-completion", "Online forms finished", MeasureUnit.Share, true, c => c.DraftsSubmitted, c => c.DraftsStarted, 0.15);
    public static readonly Measure AssistedShare = new("assisted-share", "Applications made with help", MeasureUnit.Share, false, c => c.AssistedCases, c => c.Cases, 0.3);
    public static readonly Measure DaysToDecision = new("days-to-decision", "Working days to a decision", MeasureUnit.WorkingDays, false, c => c.DecisionWorkingDays, c => c.Decided, 2);
    public static readonly Measure ApprovalRate = new("approval-rate", "Applications approved", MeasureUnit.Share, true, c => c.Approved, c => c.Decided, 0.1);
    public static readonly Measure Breaches = new("breaches", "Time limits broken", MeasureUnit.Share, false, c => c.Breached, c => c.Cases, 0.05);

    public static readonly Measure OffersTakenUp = new("offers-taken-up", "Offers from the city taken up", MeasureUnit.Share, true, c => c.OffersTaken, c => c.Offered, 0.2);
    public static readonly Measure OffersUnreached = new("offers-unreached", "Offers no message reached", MeasureUnit.Share, false, c => c.OffersUnreached, c => c.Offered, 0.15);

    /// <summary>The share of ratings that were not a bad review: 基本满意 or better, as the national rules count satisfaction.</summary>
    public static readonly Measure Satisfaction = new("satisfaction", "Ratings that were not bad reviews", MeasureUnit.Share, true, c => c.Rated - c.BadReviews, c => c.Rated, 0.1);

    /// <summary>The share of queue tickets at the halls called within 15 minutes of taking them (or of her appointment's time).</summary>
    public static readonly Measure HallWaits = new("hall-waits", "Hall visits called within 15 minutes", MeasureUnit.Share, true, c => c.CalledWithinQuarterHour, c => c.HallVisits, 0.15);

    public static readonly IReadOnlyList<Measure> All = [Reach, OnlineTakeUp, FormCompletion, AssistedShare, DaysToDecision, ApprovalRate, Breaches, OffersTakenUp, OffersUnreached, Satisfaction, HallWaits];

    public static Measure? Find(string? code) => All.FirstOrDefault(m => m.Code == code);

    /// <summary>Whether it can be measured by <paramref name="dimensionCode"/>: a rate per resident has no channel.</summary>
    public bool AppliesTo(string dimensionCode) => !(OfPeople && dimensionCode.Split(Dimension.Cross).Contains(Dimension.Channel.Code));

    /// <summary>The group's value, or null when there is nothing to divide by.</summary>
    public double? ValueOf(InsightCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var denominator = Denominator(cell);
        if (denominator == 0)
        {
            return null;
        }

        var value = Numerator(cell) / denominator;
        return Unit == MeasureUnit.PerThousand ? value * 1000 : value;
    }
}
