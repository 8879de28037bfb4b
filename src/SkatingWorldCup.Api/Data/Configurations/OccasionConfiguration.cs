using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class OccasionConfiguration : IEntityTypeConfiguration<Occasion>
{
    public void Configure(EntityTypeBuilder<Occasion> builder)
    {
        builder.HasIndex(o => new { o.SeasonId, o.Number }).IsUnique();
        builder.Property(o => o.City).HasMaxLength(100);
        builder.Property(o => o.CityCode).HasMaxLength(3).IsFixedLength();
        builder.Property(o => o.Country).HasMaxLength(3).IsFixedLength();
        builder.Property(o => o.Venue).HasMaxLength(200);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne(o => o.Season).WithMany(s => s.Occasions).HasForeignKey(o => o.SeasonId).OnDelete(DeleteBehavior.Cascade);
    }
}
