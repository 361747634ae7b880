using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAid.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssetsEntitlementsAndMicrocredit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CorrectingNoticeId",
                table: "Objections",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MeasuresMask",
                table: "Objections",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "MoneyRecoveredFen",
                table: "Objections",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "Assets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ValueFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ShareHouseholds = table.Column<int>(type: "INTEGER", nullable: false),
                    InUseSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assets_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Assets_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Entitlements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Program = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    StandardFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Entitlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Entitlements_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Entitlements_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MicrocreditRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    LoansIssuedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LoansIssuedFen = table.Column<long>(type: "INTEGER", nullable: false),
                    OutstandingBalanceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    OverdueFen = table.Column<long>(type: "INTEGER", nullable: false),
                    InterestSubsidyFen = table.Column<long>(type: "INTEGER", nullable: false),
                    RiskCompensationFundFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MicrocreditRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MicrocreditRecords_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssetIncomes",
                columns: table => new
                {
                    AssetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ToCollectiveFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ToHouseholdsFen = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdsPaid = table.Column<int>(type: "INTEGER", nullable: false),
                    ToJobsFen = table.Column<long>(type: "INTEGER", nullable: false),
                    JobsPaid = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetIncomes", x => new { x.AssetId, x.Year });
                    table.ForeignKey(
                        name: "FK_AssetIncomes_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Objections_CorrectingNoticeId",
                table: "Objections",
                column: "CorrectingNoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetIncomes_RegionCode_Year",
                table: "AssetIncomes",
                columns: new[] { "RegionCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Code",
                table: "Assets",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assets_ProjectId",
                table: "Assets",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_RegionCode",
                table: "Assets",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Entitlements_Code",
                table: "Entitlements",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Entitlements_NoticeId",
                table: "Entitlements",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_Entitlements_RegionCode_Year_Program_Grade",
                table: "Entitlements",
                columns: new[] { "RegionCode", "Year", "Program", "Grade" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MicrocreditRecords_RegionCode_Year_Version",
                table: "MicrocreditRecords",
                columns: new[] { "RegionCode", "Year", "Version" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Objections_Notices_CorrectingNoticeId",
                table: "Objections",
                column: "CorrectingNoticeId",
                principalTable: "Notices",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Objections_Notices_CorrectingNoticeId",
                table: "Objections");

            migrationBuilder.DropTable(
                name: "AssetIncomes");

            migrationBuilder.DropTable(
                name: "Entitlements");

            migrationBuilder.DropTable(
                name: "MicrocreditRecords");

            migrationBuilder.DropTable(
                name: "Assets");

            migrationBuilder.DropIndex(
                name: "IX_Objections_CorrectingNoticeId",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "CorrectingNoticeId",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "MeasuresMask",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "MoneyRecoveredFen",
                table: "Objections");
        }
    }
}
