using Dashboard.Components;

var builder = WebApplication.CreateBuilder(args);
// Loopback only until the dashboard has access tokens for other addresses.
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:5190");
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();
