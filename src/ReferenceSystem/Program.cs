using ReferenceSystem.Apis;
using ReferenceSystem.Hosting;

// The default system under test: a CGM follower service with two profiles, "naive" (Dexcom Follow, Nov 2019)
// and "resilient". It talks to the harness only over HTTP. Run: dotnet run --project src/ReferenceSystem -- --urls http://127.0.0.1:5300
var builder = WebApplication.CreateBuilder(args);
builder.AddReferenceSystem();

var app = builder.Build();
app.MapHealthApi();
app.MapFollowApi();
app.MapReceiverApi();
app.Run();
