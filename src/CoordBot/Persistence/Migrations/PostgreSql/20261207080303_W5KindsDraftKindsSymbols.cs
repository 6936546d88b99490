using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordBot.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class W5KindsDraftKindsSymbols : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Symbol",
                table: "Votes",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AdoptedAt",
                table: "Drafts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AdoptedAtSessionId",
                table: "Drafts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Drafts",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "Resolution"); // drafts made before kinds existed were all voted: resolutions

            migrationBuilder.AddColumn<string>(
                name: "Symbol",
                table: "Drafts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SymbolNumber",
                table: "Drafts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SymbolYear",
                table: "Drafts",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Drafts_Kind_SymbolYear_SymbolNumber",
                table: "Drafts",
                columns: new[] { "Kind", "SymbolYear", "SymbolNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Drafts_Kind_SymbolYear_SymbolNumber",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "Symbol",
                table: "Votes");

            migrationBuilder.DropColumn(
                name: "AdoptedAt",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "AdoptedAtSessionId",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "Symbol",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "SymbolNumber",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "SymbolYear",
                table: "Drafts");
        }
    }
}
