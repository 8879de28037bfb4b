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

public class ChangeConfiguration : IEntityTypeConfiguration<Change>
{
    public void Configure(EntityTypeBuilder<Change> builder)
    {
        builder.Property(c => c.KeyName).HasMaxLength(100);
        builder.Property(c => c.Action).HasMaxLength(40);
        builder.Property(c => c.Entity).HasMaxLength(40);
        builder.Property(c => c.EntityId).HasMaxLength(200);
        builder.Property(c => c.Summary).HasColumnType("jsonb");
        builder.HasIndex(c => c.At);
    }
}

public class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.ToTable("data_version");
        builder.Property(d => d.Id).ValueGeneratedNever();
    }
}
