namespace Tongban.Partners;

/// <summary>A partner app (super-app, bank, telecom) that opens the city's pages for its users.</summary>
public sealed class PartnerApp
{
    /// <summary>The partner's name as residents know it.</summary>
    public string Name { get; set; } = "";

    /// <summary>The key the partner signs its launch links with (at least 32 characters), shared with it out of band.</summary>
    public string LaunchSecret { get; set; } = "";
}

/// <summary>The partner apps, from configuration (<c>Partners:Apps:{code}:Name</c>, <c>…:LaunchSecret</c>).</summary>
public sealed class PartnerOptions
{
    public const string Section = "Partners";

    /// <summary>A partner's code is stored on its cases.</summary>
    public const int CodeMaxLength = 40;

    /// <summary>Codes are lower-case letters, digits and hyphens, as in links: <c>demo-superapp</c>.</summary>
    public bool CodesAreValid() => Apps.Keys.All(IsCode);

    /// <summary>A partner code (also an API partner's client id): 1–40 lower-case letters, digits or hyphens.</summary>
    public static bool IsCode(string code) => code.Length is > 0 and <= CodeMaxLength && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    public Dictionary<string, PartnerApp> Apps { get; } = new(StringComparer.Ordinal);
}
