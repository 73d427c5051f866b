using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProactiveServices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DistrictCode",
                table: "StaffMembers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EntitlementJson",
                table: "Services",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NoProactiveOffers",
                table: "Residents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LinkPath",
                table: "Notifications",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "Notifications",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Offered",
                table: "InsightCells",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OffersTaken",
                table: "InsightCells",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OffersUnreached",
                table: "InsightCells",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "NamedIdNumber",
                table: "ECertificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Occasion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReplyCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReplyCodeExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WrongReplies = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnreachedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredChannel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastContactAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_Reference",
                table: "Offers",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Offers_ResidentId_ServiceCode_Occasion",
                table: "Offers",
                columns: new[] { "ResidentId", "ServiceCode", "Occasion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Offers_Status_CreatedAt",
                table: "Offers",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Offers");

            migrationBuilder.DropColumn(
                name: "DistrictCode",
                table: "StaffMembers");

            migrationBuilder.DropColumn(
                name: "EntitlementJson",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "NoProactiveOffers",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "LinkPath",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Offered",
                table: "InsightCells");

            migrationBuilder.DropColumn(
                name: "OffersTaken",
                table: "InsightCells");

            migrationBuilder.DropColumn(
                name: "OffersUnreached",
                table: "InsightCells");

            migrationBuilder.DropColumn(
                name: "NamedIdNumber",
                table: "ECertificates");
        }
    }
}
