package org.huzhu.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The member app's first load on a slow phone network: headless Chromium under its "Slow 3G" profile (2,000 ms
 * before each answer, 50,000 bytes/s each way), an empty cache, {@code /m/} opened; the time from the start of the
 * navigation until the page's sign-in screen is working (its script marks the moment). Baseline: the same browser,
 * same profile, fetching the app's static JSON file — one request, the floor any first load stands on. The best of
 * three runs of each.
 */
final class FirstLoad {

    private static final Map<String, Object> SLOW_3G = Map.of("offline", false, "latency", 2000,
            "downloadThroughput", 50_000, "uploadThroughput", 50_000);

    private FirstLoad() {
    }

    static Bench.Figure measure(int port) throws Exception {
        Path profile = Files.createTempDirectory("portal-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.setPageLoadStrategy(PageLoadStrategy.NONE);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=390,844");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            browser.executeCdpCommand("Network.emulateNetworkConditions", SLOW_3G);
            String base = "http://127.0.0.1:" + port;
            double usable = Double.MAX_VALUE;
            double floor = Double.MAX_VALUE;
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            for (int run = 0; run < 3; run++) {
                browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
                browser.get(base + "/m/");
                Object ready = wait.until(d -> browser.executeScript("return document.documentElement?.dataset.signInReady || null"));
                usable = Math.min(usable, Double.parseDouble(ready.toString()) / 1000);
                browser.get(base + "/m/manifest.webmanifest");
                Object done = wait.until(d -> browser.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                        + " return n && n.responseEnd > 0 && document.readyState === 'complete' ? n.responseEnd : null"));
                floor = Math.min(floor, ((Number) done).doubleValue() / 1000);
                PortalBenchmark.progress("first load under Slow 3G: sign-in working after %.2f s; the static JSON alone %.2f s", usable, floor);
            }
            Map<String, String> extras = new LinkedHashMap<>();
            extras.put("profile", "slow3g");
            extras.put("aim_s", "3");
            return new Bench.Figure("portal-first-load", usable, "s", floor, true, extras);
        } finally {
            browser.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

}
