using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongban.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VisitRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CounterRatingTokens_Cases_CaseId",
                table: "CounterRatingTokens");

            migrationBuilder.DropForeignKey(
                name: "FK_Ratings_Cases_CaseId",
                table: "Ratings");

            migrationBuilder.DropForeignKey(
                name: "FK_StaffAlerts_Cases_CaseId",
                table: "StaffAlerts");

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "StaffAlerts",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "Rectifications",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "Ratings",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "VisitId",
                table: "Ratings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "CounterRatingTokens",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "VisitId",
                table: "CounterRatingTokens",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_VisitId",
                table: "Ratings",
                column: "VisitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CounterRatingTokens_VisitId",
                table: "CounterRatingTokens",
                column: "VisitId");

            migrationBuilder.AddForeignKey(
                name: "FK_CounterRatingTokens_AssistedSessions_VisitId",
                table: "CounterRatingTokens",
                column: "VisitId",
                principalTable: "AssistedSessions",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_CounterRatingTokens_Cases_CaseId",
                table: "CounterRatingTokens",
                column: "CaseId",
                principalTable: "Cases",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Ratings_AssistedSessions_VisitId",
                table: "Ratings",
                column: "VisitId",
                principalTable: "AssistedSessions",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Ratings_Cases_CaseId",
                table: "Ratings",
                column: "CaseId",
                principalTable: "Cases",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_StaffAlerts_Cases_CaseId",
                table: "StaffAlerts",
                column: "CaseId",
                principalTable: "Cases",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CounterRatingTokens_AssistedSessions_VisitId",
                table: "CounterRatingTokens");

            migrationBuilder.DropForeignKey(
                name: "FK_CounterRatingTokens_Cases_CaseId",
                table: "CounterRatingTokens");

            migrationBuilder.DropForeignKey(
                name: "FK_Ratings_AssistedSessions_VisitId",
                table: "Ratings");

            migrationBuilder.DropForeignKey(
                name: "FK_Ratings_Cases_CaseId",
                table: "Ratings");

            migrationBuilder.DropForeignKey(
                name: "FK_StaffAlerts_Cases_CaseId",
                table: "StaffAlerts");

            migrationBuilder.DropIndex(
                name: "IX_Ratings_VisitId",
                table: "Ratings");

            migrationBuilder.DropIndex(
                name: "IX_CounterRatingTokens_VisitId",
                table: "CounterRatingTokens");

            migrationBuilder.DropColumn(
                name: "VisitId",
                table: "Ratings");

            migrationBuilder.DropColumn(
                name: "VisitId",
                table: "CounterRatingTokens");

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "StaffAlerts",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "Rectifications",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "Ratings",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "CounterRatingTokens",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_CounterRatingTokens_Cases_CaseId",
                table: "CounterRatingTokens",
                column: "CaseId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Ratings_Cases_CaseId",
                table: "Ratings",
                column: "CaseId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_StaffAlerts_Cases_CaseId",
                table: "StaffAlerts",
                column: "CaseId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
