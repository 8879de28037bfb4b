using System.Text.Json.Serialization;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Features.Imports;
using SkatingWorldCup.Api.Features.Standings;
using SkatingWorldCup.Api.Infrastructure;

if (Commands.TryRun(args, out var exitCode))
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddSkatingLogging();

string databaseDescription;
try
{
    databaseDescription = await builder.AddSkatingDatabaseAsync();
}
catch (LocalPostgresException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

builder.Services.AddControllers(options =>
    {
        options.Conventions.Add(new ApiVersionRouteConvention());
        options.ModelBinderProviders.Insert(0, new ApiNameBinderProvider());
        options.Filters.Add<FluentValidationFilter>();
        options.AddCsv();
        options.ModelMetadataDetailsProviders.Add(new QueryNameDisplayMetadataProvider());
        options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, field) => $"'{value}' is not a valid {field}.");
        options.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => $"'{value}' is not a valid value.");
    })
    .AddJsonOptions(options =>
    {
        options.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.JsonSerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    });
builder.Services.AddSkatingProblemDetails();
builder.Services.AddSkatingValidation();
builder.Services.AddSkatingSwagger();
builder.Services.AddSkatingCors(builder.Configuration);
builder.Services.AddSkatingHealthChecks();
builder.Services.AddSkatingRateLimits(builder.Configuration);
builder.Services.AddScoped<SeasonImporter>();
builder.Services.AddScoped<StandingsService>();

var app = builder.Build();
app.Logger.LogInformation("Using {Database}", databaseDescription);

try
{
    await app.MigrateAndLoadBundledSeasonsAsync();
}
catch (Npgsql.NpgsqlException e)
{
    app.Logger.LogCritical("Cannot reach the database ({Database}): {Message}", databaseDescription, e.Message);
    Console.Error.WriteLine($"Cannot reach the database ({databaseDescription}): start that PostgreSQL server, or unset ConnectionStrings__Skating to let the API run its own.");
    return 1;
}

app.UseRequestLog();
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : 500 });
app.UseStatusCodePages();
app.UseCors();
app.UseSkatingRateLimits();
app.UseApiVersions();
app.UseSkatingSwagger();
app.UseExamplePage();
app.MapSkatingHealthChecks();
app.MapControllers();

await app.RunAsync();
return 0;

public partial class Program;
