import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of bench/scale/run.sh, a single-file program without dependencies:
 *
 *   onboard  BASE ADMIN_PASSWORD CODES_FILE FROM TO CLIENTS DEADLINE_EPOCH_S   bulk onboarding, CLIENTS at once,
 *            until TO or the deadline; appends "code head" lines to CODES_FILE; prints the index reached
 *   measure  BASE ADMIN_PASSWORD CODES_FILE FROM COUNT                         COUNT onboardings one after another:
 *            median and p95 (ms)
 *   reads    BASE CODES_FILE BRANCHES READS                                    tenant read median (ms), round-robin
 *            over BRANCHES branches spread evenly over CODES_FILE (each head logs in once)
 */
public class ScaleBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final String PASSWORD = "bench-password";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "onboard" -> bulk(args[1], login(args[1], "admin", args[2]), Path.of(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]),
                    Long.parseLong(args[7]));
            case "measure" -> measure(args[1], login(args[1], "admin", args[2]), Path.of(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "reads" -> reads(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void bulk(String base, String admin, Path codes, int from, int to, int clients, long deadline)
            throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger done = new AtomicInteger(from);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                int i;
                while (System.currentTimeMillis() / 1000 < deadline && (i = next.getAndIncrement()) < to) {
                    onboard(base, admin, codes, i);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        System.out.println(done.get());
    }

    private static void measure(String base, String admin, Path codes, int from, int count) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            millis.add(onboard(base, admin, codes, i));
        }
        System.out.printf("%.1f %.1f%n", percentile(millis, 50), percentile(millis, 95));
    }

    private static double onboard(String base, String admin, Path codes, int i) throws Exception {
        String code = "b" + i;
        String head = "head-" + i;
        String body = """
                {"code":"%s","name":"基准分会 %d","address":"基准路 %d 号",
                 "head":{"username":"%s","displayName":"负责人","password":"%s"}}""".formatted(code, i, i, head, PASSWORD);
        long start = System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/admin/branches"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        double elapsed = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Onboarding " + code + ": " + response.statusCode() + " " + response.body());
        }
        synchronized (ScaleBench.class) {
            Files.writeString(codes, code + " " + head + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return elapsed;
    }

    private static void reads(String base, Path codesFile, int branches, int reads) throws Exception {
        List<String> lines = Files.readAllLines(codesFile);
        int n = Math.min(branches, lines.size());
        List<String> codes = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String[] line = lines.get((int) ((long) k * lines.size() / n)).split(" ");
            codes.add(line[0]);
            tokens.add(login(base, line[1], PASSWORD));
        }
        readMedian(base, codes, tokens, reads);
        System.out.printf("%.3f%n", readMedian(base, codes, tokens, reads));
    }

    /** Median of GET /api/branches/{code} by each head, round-robin; the first tenth warms up and is not counted. */
    private static double readMedian(String base, List<String> codes, List<String> tokens, int reads) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < reads + reads / 10; i++) {
            int b = i % codes.size();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/branches/" + codes.get(b)))
                    .header("Authorization", "Bearer " + tokens.get(b)).GET().build();
            long start = System.nanoTime();
            HttpResponse<String> response = send(request);
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Read " + codes.get(b) + ": " + response.statusCode());
            }
            if (i >= reads / 10) {
                millis.add(elapsed);
            }
        }
        return percentile(millis, 50);
    }

    private static String login(String base, String username, String password) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build());
        Matcher token = TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("Login of " + username + " failed: " + response.body());
        }
        return token.group(1);
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
