using Microsoft.Extensions.Localization;

namespace Tongban.Residents;

/// <summary>
/// "By what right", in her words, for a trail entry or a case action: the right the actor recorded (see
/// <see cref="Platform.Audit.Actor.Reason"/>). Every right the platform records has its sentence; an unknown one is
/// shown as recorded rather than hidden.
/// </summary>
public static class ActingRightText
{
    /// <summary>Worded to the resident ("your consent") on her pages, about her ("her consent") on staff pages when <paramref name="toHer"/> is false.</summary>
    public static string Describe(string? reason, IStringLocalizer t, bool toHer = true)
    {
        ArgumentNullException.ThrowIfNull(t);
        var (kind, detail) = reason?.Split(':', 2) switch
        {
            [var k, var d] => (k, d),
            [var k] => (k, ""),
            _ => ("", ""),
        };
        return kind switch
        {
            "" => "",
            "consent" => toHer ? t["Your consent, reference {0}", detail] : t["Her consent, reference {0}", detail],
            "delegation" => toHer ? t["Under a permission you gave"] : t["Under a permission she gave (亲友代办)"],
            "department" => t["Officer of the department that handles the application"],
            "time limit" => t["The statutory time limit ran out"],
            "rules" => t["The published rules (form version {0})", detail],
            "audit" => t["Operator's check of the city's records"],
            "post room" => t["Printing and posting a letter to you"],
            "dispute" or "card" => t["Settling a dispute over your ID number, with your ID card seen at a counter"],
            _ => reason!,
        };
    }
}
