using GraphQL;
using GraphQL.Types;
using OpenAid.Api.Exports;

namespace OpenAid.Api.Tests.Exports;

/// <summary>The columns of the exports follow from the fields the graph types declare exported.</summary>
public class ExportColumnTests
{
    private static readonly OpenData OpenData = new(OpenAidHost.Build([]).Services);

    /// <summary>
    /// The published columns, in order: consumers' spreadsheets and scripts rely on them, so reordering the fields of
    /// a graph type must not reorder a file.
    /// </summary>
    private static readonly Dictionary<string, string[]> PublishedColumns = new()
    {
        ["notices"] = ["code", "title", "kind", "status", "region_code", "region_name", "publisher_code", "publisher_name", "decided_on", "published_on", "notice_period_days", "notice_period_ends_on", "is_late", "working_days_late", "supersedes_code", "superseded_by_code", "correction_reason", "withdrawal_reason", "supervision_phone", "local_supervision_phone", "fund_codes", "project_codes", "body", "is_demo", "id"],
        ["funds"] = ["code", "name", "document_number", "source_type", "level", "fiscal_year", "amount_yuan", "amount_fen", "allocated_yuan", "allocated_fen", "unallocated_yuan", "unallocated_fen", "region_code", "region_name", "issuer_code", "issuer_name", "purpose", "decided_on", "is_demo", "id", "own_amount_yuan", "own_amount_fen", "received_yuan", "received_fen", "transferred_yuan", "transferred_fen", "undisbursed_yuan", "undisbursed_fen", "idle_since", "idle_days", "is_integrated_pool"],
        ["projects"] = ["code", "name", "category", "status", "region_code", "region_name", "implementing_organization_code", "implementing_organization_name", "responsible_role", "fiscal_year", "planned_start", "planned_end", "actual_start", "actual_end", "budget_yuan", "budget_fen", "beneficiary_households", "beneficiary_people", "cancellation_reason", "description", "is_demo", "id", "is_overdue"],
        ["transactions"] = ["code", "kind", "amount_yuan", "amount_fen", "date", "fiscal_year", "source_type", "fund_code", "project_code", "provider_organization_code", "provider_region_code", "receiver_organization_code", "receiver_region_code", "receiver_region_name", "description", "id"],
        ["organizations"] = ["code", "name", "kind", "credit_code", "region_code", "region_name", "program_codes", "description", "is_demo", "outside_province", "place", "id"],
        ["regions"] = ["code", "short_code", "name", "level", "parent_code", "is_national_key_county", "is_provincial_key_county", "is_contiguous_destitute_area", "is_deep_poverty", "poverty_status", "planned_exit_year", "actual_exit_year", "id"],
        ["programs"] = ["code", "name", "description", "start_year", "region_code", "kind", "end_year", "id"],
        ["pairings"] = ["code", "program_code", "helper_organization_code", "helper_organization_name", "helper_region_code", "helper_region_name", "helped_region_code", "helped_region_name", "start_year", "end_year", "yearly_plan", "yearly_budget_yuan", "yearly_budget_fen", "ended_on", "end_reason", "id"],
        ["needs"] = ["code", "title", "category", "status", "priority", "region_code", "region_name", "registered_by_code", "registered_by_name", "requested_quantity", "requested_unit", "requested_yuan", "pledged_quantity", "pledged_unit", "pledged_yuan", "received_quantity", "received_unit", "received_yuan", "remaining_quantity", "remaining_unit", "remaining_yuan", "unmet_share_percent", "deadline", "created_at", "reviewed_at", "reviewer_name", "is_over_cap", "cap_override_reason", "project_code", "pairing_code", "description", "is_demo", "id"],
        ["pledges"] = ["code", "kind", "status", "organization_code", "organization_name", "need_code", "project_code", "program_code", "region_code", "region_name", "promised_quantity", "promised_unit", "promised_yuan", "delivered_quantity", "delivered_unit", "delivered_yuan", "received_quantity", "received_unit", "received_yuan", "pledged_at", "confirm_by", "confirmed_at", "cancellation_reason", "is_demo", "id"],
        ["deliveries"] = ["pledge_code", "pledge_kind", "need_code", "organization_code", "organization_name", "region_code", "region_name", "delivered_quantity", "delivered_unit", "delivered_yuan", "delivered_on", "evidence", "is_received", "received_at", "received_by", "id"],
        ["objections"] = ["code", "notice_code", "region_code", "region_name", "category", "status", "filed_at", "investigation_started_at", "answered_at", "answered_by", "answer", "days_to_respond", "is_overdue", "description", "description_hidden_reason", "description_hidden_at", "description_hidden_by", "id", "finding", "money_recovered_yuan", "money_recovered_fen", "measures", "correcting_notice_code"],
        ["assets"] = ["code", "name", "kind", "project_code", "owner_code", "owner_name", "value_yuan", "value_fen", "share_households", "in_use_since", "is_demo", "id"],
        ["entitlements"] = ["code", "region_code", "region_name", "year", "program", "grade", "standard_yuan", "standard_fen", "standard_unit", "document_title", "document_number", "recipients", "notice_code", "is_demo", "id"],
        ["microcredit"] = ["code", "region_code", "region_name", "year", "version", "loans_issued_count", "loans_issued_yuan", "loans_issued_fen", "outstanding_balance_yuan", "outstanding_balance_fen", "overdue_yuan", "overdue_fen", "overdue_rate_percent", "interest_subsidy_yuan", "interest_subsidy_fen", "risk_compensation_fund_yuan", "risk_compensation_fund_fen", "correction_reason", "recorded_at", "superseded_at", "is_current", "is_demo", "id"],
        ["changes"] = ["sequence", "at", "entity_type", "key", "id", "operation"],
    };

    [Fact]
    public void Every_list_keeps_its_published_columns_in_order()
    {
        Assert.Equal(PublishedColumns.Keys.Order(), OpenData.Lists.Keys.Order());
        Assert.All(OpenData.Lists.Values, list => Assert.Equal(PublishedColumns[list.Name], list.Columns.Select(c => c.Name)));
    }

    [Fact]
    public void Every_scalar_field_of_an_exported_type_is_exported_or_says_why_not()
    {
        var undecided = OpenData.Lists.Values
            .SelectMany(list => list.NodeType.Fields
                .Where(f => f.ResolvedType!.GetNamedType() is ScalarGraphType or EnumerationGraphType)
                .Where(f => ExportMetadata.IsExported(f) == (ExportMetadata.NotExportedReason(f) is not null))
                .Select(f => $"{list.NodeType.Name}.{f.Name}"))
            .Distinct();

        Assert.Empty(undecided);
    }
}
