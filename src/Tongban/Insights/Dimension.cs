namespace Tongban.Insights;

/// <summary>
/// A way of dividing people into groups. Ordered dimensions (age) carry a gradient, which the slope and concentration
/// indices measure; the others (district) do not. "unknown" collects those who did not agree to be counted by group.
/// </summary>
public sealed record Dimension(string Code, bool Ordered, IReadOnlyList<string> Groups, bool OfPeople = true)
{
    public const string Unknown = "unknown";
    public const string Cross = "×";
    public const string GroupSeparator = "|";

    public static readonly Dimension Age = new("age", true, ["18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"]);
    public static readonly Dimension District = new("district", false, ["futian", "luohu", "nanshan", "yantian", "baoan", "longgang", "longhua", "pingshan", "guangming", "dapeng", "shenshan"]);
    public static readonly Dimension Sex = new("sex", false, ["female", "male"]);
    public static readonly Dimension Hukou = new("hukou", false, ["local", "other"]);
    public static readonly Dimension Language = new("language", false, ["zh-CN", "en"]);
    public static readonly Dimension Disability = new("disability", false, ["none", "some"]);

    /// <summary>The channel a case came by: a group of cases, not of people.</summary>
    public static readonly Dimension Channel = new("channel", false, ["Online", "PartnerApp", "Counter", "Hotline", "Post", "Kiosk", "Proactive"], OfPeople: false);

    public static readonly IReadOnlyList<Dimension> All = [Age, District, Sex, Hukou, Language, Disability, Channel];

    public static Dimension? Find(string? code) => All.FirstOrDefault(d => d.Code == code);

    /// <summary>Every pair of dimensions, each once, in the order of <see cref="All"/>: "age×district".</summary>
    public static IEnumerable<(Dimension First, Dimension Second)> Pairs() =>
        All.SelectMany((a, i) => All.Skip(i + 1).Select(b => (a, b)));

    public static string CrossCode(Dimension first, Dimension second) => first.Code + Cross + second.Code;
}
