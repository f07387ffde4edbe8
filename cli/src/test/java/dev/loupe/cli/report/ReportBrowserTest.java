package dev.loupe.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The report as a browser shows it: headless Chromium loads the written page from disk and the
 * test checks that every picture decoded, the charts are there and the console stayed clean (the
 * page's content security policy makes any attempt to load something from elsewhere an error).
 * Skips without Chromium and chromedriver, unless {@code LOUPE_REQUIRE_BROWSER=1} (as in CI) makes
 * that a failure. The screenshot goes to {@code target/report-browser} ({@code docs/report.png} is
 * the demo's real report, taken as docs/benchmarks.md says).
 */
class ReportBrowserTest {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 2000;

    @Test
    void rendersCompletelyInHeadlessChromium() throws IOException, InterruptedException {
        requireBrowser();
        Report report = Samples.realistic();
        Path out = Path.of("target", "report-browser").toAbsolutePath();
        Path page = HtmlReport.write(report, out);
        try (Chromium browser = Chromium.start(out.resolve("chromedriver.log"), WIDTH, HEIGHT)) {
            browser.navigate(page.toUri());
            JsonNode state = awaitComplete(browser);
            assertEquals("complete", state.path("readyState").asText(), state.toString());
            assertEquals(report.images().size(), state.path("images").asInt(), "one picture per test image");
            assertEquals(report.images().size(), state.path("cards").asInt(), "one card per test image");
            assertEquals(state.path("images").asInt(), state.path("loaded").asInt(),
                    "pictures that did not decode: " + state.path("broken"));
            assertEquals(List.of("roc", "pr", "histogram"), texts(state.path("charts")));
            assertTrue(state.path("chartsDrawn").asBoolean(), "every chart has a size on the page: " + state);
            assertTrue(state.path("galleryTop").asText().startsWith("cookie/test/normal_030 <crumbs & \"flour\">"),
                    "the name arrives as written, the worst mistake first: " + state.path("galleryTop"));

            List<String> errors = new ArrayList<>();
            for (JsonNode entry : browser.browserLog()) {
                if (entry.path("level").asText().equals("SEVERE")) {
                    errors.add(entry.path("source").asText() + ": " + entry.path("message").asText());
                }
            }
            assertEquals(List.of(), errors, "browser console errors");
            // The check above would see an error: the log channel works with this chromedriver.
            browser.execute("console.error('loupe log probe')");
            assertTrue(browser.browserLog().toString().contains("loupe log probe"), "the console log is readable");

            byte[] png = screenshot(browser);
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(WIDTH, shot.getWidth());
            assertTrue(shot.getHeight() >= Math.min(HEIGHT, state.path("height").asInt()), "height " + shot.getHeight());
            Path target = out.resolve("report.png");
            Files.write(target, png);
            System.err.println("report screenshot: " + target + " (" + shot.getWidth() + "x" + shot.getHeight() + ")");
        }
    }

    /** The page's state, polled until it has loaded completely or ten seconds have passed. */
    private static JsonNode awaitComplete(Chromium browser) throws IOException, InterruptedException {
        String script = """
                const images = [...document.images];
                const charts = [...document.querySelectorAll('svg.chart')];
                const top = document.querySelector('#gallery .card .name');
                return {
                  readyState: document.readyState,
                  images: images.length,
                  loaded: images.filter(i => i.complete && i.naturalWidth > 0).length,
                  broken: images.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.alt),
                  cards: document.querySelectorAll('#gallery .card').length,
                  charts: charts.map(c => c.id),
                  chartsDrawn: charts.every(c => c.getBoundingClientRect().width > 100 && c.querySelector('line, path, rect')),
                  galleryTop: top ? top.textContent : null,
                  height: document.documentElement.scrollHeight
                };""";
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode state = browser.execute(script);
        while (System.nanoTime() < deadline && !(state.path("readyState").asText().equals("complete")
                && state.path("loaded").asInt() == state.path("images").asInt())) {
            Thread.sleep(100);
            state = browser.execute(script);
        }
        return state;
    }

    /** The whole page where Chromium can draw it, else the window. */
    private static byte[] screenshot(Chromium browser) throws IOException, InterruptedException {
        try {
            return browser.fullPageScreenshot(WIDTH, 8000);
        } catch (IOException e) {
            System.err.println("full-page capture failed, taking the window: " + e.getMessage());
            return browser.screenshot();
        }
    }

    private static void requireBrowser() {
        if (Files.isExecutable(Chromium.DRIVER) && Files.isExecutable(Chromium.BROWSER)) {
            return;
        }
        String why = "needs " + Chromium.BROWSER + " and " + Chromium.DRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
        if ("1".equals(System.getenv("LOUPE_REQUIRE_BROWSER"))) {
            fail("LOUPE_REQUIRE_BROWSER=1, but this test " + why);
        }
        assumeTrue(false, "skipped: this test " + why);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
