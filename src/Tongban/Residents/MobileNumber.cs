using PhoneNumbers;

namespace Tongban.Residents;

/// <summary>A mainland China mobile number, however it was typed ("138 0013 8000", "+86 138-0013-8000"), in E.164 form.</summary>
public static class MobileNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public const int MaxInputLength = 32;

    /// <summary>The E.164 form (+8613800138000), or null when this is not a mainland mobile number.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > MaxInputLength)
        {
            return null;
        }

        try
        {
            var number = Util.Parse(typed, "CN");
            var type = Util.GetNumberType(number);
            return number.CountryCode == 86 && Util.IsValidNumber(number) && type is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE
                ? Util.Format(number, PhoneNumberFormat.E164)
                : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>For showing on screen without revealing the whole number: 138****8000.</summary>
    public static string Masked(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        var national = e164.StartsWith("+86", StringComparison.Ordinal) ? e164[3..] : e164;
        return national.Length == 11 ? $"{national[..3]}****{national[7..]}" : national;
    }
}
