package org.huzhu.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.huzhu.benefits.BenefitEngine;
import org.huzhu.benefits.BenefitRequest;
import org.huzhu.benefits.BenefitResult;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.catalogue.TestCatalogue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * JMH benchmark of the pure benefit engine ({@code ./huzhu bench engine}): calculations per second
 * on one thread for a typical three-item claim (the seed's breast-cancer case: HOSPITAL 2 shares with
 * an earlier payout, CRITICAL_ILLNESS 5 shares, FEMALE_SPECIAL 5 shares — one REDUCED, two PAY).
 *
 * <p>Baseline: the same request's bare arithmetic — three evaluations of the HOSPITAL formula in
 * plain BigDecimal (deductible, three tiers, × shares, the two limits, one rounding) with no rules,
 * checks, look-ups or result objects. It is the floor any exact-decimal engine pays, so the ratio
 * says how much of the engine's time goes to the rules themselves. For scale, the JSON parse of the
 * same request (what the HTTP endpoint does before calling the engine) is printed as {@code json_parse}.
 * Pass {@code quick} for a short run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class EngineBenchmark {

    static final String REQUEST = """
            {"member": {"gender": "F", "birthDate": "1985-03-02"},
             "coverages": [
               {"item": "HOSPITAL", "plan": "STD", "shares": 2, "from": "2026-01-10", "to": "2027-01-09", "renewedWithoutGap": false},
               {"item": "CRITICAL_ILLNESS", "plan": "A", "shares": 5, "from": "2026-01-10", "to": "2027-01-09", "renewedWithoutGap": false},
               {"item": "FEMALE_SPECIAL", "plan": "STD", "shares": 5, "from": "2026-01-10", "to": "2027-01-09", "renewedWithoutGap": false}],
             "incident": {"kind": "ILLNESS", "date": "2026-05-01", "diagnoses": ["C50.900x001"], "death": false,
                          "disabilityGrade": null, "hospitalStay": {"admission": "2026-05-01", "discharge": "2026-05-12"}},
             "expenses": {"total": "23456.78", "fundPaid": "15000.00", "selfPaid": "5000.00", "selfFunded": "3456.78"},
             "alreadyPaid": [{"item": "HOSPITAL", "component": "MEDICAL", "amount": "1000.00", "days": 0}],
             "submittedOn": "2026-06-01"}
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BenefitEngine engine;
    private BenefitRequest request;
    private BigDecimal[] selfPaid;
    private int[] shares;
    private BigDecimal[] alreadyPaid;
    private BigDecimal deductible;
    private BigDecimal tier1;
    private BigDecimal tier2;
    private BigDecimal ratio1;
    private BigDecimal ratio2;
    private BigDecimal ratio3;
    private BigDecimal capPerShare;

    @Setup
    public void setUp() {
        engine = hb2026Engine();
        request = JSON.readValue(REQUEST, BenefitRequest.class);
        selfPaid = new BigDecimal[]{new BigDecimal("5000.00"), new BigDecimal("5000.00"), new BigDecimal("5000.00")};
        shares = new int[]{2, 5, 5};
        alreadyPaid = new BigDecimal[]{new BigDecimal("1000.00"), BigDecimal.ZERO, BigDecimal.ZERO};
        deductible = new BigDecimal("200.00");
        tier1 = new BigDecimal("5000.00");
        tier2 = new BigDecimal("20000.00");
        ratio1 = new BigDecimal("0.60");
        ratio2 = new BigDecimal("0.70");
        ratio3 = new BigDecimal("0.80");
        capPerShare = new BigDecimal("15000.00");
    }

    @Benchmark
    public BenefitResult engine() {
        return engine.calculate(request);
    }

    /** Three HOSPITAL formulas in plain BigDecimal: the arithmetic floor of a three-item claim. */
    @Benchmark
    public BigDecimal baseline() {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            BigDecimal base = selfPaid[i].subtract(deductible);
            BigDecimal perShare = base.min(tier1).multiply(ratio1)
                    .add(base.min(tier2).subtract(tier1).max(BigDecimal.ZERO).multiply(ratio2))
                    .add(base.subtract(tier2).max(BigDecimal.ZERO).multiply(ratio3));
            BigDecimal n = BigDecimal.valueOf(shares[i]);
            BigDecimal amount = perShare.multiply(n).min(selfPaid[i]).min(capPerShare.multiply(n).subtract(alreadyPaid[i]));
            total = total.add(amount.setScale(2, RoundingMode.HALF_UP));
        }
        return total;
    }

    @Benchmark
    public BenefitRequest jsonParse() {
        return JSON.readValue(REQUEST, BenefitRequest.class);
    }

    static BenefitEngine hb2026Engine() {
        CatalogueVersion terms = TestCatalogue.hb2026();
        return BenefitEngine.of(List.of(terms), day -> terms);
    }

    /** Runs the three benchmarks and prints JMH's results, then the BENCH summary line. */
    public static void run(String[] args) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder().include(EngineBenchmark.class.getName() + "\\.");
        if (List.of(args).contains("quick")) {
            options.warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        double engine = score(results, "engine");
        double baseline = score(results, "baseline");
        double json = score(results, "jsonParse");
        System.out.println(String.format(Locale.ROOT,
                "BENCH name=engine value=%.0f unit=calcs/s baseline=%.0f ratio=%.3f threads=1 items=3 json_parse=%.0f",
                engine, baseline, engine / baseline, json));
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + method)).getPrimaryResult().getScore();
    }

    public static void main(String[] args) throws RunnerException {
        run(args);
    }
}
