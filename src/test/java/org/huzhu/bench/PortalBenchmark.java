package org.huzhu.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.huzhu.membership.PhoneBindings;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./huzhu bench portal}: N workers use the member app's API over HTTP as their phones would, each with its
 * own session. Set-up, not timed: the members enrolled through the roster import with bank cards, each phone bound
 * to its member (a returning worker). Timed, one step after another, every worker once per step on C clients at a
 * time: ask for a sign-in code; sign in with the code read from the simulated SMS centre (the wait for the text is
 * not timed); read one's cover; file a hospital claim with three phone photos (recognition queued, not awaited);
 * list one's claims. Each step gives requests per second and the 95th-percentile latency. Baseline, in the same run
 * and on the same HTTP stack, client and clients: the app's static JSON file (its web manifest), N times before the
 * steps and N times after them, the faster of the two (the photos' reading runs in the background of both). Checks (a
 * failed one throws before the BENCH lines): every answer of every step was the expected success.
 *
 * <p>A last figure, {@code portal-first-load}: a headless Chromium under the "Slow 3G" profile (2 s before each
 * answer, 50 kB/s) opens {@code /m/} with an empty cache; the seconds until the sign-in works, beside the same browser
 * fetching the static JSON file alone (the floor a single request sets).
 *
 * <p>Options: {@code --workers N} (2000), {@code --clients C} (16).
 */
final class PortalBenchmark implements Bench.Benchmark {

    private static final Path DATA = Path.of("target", "bench-data", "portal").toAbsolutePath();
    private static final int WARM_UP = 200;
    private static final List<String> PHOTO_KINDS = List.of("RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY");

