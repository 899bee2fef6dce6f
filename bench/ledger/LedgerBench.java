import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the paper-book transfer endpoint (POST /api/branches/{b}/ledger/transfers) with N closed-loop clients and
 * reports transfers/s and latency percentiles. Run by bench/ledger/run.sh, which seeds the members and their points
 * with psql first and passes their ids:
 *
 *   java bench/ledger/LedgerBench.java <base url> <branch> <steward token> <person ids, comma-separated>
 *        <scenario: spread|mixed|hot> <clients> <seconds>
 *
 * spread: payer and payee uniformly among all accounts; mixed: as the concurrency test, half of all transfers touch
 * one of 2 hot accounts; hot: every transfer pays into one of 2 hot accounts (a popular volunteer or a merchant).
 */
public class LedgerBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String branch = args[1];
        String token = args[2];
        long[] persons = Arrays.stream(args[3].split(",")).mapToLong(Long::parseLong).toArray();
        String scenario = args[4];
        int clients = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        URI uri = URI.create(base + "/api/branches/" + branch + "/ledger/transfers");

        run(uri, token, persons, scenario, clients, 3, null);
        List<Long> latencies = new ArrayList<>();
        long[] outcome = run(uri, token, persons, scenario, clients, seconds, latencies);
        latencies.sort(null);
        System.out.printf("scenario=%s clients=%d seconds=%d transfers=%d refused=%d errors=%d "
                        + "transfers/s=%.0f p50=%.1fms p99=%.1fms max=%.1fms%n",
                scenario, clients, seconds, outcome[0], outcome[1], outcome[2], outcome[0] / (double) seconds,
                percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100));
    }

    /** Closed loop for the given time; returns {acknowledged, refused, errors} and fills latencies (ns). */
    private static long[] run(URI uri, String token, long[] persons, String scenario, int clients, int seconds,
            List<Long> latencies) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    long[] pair = pair(random, persons, scenario);
                    String body = "{\"fromPersonId\":%d,\"toPersonId\":%d,\"points\":\"%d.%02d\",\"kind\":\"SERVICE_PAYMENT\",\"paperFormNo\":\"B-%d\"}"
                            .formatted(pair[0], pair[1], 1 + random.nextInt(5), 25 * random.nextInt(4), random.nextInt(1_000_000));
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long start = System.nanoTime();
                    try {
                        int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        mine.add(System.nanoTime() - start);
                        (status == 201 ? ok : status == 409 ? refused : errors).incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return mine;
            }));
        }
        for (Future<List<Long>> worker : workers) {
            List<Long> mine = worker.get();
            if (latencies != null) {
                latencies.addAll(mine);
            }
        }
        pool.shutdown();
        return new long[] {ok.get(), refused.get(), errors.get()};
    }

    private static long[] pair(ThreadLocalRandom random, long[] persons, String scenario) {
        int from;
        int to;
        do {
            switch (scenario) {
                case "hot" -> {
                    to = random.nextInt(2);
                    from = 2 + random.nextInt(persons.length - 2);
                }
                case "mixed" -> {
                    from = random.nextBoolean() ? random.nextInt(2) : random.nextInt(persons.length);
                    to = random.nextBoolean() ? random.nextInt(2) : random.nextInt(persons.length);
                }
                default -> {
                    from = random.nextInt(persons.length);
                    to = random.nextInt(persons.length);
                }
            }
        } while (from == to);
        return new long[] {persons[from], persons[to]};
    }

    private static double percentile(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(index, sortedNanos.size() - 1))) / 1e6;
    }

    static String extract(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + field + " in " + json);
        }
        return m.group(1);
    }
}
