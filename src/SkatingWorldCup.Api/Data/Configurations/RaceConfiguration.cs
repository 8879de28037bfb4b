using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class RaceConfiguration : IEntityTypeConfiguration<Race>
{
    public void Configure(EntityTypeBuilder<Race> builder)
    {
        builder.Property(r => r.Order).HasColumnName("race_order");
        builder.HasIndex(r => new { r.OccasionId, r.Gender, r.Distance, r.Order }).IsUnique();
        // Every UPDATE of a race says WHERE version = <the version read>: a write that read an old race fails instead of overwriting.
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Occasion).WithMany(o => o.Races).HasForeignKey(r => r.OccasionId).OnDelete(DeleteBehavior.Cascade);
    }
}
