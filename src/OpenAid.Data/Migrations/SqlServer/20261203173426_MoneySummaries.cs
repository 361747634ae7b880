using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAid.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MoneySummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MoneySummaries",
                columns: table => new
                {
                    Span = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<long>(type: "bigint", nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    SourceType = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoneySummaries", x => new { x.Span, x.RegionCode, x.FiscalYear, x.SourceType, x.Kind });
                });

            // A database that already holds transactions starts with its summary complete.
            foreach (var sql in Summaries.MoneySummaryLedger.RebuildStatements())
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MoneySummaries");
        }
    }
}
