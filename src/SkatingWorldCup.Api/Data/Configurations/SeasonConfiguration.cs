using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class SeasonConfiguration : IEntityTypeConfiguration<Season>
{
    public void Configure(EntityTypeBuilder<Season> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(7);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.OfficialName).HasMaxLength(200);
        builder.HasOne(s => s.PointsScheme).WithMany().HasForeignKey(s => s.PointsSchemeId).OnDelete(DeleteBehavior.Restrict);
    }
}
