using Tongban.Catalogue.Forms;

namespace Tongban.Tests.Catalogue.Import;

public sealed class FormExpressionsTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Theory]
    [InlineData("a.Age(\"born\") >= 80", true)]
    [InlineData("a.Age(\"born\") >= 90", false)]
    [InlineData("a.Is(\"residency\", \"hukou\") && a.Number(\"years\") >= 15", true)]
    [InlineData("a.DaysSince(\"born\") > 365 * 80", true)]
    [InlineData("!a.Yes(\"missing\")", true)]
    public void Rules_ReadTheAnswers(string rule, bool expected)
    {
        var answers = new FormAnswers(new Dictionary<string, string> { ["born"] = "1940-05-01", ["residency"] = "hukou", ["years"] = "30" }, Today);

        Assert.Equal(expected, FormExpressions.Evaluate(rule, answers));
    }

    [Theory]
    [InlineData("!a.Granted(\"unemployment-benefit\")", false)]
    [InlineData("a.GrantedWithinDays(\"unemployment-benefit\", 365)", true)]
    [InlineData("a.GrantedWithinDays(\"unemployment-benefit\", 30)", false)]
    [InlineData("a.Pending(\"senior-citizen-card\")", true)]
    [InlineData("a.Granted(\"senior-citizen-card\")", false)]
    public void Rules_SeeHerEarlierCases(string rule, bool expected)
    {
        var earlier = new[]
        {
            new EarlierCase("unemployment-benefit", "0000000000", Open: false, Granted: true, DecidedOn: Today.AddDays(-100)),
            new EarlierCase("senior-citizen-card", "1111111111", Open: true, Granted: false, DecidedOn: null),
        };

        Assert.Equal(expected, FormExpressions.Evaluate(rule, new FormAnswers(new Dictionary<string, string>(), Today, earlier)));
    }

    [Theory]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("a.GetType().Assembly != null")]
    [InlineData("typeof(System.Environment) != null")]
    [InlineData("a = null")]
    [InlineData("System.Environment.Exit(1) == null")]
    [InlineData("a.Age(\"x\")")]
    [InlineData("a.Age(\"x\") >=")]
    public void ARuleCanNeverRunCode_OrBeAnythingButTrueOrFalse(string rule) => Assert.NotNull(FormExpressions.Problem(rule));
}
