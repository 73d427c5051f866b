using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApplicationsAndCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FormJson",
                table: "Services",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ActorKind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ActingUnder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FormVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewRequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RuleOutcomes = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    FormKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    Prefilled = table.Column<List<string>>(type: "text[]", nullable: false),
                    StartedChannel = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Drafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Drafts_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Page = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Step = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Channel = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    AgeBand = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    District = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Needs = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DraftId_ServiceCode",
                table: "Cases",
                columns: new[] { "DraftId", "ServiceCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Reference",
                table: "Cases",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ResidentId",
                table: "Cases",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Drafts_ResidentId_FormKey",
                table: "Drafts",
                columns: new[] { "ResidentId", "FormKey" },
                unique: true,
                filter: "\"SubmittedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FormEvents_FormKey_At",
                table: "FormEvents",
                columns: new[] { "FormKey", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "Drafts");

            migrationBuilder.DropTable(
                name: "FormEvents");

            migrationBuilder.DropColumn(
                name: "FormJson",
                table: "Services");
        }
    }
}
