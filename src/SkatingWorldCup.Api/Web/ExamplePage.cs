namespace SkatingWorldCup.Api.Web;

// The example frontend in wwwroot/ at /, under a Content-Security-Policy that allows only this origin: its scripts,
// styles, images and API calls are all local, so any injected or third-party content is refused by the browser.
public static class ExamplePage
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void UseExamplePage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.ContentSecurityPolicy = Policy;
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });
    }
}
