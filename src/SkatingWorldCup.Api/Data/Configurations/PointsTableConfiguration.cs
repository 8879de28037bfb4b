using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class PointsTableConfiguration : IEntityTypeConfiguration<PointsTable>
{
    public void Configure(EntityTypeBuilder<PointsTable> builder)
    {
        builder.ToTable("points_tables");
        builder.HasKey(t => new { t.PointsSchemeId, t.Kind });
    }
}
