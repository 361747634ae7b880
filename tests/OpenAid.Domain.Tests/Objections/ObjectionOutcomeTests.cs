using OpenAid.Domain.Common;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Objections;

namespace OpenAid.Domain.Tests.Objections;

public class ObjectionOutcomeTests
{
    private const string Unit = "田阳县扶贫开发办公室 · 审核员";
    private static readonly DateTimeOffset Now = new(2020, 5, 11, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A misuse report under investigation in a village of 田阳县 (or elsewhere), where the sample notice is published.</summary>
    private static Objection Investigated(long region = 451_021_100_001)
    {
        var objection = Objection.File("YY-451021-2020-0001", null, region, ObjectionCategory.Withholding, "补助资金被截留", null, null, new DateOnly(2020, 5, 1));
        objection.StartInvestigation(Now);
        return objection;
    }

    private static Notice Correction(NoticeStatus status = NoticeStatus.Published) => NoticeRulesTests.NewNotice(status).WithId(7);

    private static void AssertRefused(string code, string field, Action act)
    {
        var e = Assert.Throws<DomainException>(act);
        Assert.Equal(code, e.Code);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void An_upheld_answer_records_money_recovered_measures_and_the_correcting_notice()
    {
        var objection = Investigated();

        objection.Respond("属实，已追回。", Unit, Now, ObjectionFinding.Upheld,
            new ObjectionOutcome(1_250_000, [ObjectionMeasure.Referral, ObjectionMeasure.Recovery, ObjectionMeasure.Recovery], Correction()));

        Assert.Equal(ObjectionStatus.Answered, objection.Status);
        Assert.Equal(1_250_000, objection.MoneyRecoveredFen);
        Assert.Equal([ObjectionMeasure.Recovery, ObjectionMeasure.Referral], objection.Measures);
        Assert.Equal(7, objection.CorrectingNoticeId);
    }

    [Fact]
    public void A_partly_upheld_answer_may_take_measures_without_money()
    {
        var objection = Investigated();
        objection.Respond("部分属实。", Unit, Now, ObjectionFinding.PartlyUpheld, new ObjectionOutcome(0, [ObjectionMeasure.Correction, ObjectionMeasure.DisciplinaryAction], null));

        Assert.Equal([ObjectionMeasure.Correction, ObjectionMeasure.DisciplinaryAction], objection.Measures);
        Assert.Equal(0, objection.MoneyRecoveredFen);
        Assert.Null(objection.CorrectingNoticeId);
    }

    [Fact]
    public void An_answer_without_an_outcome_changed_nothing()
    {
        var objection = Investigated();
        objection.Respond("不属实。", Unit, Now, ObjectionFinding.NotUpheld);

        Assert.Empty(objection.Measures);
        Assert.Equal(0, objection.MoneyRecoveredFen);
    }

    [Theory]
    [InlineData(ObjectionFinding.NotUpheld)]
    [InlineData(null)]
    public void Only_an_upheld_objection_changed_something(ObjectionFinding? finding)
    {
        AssertRefused("OUTCOME_NOT_APPLICABLE", "finding", () => Investigated().Respond("答复", Unit, Now, finding, new ObjectionOutcome(0, [ObjectionMeasure.Correction], null)));
        AssertRefused("OUTCOME_NOT_APPLICABLE", "finding", () => Investigated().Respond("答复", Unit, Now, finding, new ObjectionOutcome(100, [ObjectionMeasure.Recovery], null)));
        AssertRefused("OUTCOME_NOT_APPLICABLE", "finding", () => Investigated().Respond("答复", Unit, Now, finding, new ObjectionOutcome(0, [], Correction())));
    }

    [Fact]
    public void Money_recovered_and_the_recovery_measure_go_together()
    {
        AssertRefused("RECOVERY_MISMATCH", "moneyRecoveredFen", () => Investigated().Respond("答复", Unit, Now, ObjectionFinding.Upheld, new ObjectionOutcome(100, [ObjectionMeasure.Correction], null)));
        AssertRefused("RECOVERY_MISMATCH", "moneyRecoveredFen", () => Investigated().Respond("答复", Unit, Now, ObjectionFinding.Upheld, new ObjectionOutcome(0, [ObjectionMeasure.Recovery], null)));
        AssertRefused("INVALID_AMOUNT", "moneyRecoveredFen", () => Investigated().Respond("答复", Unit, Now, ObjectionFinding.Upheld, new ObjectionOutcome(-1, [ObjectionMeasure.Recovery], null)));
    }

    [Theory]
    [InlineData(NoticeStatus.Draft)]
    [InlineData(NoticeStatus.Superseded)]
    [InlineData(NoticeStatus.Withdrawn)]
    public void The_correcting_notice_is_in_force(NoticeStatus status) =>
        AssertRefused("CORRECTING_NOTICE_NOT_PUBLISHED", "correctingNotice", () => Investigated().Respond("答复", Unit, Now, ObjectionFinding.Upheld, new ObjectionOutcome(0, [], Correction(status))));

    [Fact]
    public void The_correcting_notice_lies_on_one_line_with_the_objections_region()
    {
        // The sample notice is 田阳县's: above a village of it, but unrelated to a village of 百色 elsewhere.
        var elsewhere = Investigated(451_002_100_001);
        AssertRefused("CORRECTING_NOTICE_ELSEWHERE", "correctingNotice", () => elsewhere.Respond("答复", Unit, Now, ObjectionFinding.Upheld, new ObjectionOutcome(0, [], Correction())));
        Assert.Equal(ObjectionStatus.Investigating, elsewhere.Status);

        var county = Investigated(451_021_000_000);
        county.Respond("答复", Unit, Now, ObjectionFinding.Upheld, new ObjectionOutcome(0, [ObjectionMeasure.Correction], Correction()));
        Assert.Equal(7, county.CorrectingNoticeId);
    }
}
