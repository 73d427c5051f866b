using Tongban.Cases;

namespace Tongban.Tests.Cases;

public sealed class CaseReferenceTests
{
    [Fact]
    public void NewReferences_AreDigitsAndUnambiguousCapitals_AndReadBackHoweverTheyAreTyped()
    {
        for (var i = 0; i < 5000; i++)
        {
            var reference = CaseReference.New();
            var shown = CaseReference.Display(reference);

            Assert.Equal(reference, CaseReference.Normalize(reference));
            Assert.Equal(reference, CaseReference.Normalize(shown.ToLowerInvariant()));
            Assert.Equal(reference, CaseReference.Normalize(shown.Replace('-', ' ')));
            Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$", shown);
        }
    }

    [Fact]
    public void EveryWrongCharacter_AndEverySwapOfNeighbours_IsCaught()
    {
        const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        for (var i = 0; i < 200; i++)
        {
            var reference = CaseReference.New();
            for (var at = 0; at < 9; at++)
            {
                foreach (var other in Alphabet.Where(c => c != reference[at]))
                {
                    var chars = reference.ToCharArray();
                    chars[at] = other;
                    Assert.False(CaseReference.HasValidCheck(new string(chars)), $"{reference}: {other} at {at}");
                }
            }

            for (var at = 0; at < 8; at++)
            {
                var pair = new[] { reference[at], reference[at + 1] };
                if (pair[0] == pair[1] || (pair.Contains('0') && pair.Contains('Z')))
                {
                    continue; // Luhn mod 32 cannot see 0 and Z swapped, as Luhn cannot see 0 and 9.
                }

                var swapped = reference.ToCharArray();
                (swapped[at], swapped[at + 1]) = (swapped[at + 1], swapped[at]);
                Assert.False(CaseReference.HasValidCheck(new string(swapped)), $"{reference}: swapped at {at}");
            }
        }
    }

    /// <summary>References printed before the check changed (Crockford's mod 37, ending in a symbol one time in seven) are still looked up as printed.</summary>
    [Theory]
    [InlineData("Y0N9-5SGB-$")]
    [InlineData("0000-0000-0")]
    public void ReferencesOnLettersAlreadyPosted_AreStillRead(string printed) =>
        Assert.Equal(printed.Replace("-", "", StringComparison.Ordinal), CaseReference.Normalize(printed));

    [Theory]
    [InlineData("")]
    [InlineData("ABCD-EFGH")]
    [InlineData("ABCD-EFGH-JK")]
    [InlineData("<script>")]
    [InlineData("Y0N9-5SGB-*")]
    public void NonsenseIsNotAReference(string typed) => Assert.Null(CaseReference.Normalize(typed));
}
