using OpenAid.Domain.Common;
using OpenAid.Domain.Notices;

namespace OpenAid.Domain.Tests.Common;

/// <summary>The shared checks of single values: their bounds and what they say when a value is refused.</summary>
public class FieldsTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(Fields.MaxAmountFen)]
    public void An_amount_from_one_fen_to_the_largest_is_taken(long fen) => Assert.Equal(fen, Fields.PositiveAmount(fen, "amountFen"));

    [Theory]
    [InlineData(Fields.MinYear)]
    [InlineData(Fields.MaxYear)]
    public void A_year_from_2000_to_2100_is_taken(int year) => Assert.Equal(year, Fields.Year(year, "year"));

    [Fact]
    public void A_count_from_nothing_to_its_limit_is_taken() => Assert.Equal((0, 5), (Fields.Count(0, "n", 5), Fields.Count(5, "n", 5)));

    public static TheoryData<Action, string, string, string> Refusals => new()
    {
        { () => Fields.PositiveAmount(0, "budgetFen"), "INVALID_AMOUNT", "budgetFen", "'budgetFen' must be more than 0 and at most 100000000000000 fen; it was 0." },
        { () => Fields.NonNegativeAmount(-1, "collectiveIncomeFen"), "INVALID_AMOUNT", "collectiveIncomeFen", "'collectiveIncomeFen' must be more than 0 and at most 100000000000000 fen; it was -1." },
        { () => Fields.Count(6, "poorPeople", 5), "INVALID_COUNT", "poorPeople", "'poorPeople' must be from 0 to 5; it was 6." },
        { () => Fields.Count(-1, "population", 5), "INVALID_COUNT", "population", "'population' must be from 0 to 5; it was -1." },
        { () => Fields.Year(1999, "fiscalYear"), "INVALID_YEAR", "fiscalYear", "'fiscalYear' must be a year from 2000 to 2100; it was 1999." },
        { () => Fields.Year(2101, "year"), "INVALID_YEAR", "year", "'year' must be a year from 2000 to 2100; it was 2101." },
        { () => Fields.PublicText(" ", "title", 10), "REQUIRED", "title", "'title' must not be empty." },
        { () => Fields.PublicText(null, "body", 10), "REQUIRED", "body", "'body' must not be empty." },
        { () => Fields.PublicText("12345678901", "name", 10), "TOO_LONG", "name", "'name' may have at most 10 characters; it has 11." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_field_refusal_names_the_field_and_the_bound(Action refused, string code, string field, string message)
    {
        var error = Assert.Throws<DomainException>(refused);
        Assert.Equal((code, field, message), (error.Code, error.Field, error.Message));
    }

    [Fact]
    public void Today_needs_a_clock_and_register_numbers_need_the_numbers_taken()
    {
        Assert.Throws<ArgumentNullException>(() => ((TimeProvider)null!).Today());
        Assert.Throws<ArgumentNullException>(() => RegisterNumbers.Highest("GS-451021-2019-", null!));
    }
}
