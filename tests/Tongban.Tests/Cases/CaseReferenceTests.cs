using Tongban.Cases;

namespace Tongban.Tests.Cases;

public sealed class CaseReferenceTests
{
    [Fact]
    public void NewReferences_CheckOut_AndReadBackHoweverTheyAreTyped()
    {
        for (var i = 0; i < 1000; i++)
        {
            var reference = CaseReference.New();
            var shown = CaseReference.Display(reference);

            Assert.Equal(reference, CaseReference.Normalize(reference));
            Assert.Equal(reference, CaseReference.Normalize(shown.ToLowerInvariant()));
            Assert.Equal(reference, CaseReference.Normalize(shown.Replace('-', ' ')));
            Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z*~$=U]$", shown);
        }
    }

    [Fact]
    public void OneWrongCharacter_OrTwoSwapped_IsCaught()
    {
        var caught = 0;
        var tried = 0;
        for (var i = 0; i < 300; i++)
        {
            var reference = CaseReference.New();
            var chars = reference.ToCharArray();
            chars[i % 8] = chars[i % 8] == '7' ? '8' : '7';
            tried++;
            caught += CaseReference.Normalize(new string(chars)) is null ? 1 : 0;

            var swapped = reference.ToCharArray();
            var at = i % 7;
            if (swapped[at] != swapped[at + 1])
            {
                (swapped[at], swapped[at + 1]) = (swapped[at + 1], swapped[at]);
                tried++;
                caught += CaseReference.Normalize(new string(swapped)) is null ? 1 : 0;
            }
        }

        Assert.Equal(tried, caught);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCD-EFGH")]
    [InlineData("ABCD-EFGH-JK")]
    [InlineData("<script>")]
    public void NonsenseIsNotAReference(string typed) => Assert.Null(CaseReference.Normalize(typed));
}
