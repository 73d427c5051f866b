namespace Tongban.Ratings.Visits;

/// <summary>
/// What a rating of a counter visit or a 12345 call counts under, in place of a service from the catalogue: its own
/// code, so that visits and calls have their own rows on <c>/ratings</c>, and the department that runs the halls and
/// the hotline (the city's government services bureau), which answers their bad reviews.
/// </summary>
public static class VisitService
{
    public const string CounterVisit = "counter-visit";
    public const string HotlineCall = "hotline-call";

    /// <summary>The catalogue's department for the halls and 12345.</summary>
    public const string Department = "government-services";

    public static string CodeFor(Channel channel) => channel == Channel.Hotline ? HotlineCall : CounterVisit;

    /// <summary>The words for a visit's or call's code (a resource key), or null for a service of the catalogue.</summary>
    public static string? NameKey(string code) => code switch
    {
        CounterVisit => "A visit to a service hall",
        HotlineCall => "A call to 12345",
        _ => null,
    };
}
