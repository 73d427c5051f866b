using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LettersAndStaffAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PrintBatchId",
                table: "Notifications",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PrintBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedById = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Letters = table.Column<int>(type: "integer", nullable: false),
                    PostedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PostedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrintBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffAlerts_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffAlerts_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_PrintBatchId",
                table: "Notifications",
                column: "PrintBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_PrintBatches_StartedAt",
                table: "PrintBatches",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StaffAlerts_CaseId",
                table: "StaffAlerts",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffAlerts_StaffMemberId_Key",
                table: "StaffAlerts",
                columns: new[] { "StaffMemberId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffAlerts_StaffMemberId_ReadAt_CreatedAt",
                table: "StaffAlerts",
                columns: new[] { "StaffMemberId", "ReadAt", "CreatedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_PrintBatches_PrintBatchId",
                table: "Notifications",
                column: "PrintBatchId",
                principalTable: "PrintBatches",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_PrintBatches_PrintBatchId",
                table: "Notifications");

            migrationBuilder.DropTable(
                name: "PrintBatches");

            migrationBuilder.DropTable(
                name: "StaffAlerts");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_PrintBatchId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "PrintBatchId",
                table: "Notifications");
        }
    }
}
