using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class WorldRecordConfiguration : IEntityTypeConfiguration<WorldRecord>
{
    public void Configure(EntityTypeBuilder<WorldRecord> builder)
    {
        builder.HasIndex(w => new { w.Gender, w.Distance, w.Date, w.Time }).IsUnique();
        builder.HasIndex(w => w.ResultId);
        builder.Property(w => w.Venue).HasMaxLength(200);
        builder.Property(w => w.City).HasMaxLength(100);
        builder.HasOne(w => w.Nation).WithMany().HasForeignKey(w => w.NationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(w => w.Result).WithMany().HasForeignKey(w => w.ResultId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(w => w.Holders).WithOne().HasForeignKey(h => h.WorldRecordId).OnDelete(DeleteBehavior.Cascade);
    }
}
