package cn.gov.jgsw.ops.support.isolation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** What the matrix ran and found, per operation, collected from every thread. */
public final class MatrixReport {

    private final List<GeneratedOperation> operations;
    private final Map<String, AtomicInteger> refusedCases = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> permittedCases = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notApplicable = new ConcurrentHashMap<>();
    private final List<Leak> leaks = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notApplicableCells = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Map<String, AtomicInteger>> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Duration> phases = Collections.synchronizedMap(new LinkedHashMap<>());
    private int fuzzedRequests;
    private int requests;
    private int rateLimited;
    private Duration took = Duration.ZERO;

    MatrixReport(List<GeneratedOperation> operations) {
        this.operations = operations;
    }

    void ran(MatrixCase request, Answer answer) {
        String field = request.operation().field();
        (request.permitted() ? permittedCases : refusedCases)
                .computeIfAbsent(field, k -> new AtomicInteger()).incrementAndGet();
        outcomes.computeIfAbsent(field, k -> new ConcurrentHashMap<>())
                .computeIfAbsent((request.permitted() ? "permitted " : "refused ") + answer.outcome(),
                        k -> new AtomicInteger()).incrementAndGet();
    }

    void phase(String name, Duration took) {
        phases.put(name, took);
    }

    void notApplicable(GeneratedOperation operation, String cell) {
        notApplicable.computeIfAbsent(operation.field(), k -> new AtomicInteger()).incrementAndGet();
        if (!notApplicableCells.contains(cell)) {
            notApplicableCells.add(cell);
        }
    }

    void leak(Leak leak) {
        leaks.add(leak);
    }

    void finished(int fuzzedRequests, int requests, int rateLimited, Duration took) {
        this.fuzzedRequests = fuzzedRequests;
        this.requests = requests;
        this.rateLimited = rateLimited;
        this.took = took;
    }

    public List<Leak> leaks() {
        return List.copyOf(leaks);
    }

    public int cases() {
        return total(refusedCases) + total(permittedCases);
    }

    /** The one-line verdict, then one line per operation. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("isolation matrix: %d operations, %d cases, %d leaks%n", operations.size(), cases(),
                leaks.size()));
        out.append(String.format("  %d cases refused (must look like not found), %d permitted; %d fuzzed requests; "
                        + "%d requests sent, %d of them answered 429 and retried; %.1f s%n", total(refusedCases),
                total(permittedCases), fuzzedRequests, requests, rateLimited, took.toMillis() / 1000.0));
        Map<String, Long> leaksByOperation = new TreeMap<>(leaks.stream()
                .collect(Collectors.groupingBy(Leak::operation, Collectors.counting())));
        out.append(String.format("  %-32s %-6s %8s %9s %5s %6s%n", "operation", "access", "refused", "permitted",
                "n/a", "leaks"));
        for (GeneratedOperation operation : operations) {
            String field = operation.field();
            out.append(String.format("  %-32s %-6s %8d %9d %5d %6d%n", field, operation.access().name().toLowerCase(),
                    count(refusedCases, field), count(permittedCases, field), count(notApplicable, field),
                    leaksByOperation.getOrDefault(field, 0L)));
        }
        out.append("  answers (first error code, ok without errors):\n");
        for (GeneratedOperation operation : operations) {
            out.append(String.format("  %-32s %s%n", operation.field(),
                    new TreeMap<>(outcomes.getOrDefault(operation.field(), Map.of()))));
        }
        out.append("  phases: ").append(phases.entrySet().stream()
                .map(phase -> String.format("%s %.1f s", phase.getKey(), phase.getValue().toMillis() / 1000.0))
                .collect(Collectors.joining(", "))).append('\n');
        for (String cell : notApplicableCells) {
            out.append("  n/a: ").append(cell).append('\n');
        }
        return out.toString();
    }

    private static int count(Map<String, AtomicInteger> counts, String field) {
        AtomicInteger count = counts.get(field);
        return count == null ? 0 : count.get();
    }

    private static int total(Map<String, AtomicInteger> counts) {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