    @Override
    public List<Bench.Figure> run(Bench.Options options) throws Exception {
        int n = options.positiveInt("workers", 2000);
        int clients = options.positiveInt("clients", 16);
        options.rejectUnknown();
        progress("heap %s (%s), %d cores", Bench.heap(), Bench.xmxFlag(), Runtime.getRuntime().availableProcessors());
        Files.createDirectories(DATA);
        try (ConfigurableApplicationContext app = Bench.startApplication(DATA, "server.port=0",
                "huzhu.notifications.sms.simulator.enabled=true", "huzhu.notifications.sms.simulator.receipt-delay=10ms",
                "huzhu.notifications.dispatch.rate-per-second=0",
                "huzhu.notifications.quiet-from=00:00", "huzhu.notifications.quiet-until=00:00",
                "huzhu.claims.reading-threads=1", "huzhu.bank.simulator.enabled=false",
                "huzhu.web.secure-cookies=false")) {   // plain HTTP on loopback, as in demo mode
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Population people = new Population(WARM_UP + n, LocalDate.now(app.getBean(Clock.class)));
            long setUp = System.nanoTime();
            people.enrol(app, DATA, 4, "portal");
            PhoneBindings bindings = app.getBean(PhoneBindings.class);
            for (int j = 0; j < people.size(); j++) bindings.bind(people.phone(j), people.name(j), people.idNumber(j));
            progress("set up: %,d workers enrolled, bank cards set, phones bound in %.1f s (not timed)", people.size(), seconds(setUp));

            Portal portal = new Portal(port, people, app.getBean(SimulatedSmsCentre.class), photos(), LocalDate.now(app.getBean(Clock.class)));
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                Steps warm = new Steps(portal, pool, 0, WARM_UP);
                warm.run("static JSON", portal::staticJson);
                warm.all();
                progress("warm-up: %d workers through every step and the static file (not counted)", WARM_UP);
                Steps timed = new Steps(portal, pool, WARM_UP, WARM_UP + n);
                Timing before = timed.run("static JSON", portal::staticJson);
                List<Bench.Figure> figures = new ArrayList<>();
                Map<String, Timing> steps = timed.all();
                // the baseline again after the steps (the photos' reading may still run): the better of the two counts
                Timing after = timed.run("static JSON", portal::staticJson);
                Timing baseline = before.rate() >= after.rate() ? before : after;
                double requests = 0;
                double seconds = 0;
                double worstP95 = 0;
                for (var step : steps.entrySet()) {
                    Timing t = step.getValue();
                    figures.add(Bench.Figure.rate("portal-" + step.getKey(), t.rate(), "req/s", baseline.rate(), extras(t, baseline, n, clients)));
                    if (!step.getKey().equals("claim")) {
                        requests += t.count;
                        seconds += t.seconds;
                        worstP95 = Math.max(worstP95, t.p95());
                    }
                }
                Map<String, String> summary = new LinkedHashMap<>();
                summary.put("p95_ms", ms(worstP95));
                summary.put("baseline_p95_ms", ms(baseline.p95()));
                summary.put("steps", "code,sign-in,cover,claims");
                summary.put("n", Integer.toString(n));
                summary.put("clients", Integer.toString(clients));
                figures.add(Bench.Figure.rate("portal", requests / seconds, "req/s", baseline.rate(), summary));
                figures.add(FirstLoad.measure(port));
                return figures;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static Map<String, String> extras(Timing t, Timing baseline, int n, int clients) {
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("p95_ms", ms(t.p95()));
        extras.put("baseline_p95_ms", ms(baseline.p95()));
        extras.put("n", Integer.toString(n));
        extras.put("clients", Integer.toString(clients));
        return extras;
    }

    /** One step of every worker in [from, to) on the pool; each call returns its latency in nanoseconds. */
    interface Call {
        long call(int worker) throws Exception;
    }

    /** The steps in order, each timed across all workers before the next begins. */
    private record Steps(Portal portal, ExecutorService pool, int from, int to) {

        Map<String, Timing> all() throws Exception {
            Map<String, Timing> steps = new LinkedHashMap<>();
            steps.put("code", run("code", portal::askCode));
            portal.awaitCodes(from, to);
            steps.put("sign-in", run("sign-in", portal::signIn));
            steps.put("cover", run("cover", portal::cover));
            steps.put("claim", run("claim", portal::fileClaim));
            steps.put("claims", run("claims", portal::listClaims));
            return steps;
        }

        Timing run(String name, Call call) throws Exception {
            long[] latencies = new long[to - from];
            List<Future<?>> done = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(from);
            long start = System.nanoTime();
            int threads = ((java.util.concurrent.ThreadPoolExecutor) pool).getCorePoolSize();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int w = next.getAndIncrement(); w < to; w = next.getAndIncrement()) latencies[w - from] = call.call(w);
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            Timing timing = new Timing(latencies.length, seconds(start), latencies);
            progress("%-12s %,d requests in %.2f s: %.0f req/s, p95 %s ms", name, timing.count, timing.seconds, timing.rate(), ms(timing.p95()));
            return timing;
        }
    }

    private record Timing(int count, double seconds, long[] latencies) {
        double rate() {
            return count / seconds;
        }

        double p95() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6;
        }
    }

    /** The workers' phones: one HTTP client with its own cookies per worker, and the requests of each step. */
    private static final class Portal {
        private final String base;
        private final Population people;
        private final SimulatedSmsCentre centre;
        private final List<byte[]> photos;
        private final LocalDate today;
        private final HttpClient[] phones;
        private final CookieManager[] cookies;
        private final String[] codes;

        Portal(int port, Population people, SimulatedSmsCentre centre, List<byte[]> photos, LocalDate today) {
            this.base = "http://127.0.0.1:" + port;
            this.people = people;
            this.centre = centre;
            this.photos = photos;
            this.today = today;
            this.phones = new HttpClient[people.size()];
            this.cookies = new CookieManager[people.size()];
            this.codes = new String[people.size()];
            for (int w = 0; w < people.size(); w++) {
                cookies[w] = new CookieManager();
                phones[w] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies[w]).build();
            }
        }

        long staticJson(int w) throws Exception {
            return send(w, get("/m/manifest.webmanifest"), "static JSON");
        }

        long askCode(int w) throws Exception {
            return send(w, postJson(w, "/api/v1/m/sign-in/code", "{\"phone\":\"" + people.phone(w) + "\"}"), "code");
        }

