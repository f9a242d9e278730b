using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AddinHost.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SmallClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SmallClaimsAgreed",
                table: "JudicialFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SmallClaimsAnsweredOn",
                table: "JudicialFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmallClaimsCommissaire",
                table: "JudicialFiles",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SmallClaimsInvitedOn",
                table: "JudicialFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SmallClaimsTitleOn",
                table: "JudicialFiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmallClaimsTitleReference",
                table: "JudicialFiles",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SmallClaimsAgreed",
                table: "JudicialFiles");

            migrationBuilder.DropColumn(
                name: "SmallClaimsAnsweredOn",
                table: "JudicialFiles");

            migrationBuilder.DropColumn(
                name: "SmallClaimsCommissaire",
                table: "JudicialFiles");

            migrationBuilder.DropColumn(
                name: "SmallClaimsInvitedOn",
                table: "JudicialFiles");

            migrationBuilder.DropColumn(
                name: "SmallClaimsTitleOn",
                table: "JudicialFiles");

            migrationBuilder.DropColumn(
                name: "SmallClaimsTitleReference",
                table: "JudicialFiles");
        }
    }
}
