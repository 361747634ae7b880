using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAid.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FundChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsIntegratedPool",
                table: "Funds",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "OwnAmountFen",
                table: "Funds",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Funds before the chain held only their own money.
            migrationBuilder.Sql("UPDATE Funds SET OwnAmountFen = AmountFen");

            migrationBuilder.CreateTable(
                name: "FundTransfers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromFundId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToFundId = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundTransfers_Funds_FromFundId",
                        column: x => x.FromFundId,
                        principalTable: "Funds",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_FundTransfers_Funds_ToFundId",
                        column: x => x.ToFundId,
                        principalTable: "Funds",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundTransfers_FromFundId_Id",
                table: "FundTransfers",
                columns: new[] { "FromFundId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FundTransfers_ToFundId_Id",
                table: "FundTransfers",
                columns: new[] { "ToFundId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FundTransfers");

            migrationBuilder.DropColumn(
                name: "IsIntegratedPool",
                table: "Funds");

            migrationBuilder.DropColumn(
                name: "OwnAmountFen",
                table: "Funds");
        }
    }
}
