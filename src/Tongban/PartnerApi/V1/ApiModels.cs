using Tongban.Platform.Localization;

namespace Tongban.PartnerApi.V1;

/// <summary>A text in both of the city's languages.</summary>
public sealed record ApiText(string ZhCn, string En)
{
    public static ApiText Of(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(text.ZhCn, text.En);
    }
}

/// <summary>A service of the catalogue, as a partner lists it.</summary>
public sealed record ApiService(string Code, ApiText Name, ApiText Summary, int TimeLimitWorkingDays, bool AppliesOnline);

/// <summary>One of her cases: the reference she reads on her letters, the service, where it stands and by when it is due.</summary>
public sealed record ApiCase(string Reference, string ServiceCode, ApiText ServiceName, string Status, DateTime SubmittedAt, DateOnly DueOn, DateTime? DecidedAt, string Channel);

/// <summary>A page of a list: the items and how many there are in all.</summary>
public sealed record ApiList<T>(IReadOnlyList<T> Items, int Total);
