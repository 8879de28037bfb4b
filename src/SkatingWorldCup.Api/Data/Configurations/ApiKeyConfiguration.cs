using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Configurations;

public class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Hash).HasColumnName("key_hash");
        builder.Property(k => k.Prefix).HasMaxLength(12);
        builder.HasIndex(k => k.Hash).IsUnique();
        // A revoked key's name can be given to its replacement.
        builder.HasIndex(k => k.Name).IsUnique().HasFilter("revoked_at IS NULL");
    }
}
