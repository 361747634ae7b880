using Microsoft.Extensions.Configuration;
using OpenAid.Api.Notices;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Objections;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Tests.Publishing;

/// <summary>The small rules behind the publishing mutations, without a server.</summary>
public class PublishingRulesTests
{
    [Fact]
    public void Register_numbers_continue_after_the_highest_number_of_their_prefix()
    {
        var prefix = RegisterNumbers.Prefix("GS", 451027101211, 2026);

        Assert.Equal("GS-451027-2026-", prefix);
        Assert.Equal("GS-451027-2026-0001", RegisterNumbers.Next(prefix, []));
        Assert.Equal("GS-451027-2026-0008", RegisterNumbers.Next(prefix, ["GS-451027-2026-0002", "GS-451027-2026-0007", "GS-451027-2025-0031", "GS-451027-2026-x"]));
        Assert.Equal("GS-451027-2026-10000", RegisterNumbers.Next(prefix, ["GS-451027-2026-9999"]));
    }

    [Theory]
    [InlineData("0776-7612317", true)]
    [InlineData("07767612317", true)]
    [InlineData("(0776)7612317", true)]
    [InlineData("010-65123456", true)]
    [InlineData("7612317", true)]
    [InlineData("12317", true)]
    [InlineData("13812345678", false)]
    [InlineData("0776-123", false)]
    [InlineData("0776-1612317", false)]
    [InlineData("123456", false)]
    [InlineData("call 0776-7612317", false)]
    public void A_supervision_number_is_an_office_line_or_a_service_number(string phone, bool accepted)
    {
        Assert.Equal(accepted, SupervisionPhone.IsOfficeNumber(phone));
    }

    [Fact]
    public void Objections_move_received_investigating_answered_or_rejected_before_an_answer()
    {
        var allowed = new HashSet<(ObjectionStatus, ObjectionStatus)>
        {
            (ObjectionStatus.Received, ObjectionStatus.Investigating),
            (ObjectionStatus.Investigating, ObjectionStatus.Answered),
            (ObjectionStatus.Received, ObjectionStatus.Rejected),
            (ObjectionStatus.Investigating, ObjectionStatus.Rejected),
        };
        foreach (var from in Enum.GetValues<ObjectionStatus>())
        {
            foreach (var to in Enum.GetValues<ObjectionStatus>())
            {
                Assert.Equal(allowed.Contains((from, to)), ObjectionRules.CanMove(from, to));
            }
        }
    }

    [Fact]
    public void A_notice_takes_objections_while_in_force_until_its_period_ends_or_for_good_without_one()
    {
        var today = new DateOnly(2026, 11, 23);
        Notice Notice(NoticeStatus status, int? period, int publishedDaysAgo) => PublishedNotice(status, period, today.AddDays(-publishedDaysAgo));

        Assert.True(ObjectionRules.AcceptsObjections(Notice(NoticeStatus.Published, 10, 10), today));
        Assert.False(ObjectionRules.AcceptsObjections(Notice(NoticeStatus.Published, 10, 11), today));
        Assert.True(ObjectionRules.AcceptsObjections(Notice(NoticeStatus.Published, null, 3000), today));
        Assert.False(ObjectionRules.AcceptsObjections(Notice(NoticeStatus.Superseded, 10, 1), today));
        Assert.False(ObjectionRules.AcceptsObjections(Notice(NoticeStatus.Withdrawn, null, 1), today));
    }

    [Fact]
    public void The_holiday_list_adds_configured_days_and_ranges_to_the_statutory_holidays()
    {
        var calendar = NoticeCalendar.From(Configuration("2026-10-01..2026-10-08", "2026-11-20"));

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 8)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 20)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 11, 19)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2019, 10, 1)));
        Assert.Throws<InvalidOperationException>(() => NoticeCalendar.From(Configuration("2026-13-01")));
        Assert.Throws<InvalidOperationException>(() => NoticeCalendar.From(Configuration("2026-10-08..2026-10-01")));
    }

    /// <summary>A notice published on <paramref name="publishedOn"/>, then moved to <paramref name="status"/>; a village one when it has a period.</summary>
    private static Notice PublishedNotice(NoticeStatus status, int? period, DateOnly publishedOn)
    {
        var region = period is null
            ? new Region { Code = 451021000000, Name = "县", Level = RegionLevel.County }
            : new Region { Code = 451021100201, Name = "村", Level = RegionLevel.Village };
        var text = new NoticeText("t", "b", publishedOn, period, "12317");
        var calendar = new WorkingDays([]);
        var notice = Notice.Draft("CG", NoticeKind.Exit, region, 1, text, publishedOn, [], []);
        notice.Publish("GS", publishedOn, calendar);
        if (status == NoticeStatus.Superseded)
        {
            notice.Supersede("GS-2", 1, region, "更正。", text, [], [], publishedOn, calendar);
        }
        else if (status == NoticeStatus.Withdrawn)
        {
            notice.Withdraw("撤回。");
        }

        return notice;
    }

    private static IConfiguration Configuration(params string[] holidays) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(holidays.Select((h, i) => new KeyValuePair<string, string?>($"{NoticeCalendar.HolidaysKey}:{i}", h)))
            .Build();
}
