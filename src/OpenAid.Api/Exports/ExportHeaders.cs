namespace OpenAid.Api.Exports;

/// <summary>A column's header for people: in Chinese and in English.</summary>
public sealed record ColumnHeader(string Zh, string En);

/// <summary>The languages a header row can be in: the column names (the default, for programs), Chinese or English.</summary>
public static class ExportLanguage
{
    /// <summary>The query-string parameter that picks the header row's language (CSV, XLSX).</summary>
    public const string Parameter = "lang";

    public const string Chinese = "zh";
    public const string English = "en";

    /// <summary>The header row in the language asked for: the column names unless it is zh or en.</summary>
    public static IReadOnlyList<string> Headers(IReadOnlyList<BoundColumn> columns, string? language) => language switch
    {
        Chinese => [.. columns.Select(c => c.Header.Zh)],
        English => [.. columns.Select(c => c.Header.En)],
        _ => [.. columns.Select(c => c.Name)],
    };
}

/// <summary>
/// The Chinese and English header of every export column. A column has a header of its own here, or is named
/// {prefix}_{suffix} with both parts here (region_code: 地区 + 代码, "Region" + "code"). Binding the catalog fails at
/// start-up when a column has neither, so a new column cannot go out without its headers.
/// </summary>
public static class ExportHeaders
{
    private static readonly Dictionary<string, ColumnHeader> Columns = new(StringComparer.Ordinal)
    {
        ["id"] = new("全局ID", "Global ID"),
        ["code"] = new("编号", "Code"),
        ["short_code"] = new("简码", "Short code"),
        ["name"] = new("名称", "Name"),
        ["title"] = new("标题", "Title"),
        ["kind"] = new("类型", "Kind"),
        ["status"] = new("状态", "Status"),
        ["category"] = new("类别", "Category"),
        ["level"] = new("级别", "Level"),
        ["priority"] = new("优先级", "Priority"),
        ["description"] = new("说明", "Description"),
        ["body"] = new("正文", "Body"),
        ["purpose"] = new("用途", "Purpose"),
        ["is_demo"] = new("演示数据", "Demo data"),
        ["decided_on"] = new("决定日期", "Decided on"),
        ["published_on"] = new("发布日期", "Published on"),
        ["notice_period_days"] = new("公示天数", "Notice period (days)"),
        ["notice_period_ends_on"] = new("公示截止日期", "Notice period ends on"),
        ["is_late"] = new("逾期发布", "Published late"),
        ["working_days_late"] = new("逾期工作日", "Working days late"),
        ["correction_reason"] = new("更正原因", "Correction reason"),
        ["withdrawal_reason"] = new("撤回原因", "Withdrawal reason"),
        ["supervision_phone"] = new("监督电话", "Supervision hotline"),
        ["local_supervision_phone"] = new("本地监督电话", "Local supervision phone"),
        ["document_number"] = new("文号", "Document number"),
        ["source_type"] = new("资金来源", "Source type"),
        ["fiscal_year"] = new("财政年度", "Fiscal year"),
        ["year"] = new("年度", "Year"),
        ["share_households"] = new("持股贫困户数", "Share-holding households"),
        ["in_use_since"] = new("投入使用日期", "In use since"),
        ["grade"] = new("等级", "Grade"),
        ["program"] = new("政策", "Policy"),
        ["document_title"] = new("文件标题", "Document title"),
        ["recipients"] = new("享受人数", "Recipients"),
        ["responsible_role"] = new("责任人（职务）", "Responsible role"),
        ["planned_start"] = new("计划开工日期", "Planned start"),
        ["planned_end"] = new("计划完工日期", "Planned end"),
        ["actual_start"] = new("实际开工日期", "Actual start"),
        ["actual_end"] = new("实际完工日期", "Actual end"),
        ["beneficiary_households"] = new("受益户数", "Beneficiary households"),
        ["beneficiary_people"] = new("受益人数", "Beneficiary people"),
        ["cancellation_reason"] = new("取消原因", "Cancellation reason"),
        ["is_overdue"] = new("是否超期", "Overdue"),
        ["is_integrated_pool"] = new("统筹整合资金池", "Integrated pool"),
        ["idle_since"] = new("闲置起始日期", "Idle since"),
        ["idle_days"] = new("闲置天数", "Idle days"),
        ["date"] = new("日期", "Date"),
        ["credit_code"] = new("统一社会信用代码", "Unified social credit code"),
        ["outside_province"] = new("省外省级代码", "Province code (outside)"),
        ["place"] = new("所在地", "Place"),
        ["is_national_key_county"] = new("国家扶贫开发工作重点县", "National key county"),
        ["is_provincial_key_county"] = new("省级扶贫开发工作重点县", "Provincial key county"),
        ["is_contiguous_destitute_area"] = new("集中连片特困地区", "Contiguous destitute area"),
        ["is_deep_poverty"] = new("深度贫困", "Deep poverty"),
        ["poverty_status"] = new("贫困状态", "Poverty status"),
        ["planned_exit_year"] = new("计划退出年份", "Planned exit year"),
        ["actual_exit_year"] = new("实际退出年份", "Actual exit year"),
        ["start_year"] = new("起始年份", "Start year"),
        ["end_year"] = new("结束年份", "End year"),
        ["yearly_plan"] = new("年度计划", "Yearly plan"),
        ["ended_on"] = new("提前结束日期", "Ended on"),
        ["end_reason"] = new("结束原因", "End reason"),
        ["unmet_share_percent"] = new("未认捐比例（%）", "Unmet share (%)"),
        ["deadline"] = new("截止日期", "Deadline"),
        ["created_at"] = new("登记时间", "Registered at"),
        ["reviewed_at"] = new("审核时间", "Reviewed at"),
        ["reviewer_name"] = new("审核人", "Reviewer"),
        ["is_over_cap"] = new("超出类别上限", "Over the category cap"),
        ["cap_override_reason"] = new("超限批准理由", "Cap override reason"),
        ["pledged_at"] = new("认捐时间", "Pledged at"),
        ["confirm_by"] = new("确认期限", "Confirm by"),
        ["confirmed_at"] = new("确认时间", "Confirmed at"),
        ["delivered_on"] = new("交付日期", "Delivered on"),
        ["evidence"] = new("交付凭证", "Evidence"),
        ["is_received"] = new("村已确认收到", "Received by the village"),
        ["received_at"] = new("确认收到时间", "Received at"),
        ["received_by"] = new("确认单位", "Confirmed by"),
        ["filed_at"] = new("提出日期", "Filed on"),
        ["investigation_started_at"] = new("开始调查时间", "Investigation started at"),
        ["answered_at"] = new("答复时间", "Answered at"),
        ["answered_by"] = new("答复单位", "Answered by"),
        ["answer"] = new("答复或驳回理由", "Answer or rejection reason"),
        ["finding"] = new("核查结论", "Finding"),
        ["days_to_respond"] = new("答复用时（天）", "Days to respond"),
        ["description_hidden_reason"] = new("说明隐藏原因", "Why the description is hidden"),
        ["description_hidden_at"] = new("说明隐藏时间", "Description hidden at"),
        ["description_hidden_by"] = new("隐藏单位", "Description hidden by"),
        ["measures"] = new("处理措施", "Measures"),
        ["version"] = new("版本", "Version"),
        ["loans_issued_count"] = new("放贷笔数", "Loans issued"),
        ["overdue_rate_percent"] = new("逾期率（%）", "Overdue rate (%)"),
        ["recorded_at"] = new("录入时间", "Recorded at"),
        ["superseded_at"] = new("被更正时间", "Superseded at"),
        ["is_current"] = new("现行数据", "In force"),
        ["sequence"] = new("序号", "Sequence"),
        ["at"] = new("时间", "At"),
        ["entity_type"] = new("记录类型", "Record type"),
        ["key"] = new("记录键", "Key"),
        ["operation"] = new("操作", "Operation"),
    };

