package org.huzhu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.huzhu.notifications.NotificationsBenchDriver;
import org.huzhu.notifications.sms.DeliveryReceipt;
import org.huzhu.notifications.sms.InboundSms;
import org.huzhu.notifications.sms.OutgoingSms;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.notifications.sms.SmppGateway;
import org.huzhu.notifications.sms.SmsInbound;
import org.huzhu.notifications.sms.SmsProperties;
import org.huzhu.notifications.sms.SubmitOutcome;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./huzhu bench notifications}: N campaign texts from the outbox through SMPP to the simulated
 * SMS centre, delivery receipts applied. Set-up, not timed: a publicity campaign of N workers written to
 * the outbox by the real message writer (SMS and in-app rows, numbers encrypted). Baseline, in the same
 * run and before Huzhu binds: the same jSMPP client ({@link SmppGateway}) with as many threads as the
 * dispatcher submits the same N texts to the same centre, receipts taken by a counter that stores
 * nothing — texts per second until the last is accepted. Timed: the dispatcher is started and runs until
 * every text is DELIVERED (taken under a lease, submitted, answers and receipts committed). Checks (a
 * failed one throws before the BENCH line): every text delivered, the centre accepted exactly the
 * campaign's segments, and no message reference twice. Quiet hours and the channel's rate limit are
 * switched off so that the figure does not depend on the hour or the contract.
 *
 * <p>Options: {@code --messages N} (100000), {@code --threads T} (8), {@code --batch B} (500), {@code --workers W} (2).
 */
final class NotificationsBenchmark implements Bench.Benchmark {

    private static final Path DATA = Path.of("target", "bench-data", "notifications").toAbsolutePath();
    private static final long CAMPAIGN = 1;

