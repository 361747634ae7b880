using OpenAid.Domain.Common;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Regions;

namespace OpenAid.Domain.Tests;

/// <summary>Parameters reach clients as text that reads the same everywhere: the schema's enum names, ISO dates, plain digits.</summary>
public class DomainExceptionTests
{
    [Fact]
    public void Parameters_are_invariant_text_and_absent_values_are_left_out()
    {
        var error = new DomainException(
            Errors.NeedNotOpen,
            "message",
            "need",
            ("status", NeedStatus.PartlyPledged),
            ("level", RegionLevel.Village),
            ("deadline", new DateOnly(2026, 3, 1)),
            ("remaining", 1_000_000_000_000_000_000L),
            ("share", 3.5m),
            ("fund", null));

        Assert.Equal(
            [new("status", "PARTLY_PLEDGED"), new("level", "VILLAGE"), new("deadline", "2026-03-01"), new("remaining", "1000000000000000000"), new ErrorParameter("share", "3.5")],
            error.Parameters);
    }
}
