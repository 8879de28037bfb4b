using SkatingWorldCup.Api.Auth;
using SkatingWorldCup.Api.Features.Standings;
using SkatingWorldCup.Api.Hosting;
using SkatingWorldCup.Api.Web;
using SkatingWorldCup.Api.Web.Caching;
using SkatingWorldCup.Api.Web.Input;
using SkatingWorldCup.Api.Writes;

if (Commands.TryRunOffline(args, out var exitCode))
{
    return exitCode;
}

// `keys`, `import` and `generate-seasons` need the database: they start like the web host (same database, same migrations), then run instead of it.
var isVerb = Commands.IsDatabaseVerb(args);
var builder = WebApplication.CreateBuilder(isVerb ? [] : args);
builder.AddSkatingLogging(isVerb);

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

// The HTTP protocol (Web), the keys (Auth), the process (Hosting), then the write engine and the standings.
builder.Services.AddSkatingControllers();
builder.Services.AddSkatingApiVersioning();
builder.Services.AddSkatingProblemDetails();
builder.Services.AddSkatingValidation();
builder.Services.AddSkatingSwagger();
builder.Services.AddSkatingCors(builder.Configuration);
builder.Services.AddSkatingRateLimits(builder.Configuration);
builder.Services.AddSkatingCaching(builder.Configuration);
builder.Services.AddApiKeyAuthentication();
builder.Services.AddSkatingHealthChecks();
builder.Services.AddHostedService<ImportWarmup>();
builder.Services.AddScoped<SeasonImporter>();
builder.Services.AddScoped<ResultEntry>();
builder.Services.AddScoped<StandingsService>();
builder.Services.AddSingleton<StandingsCache>();

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

if (isVerb)
{
    return await Commands.RunAsync(app.Services, args, Console.Out, Console.Error);
}

app.UseRequestLog();
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : 500 });
app.UseStatusCodePages();
app.UseCors();
app.UseApiVersions();
app.UseRequestTextCheck();
app.UseApiKeys();
app.UseSkatingRateLimits();
app.UseAuthorization();
app.UseMiddleware<ConditionalGetMiddleware>();
app.UseSkatingSwagger();
app.UseExamplePage();
app.MapSkatingHealthChecks();
app.MapControllers();

await app.RunAsync();
return 0;

public partial class Program;
