namespace SkatingWorldCup.Api.Tests.Support;

// For tests that stop or restart the server: they run on the throwaway local cluster and skip on a shared one.
public sealed class LocalServerFactAttribute : FactAttribute
{
    public LocalServerFactAttribute()
    {
        if (TestPostgres.UsesExistingServer)
        {
            Skip = $"stops the server, and the one of {TestPostgres.ConnectionVariable} is shared";
        }
    }
}
