using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class PointsSchemeConfiguration : IEntityTypeConfiguration<PointsScheme>
{
    public void Configure(EntityTypeBuilder<PointsScheme> builder)
    {
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(40);
        builder.Property(p => p.Description).HasMaxLength(500);
        builder.HasMany(p => p.Tables).WithOne().HasForeignKey(t => t.PointsSchemeId).OnDelete(DeleteBehavior.Cascade);
    }
}
