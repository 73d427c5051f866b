using Tongban.Residents;

namespace Tongban.Tests.Residents;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [InlineData("11010519491231002X")] // the standard's own example, check character X
    [InlineData("11010519491231002x")] // typed in lower case
    [InlineData("440304199001011233")]
    [InlineData(" 4403 0419 9001 0112 33 ")]
    public void Check_AWellFormedNumber_HasNoProblem(string id) =>
        Assert.Equal(ResidentIdProblem.None, ResidentIdNumber.Check(id, Today));

    [Theory]
    [InlineData("", ResidentIdProblem.Empty)]
    [InlineData("   ", ResidentIdProblem.Empty)]
    [InlineData("44030419900101123", ResidentIdProblem.WrongLength)]
    [InlineData("4403041990010112345", ResidentIdProblem.WrongLength)]
    [InlineData("44030419900101123A", ResidentIdProblem.WrongCharacters)]
    [InlineData("4403041990O1011234", ResidentIdProblem.WrongCharacters)]
    [InlineData("990304199001011234", ResidentIdProblem.UnknownRegion)]
    [InlineData("440304199002301234", ResidentIdProblem.ImpossibleBirthDate)] // 30 February
    [InlineData("440304203001011234", ResidentIdProblem.ImpossibleBirthDate)] // born in the future
    [InlineData("440304199001011234", ResidentIdProblem.WrongCheckDigit)]
    [InlineData("110105194912310021", ResidentIdProblem.WrongCheckDigit)]
    public void Check_ABadNumber_SaysWhatIsWrong(string id, ResidentIdProblem problem) =>
        Assert.Equal(problem, ResidentIdNumber.Check(id, Today));

    [Fact]
    public void BirthDate_IsReadFromTheNumber() =>
        Assert.Equal(new DateOnly(1949, 12, 31), ResidentIdNumber.BirthDate("11010519491231002X"));
}
