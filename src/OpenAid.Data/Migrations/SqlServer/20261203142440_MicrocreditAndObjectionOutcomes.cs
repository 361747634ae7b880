using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAid.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MicrocreditAndObjectionOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CorrectingNoticeId",
                table: "Objections",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MeasuresMask",
                table: "Objections",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "MoneyRecoveredFen",
                table: "Objections",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "MicrocreditRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionCode = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    LoansIssuedCount = table.Column<int>(type: "int", nullable: false),
                    LoansIssuedFen = table.Column<long>(type: "bigint", nullable: false),
                    OutstandingBalanceFen = table.Column<long>(type: "bigint", nullable: false),
                    OverdueFen = table.Column<long>(type: "bigint", nullable: false),
                    InterestSubsidyFen = table.Column<long>(type: "bigint", nullable: false),
                    RiskCompensationFundFen = table.Column<long>(type: "bigint", nullable: false),
                    CorrectionReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    IsDemo = table.Column<bool>(type: "bit", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_Objections_CorrectingNoticeId",
                table: "Objections",
                column: "CorrectingNoticeId");

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
                name: "MicrocreditRecords");

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
