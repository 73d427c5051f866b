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
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("a.GetType().Assembly != null")]
    [InlineData("typeof(System.Environment) != null")]
    [InlineData("a = null")]
    [InlineData("System.Environment.Exit(1) == null")]
    [InlineData("a.Age(\"x\")")]
    [InlineData("a.Age(\"x\") >=")]
    public void ARuleCanNeverRunCode_OrBeAnythingButTrueOrFalse(string rule) => Assert.NotNull(FormExpressions.Problem(rule));
}
