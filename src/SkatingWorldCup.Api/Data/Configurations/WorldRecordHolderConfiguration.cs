using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class WorldRecordHolderConfiguration : IEntityTypeConfiguration<WorldRecordHolder>
{
    public void Configure(EntityTypeBuilder<WorldRecordHolder> builder)
    {
        builder.ToTable("world_record_holders");
        builder.HasKey(h => new { h.WorldRecordId, h.SkaterId });
        builder.HasOne(h => h.Skater).WithMany().HasForeignKey(h => h.SkaterId).OnDelete(DeleteBehavior.Restrict);
    }
}
