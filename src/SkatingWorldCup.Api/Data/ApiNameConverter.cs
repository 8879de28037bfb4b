using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data;

// Enums are stored as their contract strings, so the database reads like the API.
public class ApiNameConverter<T>() : ValueConverter<T, string>(v => ApiName<T>.Of(v), s => ApiName<T>.Parse(s))
    where T : struct, Enum;
