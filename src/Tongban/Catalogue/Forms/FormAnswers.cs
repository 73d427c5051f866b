using System.Globalization;

namespace Tongban.Catalogue.Forms;

/// <summary>
/// The answers as rules and conditions see them, under the name <c>a</c>:
/// <c>a.Age("applicant.dateOfBirth") &gt;= 80</c>, <c>a.Yes("household.ownsHome")</c>,
/// <c>a.Number("household.monthlyIncome") &lt;= 1300</c>, <c>a.Is("applicant.district", "futian")</c>.
/// Missing answers read as empty, zero or no, never as an error. Her earlier applications are seen too:
/// <c>a.Granted("unemployment-benefit")</c>, <c>a.GrantedWithinDays("maternity-allowance", 300)</c>, <c>a.Pending("…")</c>.
/// </summary>
public sealed class FormAnswers(IReadOnlyDictionary<string, string> values, DateOnly today, IReadOnlyList<EarlierCase>? earlier = null)
{
    public DateOnly Today => today;

    /// <summary>
    /// Whether anything read an answer she did not give. Instant approval refuses a rule that did: read as empty,
    /// zero or no, a missing date would be "0 days ago" and pass "within a month".
    /// </summary>
    public bool ReadMissing { get; private set; }

    public bool Has(string id) => Text(id).Length > 0;

    public string Text(string id)
    {
        if (values.TryGetValue(id, out var v) && v.Length > 0)
        {
            return v;
        }

        ReadMissing = true;
        return "";
    }

    public bool Is(string id, string value) => Text(id) == value;

    public bool Yes(string id) => Text(id) == "yes";

    public decimal Number(string id) => decimal.TryParse(Text(id), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public DateOnly? Date(string id) => DateOnly.TryParseExact(Text(id), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Whole years from the date answer to today; -1 when there is no date.</summary>
    public int Age(string id)
    {
        if (Date(id) is not { } born)
        {
            return -1;
        }

        var age = today.Year - born.Year;
        return born.AddYears(age) > today ? age - 1 : age;
    }

    /// <summary>Whether a case of the service was ever granted to her.</summary>
    public bool Granted(string service) => (earlier ?? []).Any(c => c.ServiceCode == service && c.Granted);

    /// <summary>Whether a case of the service was granted to her in the last <paramref name="days"/> days.</summary>
    public bool GrantedWithinDays(string service, int days) =>
        (earlier ?? []).Any(c => c.ServiceCode == service && c.Granted && c.DecidedOn is { } on && today.DayNumber - on.DayNumber < days);

    /// <summary>Whether she has an application for the service that is not decided yet.</summary>
    public bool Pending(string service) => (earlier ?? []).Any(c => c.ServiceCode == service && c.Open);

    /// <summary>Whole days from the date answer to today (negative for a future date); 0 when there is no date.</summary>
    public int DaysSince(string id) => Date(id) is { } d ? today.DayNumber - d.DayNumber : 0;
}