        /** Waits (not timed) until every worker's code has reached the simulated centre. */
        void awaitCodes(int from, int to) throws InterruptedException {
            long deadline = System.nanoTime() + 300_000_000_000L;
            for (int w = from; w < to; w++) {
                while (true) {
                    List<String> texts = centre.textsTo(people.phone(w));
                    if (!texts.isEmpty()) {
                        codes[w] = texts.getLast().replaceAll("(?s)\\D*(\\d{6}).*", "$1");
                        break;
                    }
                    if (System.nanoTime() > deadline) throw new IllegalStateException("no code reached " + people.phone(w) + " in 5 minutes");
                    Thread.sleep(20);
                }
            }
        }

        long signIn(int w) throws Exception {
            String body = "{\"phone\":\"" + people.phone(w) + "\",\"code\":\"" + codes[w] + "\"}";
            return send(w, postJson(w, "/api/v1/m/sign-in", body), "sign-in");
        }

        long cover(int w) throws Exception {
            return send(w, get("/api/v1/m/cover"), "cover");
        }

        long fileClaim(int w) throws Exception {
            String boundary = "----huzhu-bench-" + w;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String claim = "{\"whatHappened\":\"住院\",\"incidentDate\":\"" + today.minusDays(10) + "\",\"diagnosis\":\"K35.8\"}";
            part(body, boundary, "claim", null, "application/json", claim.getBytes(StandardCharsets.UTF_8));
            for (int p = 0; p < photos.size(); p++) {
                part(body, boundary, "photos", "photo-" + (p + 1) + ".jpg", "image/jpeg", unique(photos.get(p), w));
                part(body, boundary, "kinds", null, "text/plain; charset=UTF-8", PHOTO_KINDS.get(p).getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            HttpRequest.Builder request = withToken(w, HttpRequest.newBuilder(URI.create(base + "/api/v1/m/claims"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
            return send(w, request, "claim");
        }

        long listClaims(int w) throws Exception {
            return send(w, get("/api/v1/m/claims"), "claims");
        }

        private HttpRequest.Builder get(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET();
        }

        private HttpRequest.Builder postJson(int w, String path, String json) {
            return withToken(w, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        /** The CSRF token the app sends with every write, from the cookie the server gave this phone. */
        private HttpRequest.Builder withToken(int w, HttpRequest.Builder request) {
            request.header("Accept", "application/json").header("X-Requested-With", "XMLHttpRequest");
            for (var cookie : cookies[w].getCookieStore().getCookies()) {
                if (cookie.getName().equals("XSRF-TOKEN")) request.header("X-XSRF-TOKEN", cookie.getValue());
            }
            return request;
        }

        private long send(int w, HttpRequest.Builder request, String step) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> response = phones[w].send(request.build(), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(step + " for worker " + w + " answered " + response.statusCode() + ": " + response.body());
            }
            if (step.equals("sign-in") && !response.body().contains("\"signedIn\":true")) {
                throw new IllegalStateException("worker " + w + " was not signed in: " + response.body());
            }
            return took;
        }

        private static void part(ByteArrayOutputStream body, String boundary, String name, String file, String type, byte[] content) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (file == null ? "" : "; filename=\"" + file + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        /** The photo with a comment segment naming the worker right after the JPEG's start marker: each upload its own file. */
        private static byte[] unique(byte[] jpeg, int w) {
            byte[] text = ("worker " + w).getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + text.length + 4);
            out.write(jpeg, 0, 2);
            out.write(0xFF);
            out.write(0xFE);
            out.write((text.length + 2) >> 8);
            out.write((text.length + 2) & 0xFF);
            out.writeBytes(text);
            out.write(jpeg, 2, jpeg.length - 2);
            return out.toByteArray();
        }
    }

    /** Three phone photos of paper: an invoice, a settlement and a discharge summary, about 100 kB each. */
    private static List<byte[]> photos() throws Exception {
        List<byte[]> photos = new ArrayList<>();
        String[] titles = {"湖北省医疗门诊收费票据（电子）", "医疗保险结算单", "出院记录"};
        for (String title : titles) {
            BufferedImage page = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = page.createGraphics();
            g.setColor(new Color(250, 248, 240));
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
            g.drawString(title, 120, 160);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
            for (int line = 0; line < 30; line++) g.drawString("项目 " + (line + 1) + "    金额 " + (100 + line * 37) + ".00", 120, 260 + line * 45);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(page, "jpg", out);
            photos.add(out.toByteArray());
        }
        return photos;
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench portal] " + format + "%n", args);
    }
}
