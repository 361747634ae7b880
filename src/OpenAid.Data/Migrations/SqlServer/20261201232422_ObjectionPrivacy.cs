using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAid.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ObjectionPrivacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DescriptionHiddenAt",
                table: "Objections",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionHiddenBy",
                table: "Objections",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionHiddenReason",
                table: "Objections",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            // Objections are dated by the day only; earlier ones kept the time.
            migrationBuilder.Sql("UPDATE [Objections] SET [FiledAt] = TODATETIMEOFFSET(CAST(CAST([FiledAt] AS date) AS datetime2), DATEPART(TZOFFSET, [FiledAt]));");

            migrationBuilder.CreateTable(
                name: "ContactReads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ObjectionId = table.Column<int>(type: "int", nullable: false),
                    ObjectionCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorSubject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ActorOrganizationCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactReads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactReads_Objections_ObjectionId",
                        column: x => x.ObjectionId,
                        principalTable: "Objections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Objections_RegionCode_FiledAt",
                table: "Objections",
                columns: new[] { "RegionCode", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactReads_ObjectionId_Id",
                table: "ContactReads",
                columns: new[] { "ObjectionId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactReads");

            migrationBuilder.DropIndex(
                name: "IX_Objections_RegionCode_FiledAt",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "DescriptionHiddenAt",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "DescriptionHiddenBy",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "DescriptionHiddenReason",
                table: "Objections");
        }
    }
}
