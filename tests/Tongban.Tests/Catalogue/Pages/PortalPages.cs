namespace Tongban.Tests.Catalogue.Pages;

/// <summary>One address of every kind of portal page, for checks that must hold on all of them.</summary>
public static class PortalPages
{
    public static readonly string[] All =
    [
        "/",
        "/services",
        "/services/elderly-allowance",
        "/life-events",
        "/life-events/having-a-baby",
        "/departments/civil-affairs",
        "/halls",
        "/halls/luohu-hall",
        "/search?q=%E7%94%9F%E5%AD%A9%E5%AD%90",
        "/search?q=xyzzy",
        "/settings/elder-mode",
        "/sign-in",
        "/no-such-page",
        "/partners/demo-superapp/launch?to=%2Fservices",
    ];

    public static TheoryData<string> Data => new(All);
}
