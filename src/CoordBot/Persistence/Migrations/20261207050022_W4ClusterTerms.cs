using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class W4ClusterTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClusterTerm",
                columns: table => new
                {
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Term = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClusterTerm", x => x.Role);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClusterTerm");
        }
    }
}