    @Override
    public List<Bench.Figure> run(Bench.Options options) throws Exception {
        int n = options.positiveInt("messages", 100_000);
        int threads = options.positiveInt("threads", 8);
        int batch = options.positiveInt("batch", 500);
        int workers = options.positiveInt("workers", 2);
        options.rejectUnknown();
        progress("heap %s (%s), %d cores, load %s", Bench.heap(), Bench.xmxFlag(), Runtime.getRuntime().availableProcessors(), load());
        Files.createDirectories(DATA);
        try (ConfigurableApplicationContext app = Bench.startApplication(DATA,
                "huzhu.notifications.sms.simulator.enabled=true", "huzhu.notifications.sms.simulator.receipt-delay=10ms",
                "huzhu.notifications.dispatch.enabled=false", "huzhu.notifications.dispatch.rate-per-second=0",
                "huzhu.notifications.dispatch.threads=" + threads, "huzhu.notifications.dispatch.batch-size=" + batch,
                "huzhu.notifications.dispatch.workers=" + workers,
                "huzhu.notifications.quiet-from=00:00", "huzhu.notifications.quiet-until=00:00",
                "huzhu.bank.simulator.enabled=false")) {
            NotificationsBenchDriver driver = new NotificationsBenchDriver(app);
            SimulatedSmsCentre centre = app.getBean(SimulatedSmsCentre.class);

            long setUp = System.nanoTime();
            driver.writeCampaign(CAMPAIGN, n, "PUBLICITY_ENROL");
            List<OutgoingSms> texts = driver.texts(CAMPAIGN);
            long segments = driver.segments(CAMPAIGN);
            if (texts.size() != n) throw new AssertionError("campaign wrote " + texts.size() + " texts, not " + n);
            progress("set up: campaign of %,d texts (%,d segments, e.g. %d characters) in the outbox in %.1f s (not timed)",
                    n, segments, texts.getFirst().text().length(), seconds(setUp));

            double baselineSeconds = baseline(app, centre, texts, threads, segments);
            double baselineRate = n / baselineSeconds;
            progress("baseline: the jSMPP client alone submitted %,d texts in %.2f s (%.0f texts/s)", n, baselineSeconds, baselineRate);
            centre.clear();

            long start = System.nanoTime();
            driver.startDispatcher();
            Map<String, Long> statuses;
            long lastReport = start;
            while (true) {
                statuses = driver.statuses(CAMPAIGN);
                long finished = statuses.getOrDefault("DELIVERED", 0L) + statuses.getOrDefault("FAILED", 0L)
                        + statuses.getOrDefault("EXPIRED", 0L);
                if (finished >= n) break;
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    progress("  %.0f s: %s", seconds(start), statuses);
                    lastReport = System.nanoTime();
                }
                if (seconds(start) > 900) throw new AssertionError("not every text was delivered in 15 minutes: " + statuses);
                Thread.sleep(50);
            }
            double round = seconds(start);
            double rate = n / round;
            progress("round: %,d texts delivered and receipts applied in %.2f s (%.0f texts/s): %s", n, round, rate, statuses);

            if (statuses.getOrDefault("DELIVERED", 0L) != n) throw new AssertionError("not every text delivered: " + statuses);
            if (centre.acceptedCount() != segments) {
                throw new AssertionError("the centre accepted " + centre.acceptedCount() + " segments, the campaign has " + segments);
            }
            long twice = NotificationsBenchDriver.sentTwice(centre);
            if (twice != 0) throw new AssertionError(twice + " texts reached the centre twice");
            progress("checked: every text DELIVERED, the centre accepted exactly %,d segments, no text twice", segments);

            Map<String, String> extras = new LinkedHashMap<>();
            extras.put("n", Integer.toString(n));
            extras.put("segments", Long.toString(segments));
            extras.put("threads", Integer.toString(threads));
            extras.put("workers", Integer.toString(workers));
            extras.put("batch", Integer.toString(batch));
            extras.put("seconds", String.format(Locale.ROOT, "%.2f", round));
            extras.put("load", load());
            return List.of(Bench.Figure.rate("notifications", rate, "msg/s", baselineRate, extras));
        }
    }

    /**
     * The same texts through the same jSMPP client to the same centre, nothing stored: seconds until the
     * last was accepted. Waits for the centre's receipts to this session too, so none is left for Huzhu.
     */
    private static double baseline(ConfigurableApplicationContext app, SimulatedSmsCentre centre, List<OutgoingSms> texts, int threads,
                                   long segments) throws Exception {
        SmsProperties.Smpp p = app.getBean(SmsProperties.class).smpp();
        AtomicLong receipts = new AtomicLong();
        SmsInbound counter = new SmsInbound() {
            @Override
            public void receipts(List<DeliveryReceipt> r) {
                receipts.addAndGet(r.size());
            }

            @Override
            public void reply(InboundSms sms) {
            }
        };
        try (SmppGateway gateway = new SmppGateway(new SmppGateway.Settings("127.0.0.1", centre.port(), p.systemId(), p.password(),
                p.systemType(), p.sourceAddress(), p.submitTimeout(), p.enquireLinkInterval(), p.processorThreads(), p.throttleRetries()));
             ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            gateway.start(counter);
            long bindDeadline = System.nanoTime() + 30_000_000_000L;
            while (!gateway.bound() && System.nanoTime() < bindDeadline) Thread.sleep(10);
            long start = System.nanoTime();
            List<Future<SubmitOutcome>> answers = new ArrayList<>(texts.size());
            for (OutgoingSms sms : texts) {
                answers.add(pool.submit(() -> gateway.submit(new OutgoingSms(1_000_000_000_000L + sms.messageId(), sms.phone(), sms.text()))));
            }
            for (Future<SubmitOutcome> a : answers) {
                if (!(a.get() instanceof SubmitOutcome.Accepted)) throw new AssertionError("baseline submit not accepted: " + a.get());
            }
            double seconds = seconds(start);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (receipts.get() < segments && System.nanoTime() < deadline) Thread.sleep(20);
            if (receipts.get() < segments) throw new AssertionError("baseline receipts: " + receipts.get() + " of " + segments);
            return seconds;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench notifications] " + format + "%n", args);
    }
}
