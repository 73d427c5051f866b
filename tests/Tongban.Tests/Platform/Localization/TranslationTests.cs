using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tongban.Platform.Audit;
using Tongban.Residents;
using Tongban.Residents.Assisted;
using Tongban.Staff;

using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Localization;

/// <summary>Every text a person reads exists in Chinese (the default language), and every code-like key has its English too.</summary>
public sealed partial class TranslationTests
{
    private static readonly string Source = Path.Combine(Checkout.Root, "src", "Tongban");


    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Source, "Platform", "Localization", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    /// <summary>Keys built from enum values: the enum's every value needs a text.</summary>
    private static IEnumerable<string> CodeKeys() =>
        Enum.GetNames<StaffRole>().Select(n => $"Role.{n}")
            .Concat(Enum.GetNames<ContactChannel>().Select(n => $"Contact.{n}"))
            .Concat(Enum.GetValues<AccessibilityNeeds>().Where(n => n != AccessibilityNeeds.None).Select(n => $"Need.{n}"))
            .Concat(Enum.GetNames<IdentityCheck>().Select(n => $"IdentityCheck.{n}"))
            .Concat(Enum.GetNames<ActorKind>().Select(n => $"Actor.{n}"))
            .Concat(Enum.GetNames<Channel>().Select(n => $"Channel.{n}"))
            .Concat(Enum.GetNames<Tongban.Cases.CaseStatus>().Select(n => $"CaseStatus.{n}"))
            .Concat(Enum.GetNames<IdNumberProof>().Select(n => $"IdProof.{n}"))
            .Concat(Enum.GetNames<Tongban.Platform.Audit.Anchor.TrailVerdict>().Select(n => $"Trail.{n}"))
            .Concat(Enum.GetNames<Tongban.Cases.Alerts.StaffAlertKind>().Select(n => $"Alert.{n}"))
            .Concat(Enum.GetNames<Tongban.Ratings.Rectifications.RectificationStatus>().Select(n => $"Rectification.{n}"))
            .Concat(Tongban.Ratings.RatingDimensions.Online.Concat(Tongban.Ratings.RatingDimensions.Offline).Select(d => $"Rating.{d}"))
            .Concat(Enumerable.Range(1, 5).Select(level => $"Rating.Level{level}"))
            .Append("Channel.Office")
            .Concat(["Audit.Viewed.Profile", "Audit.Changed.Profile", "Audit.Created.Profile", "Audit.Accepted.Delegation", "Audit.Revoked.Delegation", "Audit.Created.Case", "Audit.Viewed.Case", "Audit.Changed.Case", "Audit.Changed.Mobile", "Audit.Viewed.Inbox", "Audit.Viewed.Activity", "Audit.Changed.IdNumber", "Audit.Viewed.Document", "Audit.Viewed.Letter", "Audit.Viewed.Applications", "Audit.Accepted.Offer", "Audit.Changed.Offer", "Audit.Viewed.Offer", "Audit.Created.Case.Rated", "Audit.Viewed.Case.Rating", "Audit.Changed.Case.RatingAppealed", "Audit.Changed.Case.RatingExcluded", "Audit.Changed.Case.RatingAppealRejected"])
            .Concat(Enum.GetNames<Tongban.Ratings.Rectifications.RectificationStep>().Select(n => $"Audit.Changed.Case.Rectification{n}"));

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.zh-CN.resx")]
    public void NoTwoKeys_DifferOnlyInCase(string file)
    {
        // The resource build keeps one of two such keys and drops the other's text without failing.
        var names = XDocument.Load(Path.Combine(Source, "Platform", "Localization", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!);
        Assert.Empty(names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void EveryLiteralText_HasAChineseTranslation()
    {
        var chinese = Keys("SharedResource.zh-CN.resx");
        var used = Directory.EnumerateFiles(Source, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Literal().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal)))
            .ToHashSet();

        Assert.True(used.Count > 100, $"only {used.Count} texts found: is the pattern still right?");
        var untranslated = used.Where(k => !chinese.Contains(k)).Order().ToList();
        Assert.Empty(untranslated);
    }

    [Fact]
    public void EveryCodeKey_HasEnglishAndChinese()
    {
        var english = Keys("SharedResource.resx");
        var chinese = Keys("SharedResource.zh-CN.resx");

        var missing = CodeKeys().Where(k => !english.Contains(k) || !chinese.Contains(k)).ToList();
        Assert.Empty(missing);
    }

    [GeneratedRegex("""\b[Tt]\["((?:[^"\\]|\\.)*)"[,\]]""")]
    private static partial Regex Literal();
}
