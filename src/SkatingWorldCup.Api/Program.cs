using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDbContext<SkatingDbContext>(o => o.UseNpgsql("Host=localhost"));
var app = builder.Build();
using var scope = app.Services.CreateScope();
Console.WriteLine(scope.ServiceProvider.GetRequiredService<SkatingDbContext>().Database.GenerateCreateScript());
