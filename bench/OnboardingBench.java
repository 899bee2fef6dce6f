import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Onboards branches through the HQ API and measures (1) milliseconds per onboarding, (2) the median latency of a
 * tenant-scoped read with 2 branches and with all of them, as a ratio. Run against a platform on an empty database:
 *
 *   java bench/OnboardingBench.java http://localhost:8080 <admin password> [branches=200] [reads=3000]
 */
public class OnboardingBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String adminPassword = args[1];
        int branches = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int reads = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        String admin = login(base, "admin", adminPassword);

        List<Double> onboardMillis = new ArrayList<>();
        List<String> headTokens = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < branches; i++) {
            String code = "bench_" + run + "_" + i;
            String head = "head-" + run + "-" + i;
            String body = """
                    {"code":"%s","name":"基准分会 %d","address":"基准路 %d 号",
                     "head":{"username":"%s","displayName":"负责人","password":"bench-password"}}"""
                    .formatted(code, i, i, head);
            long start = System.nanoTime();
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/admin/branches"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            onboardMillis.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Onboarding " + code + ": " + response.statusCode() + " " + response.body());
            }
            codes.add(code);
            headTokens.add(login(base, head, "bench-password"));
            if (i == 1) {
                readMedian(base, codes, headTokens, reads);
                double fewBranches = readMedian(base, codes, headTokens, reads);
                System.out.printf("tenant read median with %d branches: %.3f ms%n", codes.size(), fewBranches);
                System.setProperty("bench.few", Double.toString(fewBranches));
            }
        }
        double manyBranches = readMedian(base, codes, headTokens, reads);
        double fewBranches = Double.parseDouble(System.getProperty("bench.few"));
        System.out.printf("onboarding (%d branches): median %.1f ms, p95 %.1f ms, max %.1f ms%n", branches,
                percentile(onboardMillis, 50), percentile(onboardMillis, 95), percentile(onboardMillis, 100));
        System.out.printf("tenant read median with %d branches: %.3f ms%n", branches, manyBranches);
        System.out.printf("read latency ratio %d/2 branches: %.2f%n", branches, manyBranches / fewBranches);
    }

    /**
     * Median latency of GET /api/branches/{code} by each branch's head, round-robin over the branches. The first
     * tenth of the reads warm up and are not counted; with 2 branches a whole warm-up run precedes the measured one,
     * so that the comparison is not between a cold and a warm JVM.
     */
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
