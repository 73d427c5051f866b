namespace Tongban.Insights.Seeding;

/// <summary>
/// The figures the synthetic city is drawn from. Published figures carry their source; where none is published, the
/// figure is marked as an assumption, chosen to be plausible and to make the gaps the observatory must find visible.
/// </summary>
public static class CityFigures
{
    /// <summary>
    /// Adult residents by age band. Seventh national population census (2020), Shenzhen bulletin: 15–59 is 79.53 %,
    /// 60 and over 5.36 %, 65 and over about 3.2 % of the population. 15–59 is spread evenly over its years (assumption);
    /// 60–64 is the difference of the two older shares; 65+ is split 2 : 1 between 65–74 and 75+ (assumption).
    /// </summary>
    public static readonly (string Band, int From, int To, double Share)[] AgeBands =
    [
        ("18-24", 18, 24, 0.7953 * 7 / 45),
        ("25-34", 25, 34, 0.7953 * 10 / 45),
        ("35-44", 35, 44, 0.7953 * 10 / 45),
        ("45-54", 45, 54, 0.7953 * 10 / 45),
        ("55-64", 55, 64, (0.7953 * 5 / 45) + (0.0536 - 0.032)),
        ("65-74", 65, 74, 0.032 * 2 / 3),
        ("75+", 75, 95, 0.032 / 3),
    ];

    /// <summary>Census 2020, Shenzhen: 130 men for every 100 women.</summary>
    public const double MaleShare = 130.0 / 230;

    /// <summary>Census 2020, Shenzhen: 33.4 % of residents hold a Shenzhen household registration.</summary>
    public const double LocalHukouShare = 0.334;

    /// <summary>Residents using Tongban in English (assumption: no published figure; Shenzhen's foreign residents are a small share).</summary>
    public const double EnglishShare = 0.012;

    /// <summary>Residents agreeing to be counted by group (assumption).</summary>
    public const double StatisticsConsentShare = 0.9;

    /// <summary>
    /// Residents with a disability or access need, by age band (assumption, scaled so that the adult total is near the
    /// 6.34 % of the Second China National Sample Survey on Disability, 2006, more than half of them 60 or over).
    /// </summary>
    public static double DisabilityShare(string band) => band switch { "65-74" => 0.18, "75+" => 0.32, "55-64" => 0.09, _ => 0.04 };

    /// <summary>
    /// Share of each age band able to use an online service by themselves. CNNIC (56th report, June 2025): 79.7 % of
    /// the whole population online, 52 % of those 60 and over; Shenzhen's working ages are taken as nearly all online,
    /// the older bands spread around the 60+ figure (assumption). A disability lowers it by a quarter (assumption).
    /// </summary>
    public static double OnlineShare(string band) => band switch { "55-64" => 0.85, "65-74" => 0.55, "75+" => 0.3, _ => 0.98 };

    /// <summary>
    /// Share of online forms given up, by age band (assumption, following CNNIC's reasons for not going online in
    /// December 2021: lack of skills 48.4 %, of literacy such as pinyin 25.7 %); higher for a disability or in English.
    /// </summary>
    public static double GiveUpShare(string band) => band switch { "55-64" => 0.14, "65-74" => 0.28, "75+" => 0.42, _ => 0.07 };

    /// <summary>
    /// How those who do not apply online reach a service (assumption): CNNIC December 2021 gives "no device" as the
    /// reason of 17.5 % of non-users, who are taken to phone or write; the rest go to a counter or ask family.
    /// </summary>
    public static readonly (Channel Channel, Platform.Audit.ActorKind Actor, double Share)[] OfflineRoutes =
    [
        (Channel.Counter, Platform.Audit.ActorKind.Staff, 0.58),
        (Channel.Hotline, Platform.Audit.ActorKind.Staff, 0.14),
        (Channel.Post, Platform.Audit.ActorKind.Resident, 0.06),
        (Channel.Online, Platform.Audit.ActorKind.Proxy, 0.22),
    ];

    /// <summary>Applications a resident makes in a year, on average (assumption; i深圳 counted 6 million users for 7,000 services in 2020).</summary>
    public const double ApplicationsPerResident = 5;

    /// <summary>Share of online applications decided at once by published rules (assumption).</summary>
    public const double InstantShare = 0.4;

    /// <summary>Approval rate; lower without local hukou, which some services require (assumption).</summary>
    public static double ApprovalShare(bool localHukou) => localHukou ? 0.9 : 0.8;

    /// <summary>Share of decisions after the time limit, by the channel the case came by (assumption: post is slowest).</summary>
    public static double BreachShare(Channel channel) => channel == Channel.Post ? 0.12 : channel == Channel.Hotline ? 0.07 : 0.04;

    /// <summary>
    /// Share of decided cases their resident rates (assumption: the national rules ask for every one, far fewer are);
    /// fewer of those served on paper, who are asked by SMS or at the next visit.
    /// </summary>
    public static double RatedShare(Channel channel) => channel is Channel.Online or Channel.PartnerApp or Channel.Counter ? 0.35 : 0.2;

    /// <summary>Chance that a rating is a bad review (levels 1–2), higher after a late decision or a refusal (assumption).</summary>
    public static double BadReviewShare(bool late, bool approved) => 0.02 + (late ? 0.15 : 0) + (approved ? 0 : 0.12);

    /// <summary>Share of bad reviews a department answers within the time limit (assumption).</summary>
    public const double RectifiedOnTimeShare = 0.85;
}
