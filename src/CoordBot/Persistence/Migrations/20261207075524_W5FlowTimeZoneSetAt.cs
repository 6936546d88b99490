using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class W5FlowTimeZoneSetAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "TimeZoneSetAt",
                table: "People",
                type: "TEXT",
                nullable: true);

            // A zone other than the default was chosen with /timezone: only those still on UTC are asked once by a guide.
            migrationBuilder.Sql("UPDATE \"People\" SET \"TimeZoneSetAt\" = \"LastSeenAt\" WHERE \"TimeZone\" <> 'UTC';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TimeZoneSetAt",
                table: "People");
        }
    }
}
