package dev.loupe.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium driven by Debian's chromedriver over the W3C WebDriver HTTP protocol, with the
 * JDK's HTTP client and Jackson: enough of WebDriver for a rendering test, without Selenium.
 * {@link #close()} ends the session and the driver, whatever happened before.
 */
final class Chromium implements AutoCloseable {
    /** Debian's paths; the system properties exist to try the test's skip and failure on purpose. */
    static final Path DRIVER = Path.of(System.getProperty("loupe.chromedriver", "/usr/bin/chromedriver"));
    static final Path BROWSER = Path.of(System.getProperty("loupe.chromium", "/usr/bin/chromium"));

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process driver;
    private final Path driverLog;
    private final URI base;
    private String session;

    private Chromium(Process driver, Path driverLog, URI base) {
        this.driver = driver;
        this.driverLog = driverLog;
        this.base = base;
    }

    /** Starts chromedriver on a free port, waits until it is ready and opens a browser session. */
    static Chromium start(Path driverLog, int width, int height) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Files.createDirectories(driverLog.getParent());
        Process process = new ProcessBuilder(DRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(driverLog.toFile()).start();
        Chromium c = new Chromium(process, driverLog, URI.create("http://127.0.0.1:" + port));
        try {
            c.awaitReady(Duration.ofSeconds(30));
            c.open(width, height);
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!driver.isAlive()) {
                throw new IOException("chromedriver exited with " + driver.exitValue() + ": " + Files.readString(driverLog));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/status"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && json.readTree(r.body()).path("value").path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException notYet) {
                // The port is not open yet.
            }
            Thread.sleep(100);
        }
        throw new IOException("chromedriver not ready after " + timeout + ": " + Files.readString(driverLog));
    }

    private void open(int width, int height) throws IOException, InterruptedException {
        ObjectNode always = json.createObjectNode();
        ObjectNode options = always.putObject("goog:chromeOptions");
        options.put("binary", BROWSER.toString());
        // Root in a container needs no sandbox; /dev/shm there is often too small for the renderer.
        List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height).forEach(options.putArray("args")::add);
        always.putObject("goog:loggingPrefs").put("browser", "ALL");
        ObjectNode body = json.createObjectNode();
        body.putObject("capabilities").set("alwaysMatch", always);
        session = call("POST", "/session", body).path("sessionId").asText(null);
        if (session == null) {
            throw new IOException("no session id from chromedriver");
        }
    }

    /** Loads {@code url} and returns when the page has loaded (the default page load strategy). */
    void navigate(URI url) throws IOException, InterruptedException {
        call("POST", path("/url"), json.createObjectNode().put("url", url.toString()));
    }

    /** The value of running {@code script} (a function body; {@code return} gives the result) in the page. */
    JsonNode execute(String script) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("script", script);
        body.putArray("args");
        return call("POST", path("/execute/sync"), body);
    }

    /**
     * The browser console entries since the last call (chromedriver's legacy log endpoint, which it
     * still serves under {@code /se/log}): each has {@code level}, {@code source} and {@code message}.
     */
    JsonNode browserLog() throws IOException, InterruptedException {
        return call("POST", path("/se/log"), json.createObjectNode().put("type", "browser"));
    }

    /**
     * A PNG of the whole page, not just the window: Chromium's own capture through chromedriver's
     * DevTools pass-through, which can draw beyond the viewport. Height capped at {@code maxHeight}.
     */
    byte[] fullPageScreenshot(int width, int maxHeight) throws IOException, InterruptedException {
        int height = Math.min(maxHeight, execute("return document.documentElement.scrollHeight").asInt());
        ObjectNode body = json.createObjectNode().put("cmd", "Page.captureScreenshot");
        ObjectNode params = body.putObject("params").put("format", "png").put("captureBeyondViewport", true);
        params.putObject("clip").put("x", 0).put("y", 0).put("width", width).put("height", height).put("scale", 1);
        return Base64.getDecoder().decode(call("POST", path("/goog/cdp/execute"), body).path("data").asText());
    }

    /** A PNG of the window, the standard WebDriver way. */
    byte[] screenshot() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(call("GET", path("/screenshot"), null).asText());
    }

    private String path(String command) {
        return "/session/" + session + command;
    }

    /** One WebDriver command: its {@code value}, or an IOException carrying the driver's error. */
    private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json; charset=utf-8");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = json.readTree(r.body()).path("value");
        if (r.statusCode() != 200) {
            throw new IOException(method + " " + path + " answered " + r.statusCode() + ": "
                    + value.path("error").asText() + ": " + value.path("message").asText());
        }
        return value;
    }

    /** Ends the session (which quits the browser), then the driver and anything it left running. */
    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("chromedriver: could not end the session: " + e);
        } finally {
            session = null;
            driver.descendants().forEach(ProcessHandle::destroy);
            driver.destroy();
            try {
                if (!driver.waitFor(5, TimeUnit.SECONDS)) {
                    driver.destroyForcibly();
                }
            } catch (InterruptedException e) {
                driver.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
