using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Ratings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Ratings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServedOn = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RatedVia = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Dimensions = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RaterKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RaterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AppealedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AppealEvidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AppealedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AppealDecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AppealUpheld = table.Column<bool>(type: "boolean", nullable: true),
                    AppealDecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AppealDecision = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ExcludedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rectifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RatingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    ContactDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AnswerDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Complex = table.Column<bool>(type: "boolean", nullable: false),
                    ContactedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ContactNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Found = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Changed = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Satisfied = table.Column<bool>(type: "boolean", nullable: true),
                    JudgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WarnedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    EscalatedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rectifications_Ratings_RatingId",
                        column: x => x.RatingId,
                        principalTable: "Ratings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_AppealedAt",
                table: "Ratings",
                column: "AppealedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_CaseId",
                table: "Ratings",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_DepartmentCode_RatedAt",
                table: "Ratings",
                columns: new[] { "DepartmentCode", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_ServiceCode_RatedAt",
                table: "Ratings",
                columns: new[] { "ServiceCode", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_CaseId",
                table: "Rectifications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_DepartmentCode_AnsweredAt",
                table: "Rectifications",
                columns: new[] { "DepartmentCode", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_RatingId_Round",
                table: "Rectifications",
                columns: new[] { "RatingId", "Round" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Rectifications");

            migrationBuilder.DropTable(
                name: "Ratings");
        }
    }
}