    /// <summary>What a column name starts with, for the names made of a prefix and a suffix.</summary>
    private static readonly Dictionary<string, ColumnHeader> Prefixes = new(StringComparer.Ordinal)
    {
        ["region"] = new("地区", "Region"),
        ["parent"] = new("上级地区", "Parent region"),
        ["receiver_region"] = new("收款地区", "Receiver region"),
        ["provider_region"] = new("付款地区", "Provider region"),
        ["helper_region"] = new("帮扶地区", "Helper region"),
        ["helped_region"] = new("受帮扶地区", "Helped region"),
        ["organization"] = new("组织", "Organisation"),
        ["receiver_organization"] = new("收款单位", "Receiver organisation"),
        ["provider_organization"] = new("付款单位", "Provider organisation"),
        ["helper_organization"] = new("帮扶单位", "Helper organisation"),
        ["implementing_organization"] = new("实施单位", "Implementing organisation"),
        ["publisher"] = new("发布单位", "Publisher"),
        ["issuer"] = new("下达单位", "Issuer"),
        ["registered_by"] = new("登记单位", "Registered by"),
        ["program"] = new("帮扶行动", "Program"),
        ["project"] = new("项目", "Project"),
        ["owner"] = new("所有者", "Owner"),
        ["value"] = new("资产价值", "Value"),
        ["standard"] = new("标准", "Standard"),
        ["need"] = new("需求", "Need"),
        ["pledge"] = new("认捐", "Pledge"),
        ["pairing"] = new("结对", "Pairing"),
        ["fund"] = new("资金", "Fund"),
        ["notice"] = new("公告", "Notice"),
        ["supersedes"] = new("所更正公告", "Supersedes"),
        ["superseded_by"] = new("更正公告", "Superseded by"),
        ["amount"] = new("金额", "Amount"),
        ["allocated"] = new("已分配", "Allocated"),
        ["unallocated"] = new("未分配", "Unallocated"),
        ["own_amount"] = new("本级投入", "Own amount"),
        ["transferred"] = new("已下达下级", "Transferred on"),
        ["undisbursed"] = new("已分配未拨付", "Undisbursed"),
        ["budget"] = new("预算", "Budget"),
        ["yearly_budget"] = new("年度预算", "Yearly budget"),
        ["requested"] = new("需求", "Requested"),
        ["pledged"] = new("已认捐", "Pledged"),
        ["received"] = new("已收到", "Received"),
        ["remaining"] = new("待认捐", "Remaining"),
        ["promised"] = new("承诺", "Promised"),
        ["delivered"] = new("已交付", "Delivered"),
        ["correcting_notice"] = new("整改公告", "Correcting notice"),
        ["money_recovered"] = new("追回资金", "Money recovered"),
        ["loans_issued"] = new("放贷金额", "Loans issued"),
        ["outstanding_balance"] = new("贷款余额", "Outstanding balance"),
        ["overdue"] = new("逾期金额", "Overdue"),
        ["interest_subsidy"] = new("贴息", "Interest subsidy"),
        ["risk_compensation_fund"] = new("风险补偿金", "Risk-compensation fund"),
    };

    private static readonly Dictionary<string, ColumnHeader> Suffixes = new(StringComparer.Ordinal)
    {
        ["code"] = new("代码", "code"),
        ["codes"] = new("代码", "codes"),
        ["name"] = new("名称", "name"),
        ["kind"] = new("类型", "kind"),
        ["yuan"] = new("（元）", "(yuan)"),
        ["fen"] = new("（分）", "(fen)"),
        ["quantity"] = new("数量", "quantity"),
        ["unit"] = new("单位", "unit"),
    };

    /// <summary>The column's headers.</summary>
    /// <exception cref="InvalidOperationException">Neither the name nor its prefix and suffix have headers here.</exception>
    public static ColumnHeader For(string columnName)
    {
        if (Columns.TryGetValue(columnName, out var header))
        {
            return header;
        }

        var split = columnName.LastIndexOf('_');
        if (split > 0 && Prefixes.TryGetValue(columnName[..split], out var prefix) && Suffixes.TryGetValue(columnName[(split + 1)..], out var suffix))
        {
            return new(prefix.Zh + suffix.Zh, $"{prefix.En} {suffix.En}");
        }

        throw new InvalidOperationException($"Export column '{columnName}' has no Chinese and English header in ExportHeaders.");
    }
}
