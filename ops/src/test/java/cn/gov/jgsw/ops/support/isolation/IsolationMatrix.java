package cn.gov.jgsw.ops.support.isolation;

import cn.gov.jgsw.ops.support.Phones;
import com.mongodb.client.MongoDatabase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs every generated operation as every role of each caller bureau against the caller's own bureau, its sibling,
 * parent and child, and counts the leaks:
 * <ul>
 *     <li>an id in the answer that the caller may not see ({@link ForeignIds});</li>
 *     <li>a request the caller may not make whose answer (status and bytes) differs from the answer to the same request
 *     naming a fuzzed id: a random id shaped like the target's, a garbage id, and the caller's own object of the kind
 *     most easily mistaken for the target's ({@link ObjectKind#lookalike()});</li>
 *     <li>a request the caller may not make that stores an event of the target bureau or the target object, or any
 *     event at all under its idempotency key; and a permitted write storing an event outside the caller's bureau.</li>
 * </ul>
 * In three phases, each spread over a few threads: the "not found" answers first; then the refused requests, one
 * thread per target bureau, so that nothing else stores in that bureau while a request is checked; then the permitted
 * requests, which change the fixtures and so come last, one thread per caller bureau, so that they change them in the
 * same order on every run.
 */
public final class IsolationMatrix {

    private static final int THREADS = 8;
    private static final Pattern UUID_SHAPED = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Characters a careless look-up might treat as syntax: quotes, a Mongo operator, a path, a non-BMP letter. */
    private static final String GARBAGE = "' OR '1'='1 {\"$ne\":null} ../../𝔊 ";

    private final String baseUrl;
    private final MongoDatabase database;
    private final List<GeneratedOperation> operations;
    private final Set<String> idFieldNames;
    private final List<String> roles;
    private final Set<String> supervisorReads;
    private final MatrixClient client;
    private final EventLog eventLog;
    private final AtomicInteger fuzzedRequests = new AtomicInteger();

    /**
     * @param supervisorReads the operations through which a supervisor reads the bureaus at or below their own
     */
    public IsolationMatrix(String baseUrl, MongoDatabase database, OperationGenerator generator,
                           Set<String> supervisorReads) {
        this.baseUrl = baseUrl;
        this.database = database;
        this.operations = generator.operations();
        this.idFieldNames = generator.idFieldNames();
        this.roles = generator.roles();
        this.supervisorReads = supervisorReads;
        this.client = new MatrixClient(baseUrl);
        this.eventLog = new EventLog(database);
    }

    /** Runs the matrix for callers of each of the bureaus and answers what it found. */
    public MatrixReport run(List<String> callerBureaus) {
        long started = System.nanoTime();
        MatrixReport report = new MatrixReport(operations);
        Bureaus bureaus = new Bureaus(database);
        Set<String> involved = new LinkedHashSet<>();
        callerBureaus.forEach(caller -> involved.addAll(bureaus.relativesOf(caller).values()));
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            Fixtures fixtures = timed(report, "fixtures", () -> Fixtures.create(baseUrl, involved, threads));
            MatrixCases matrixCases = new MatrixCases(operations, roles, bureaus, fixtures, supervisorReads, report);
            ForeignIds foreignIds = new ForeignIds(idFieldNames, bureaus, new IdOwners(database), matrixCases);
            List<MatrixCase> cases = new ArrayList<>();
            callerBureaus.forEach(caller -> cases.addAll(matrixCases.of(caller)));
            List<MatrixCase> refused = cases.stream().filter(c -> !c.permitted()).toList();
            List<MatrixCase> permitted = cases.stream().filter(MatrixCase::permitted).toList();

            Map<String, List<Fuzzed>> notFound = new ConcurrentHashMap<>();
            Map<String, MatrixCase> shapes = new LinkedHashMap<>();
            refused.forEach(c -> shapes.putIfAbsent(c.shape(), c));
            timed(report, "not-found answers", () -> inParallel(threads, group(shapes.values(), c -> c.caller().login()),
                    shape -> notFound.put(shape.shape(), fuzz(shape, fixtures, foreignIds, report))));
            timed(report, "refused", () -> inParallel(threads, group(refused, MatrixCase::targetBureau),
                    request -> checkRefused(request, notFound.get(request.shape()), foreignIds, report)));
            timed(report, "permitted", () -> inParallel(threads, group(permitted, c -> c.caller().bureau()),
                    request -> checkPermitted(request, foreignIds, report)));
        } finally {
            threads.shutdownNow();
        }
        report.finished(fuzzedRequests.get(), client.requests(), client.rateLimited(),
                Duration.ofNanos(System.nanoTime() - started));
        letRequestBudgetsRefill();
        return report;
    }

    /** The "not found" answers of one shape of request: the same request naming fuzzed ids instead of the target's. */
    private List<Fuzzed> fuzz(MatrixCase shape, Fixtures fixtures, ForeignIds foreignIds, MatrixReport report) {
        Map<String, String> fuzzedIds = new LinkedHashMap<>();
        String targetId = shape.targetId();
        fuzzedIds.put("random id", UUID_SHAPED.matcher(targetId).matches() ? UUID.randomUUID().toString()
                : targetId.substring(0, targetId.indexOf('-') + 1) + UUID.randomUUID());
        fuzzedIds.put("garbage id", GARBAGE + UUID.randomUUID());
        ObjectKind lookalike = shape.slot().kind().lookalike();
        fuzzedIds.put("own " + lookalike.name().toLowerCase(), fixtures.of(shape.caller().bureau(), lookalike).get(0));
        List<Fuzzed> answers = new ArrayList<>();
        fuzzedIds.forEach((label, id) -> {
            Answer answer = send(shape.caller(), shape.operation(), shape.idsWith(id));
            fuzzedRequests.incrementAndGet();
            List<String> foreign = foreignIds.in(shape, answer);
            if (!foreign.isEmpty()) {
                report.leak(new Leak(Leak.FOREIGN_ID, shape, "with the " + label + " " + id + ": " + foreign, answer));
            }
            answers.add(new Fuzzed(label + " " + id, answer));
        });
        return answers;
    }

    private void checkRefused(MatrixCase request, List<Fuzzed> notFound, ForeignIds foreignIds, MatrixReport report) {
        Map<String, Object> variables = request.operation().variables(request.ids());
        String key = idempotencyKeyOf(variables);
        long before = eventLog.lastPosition();
        Answer answer = client.send(tokenOf(request.caller()), request.operation().document(), variables);
        long after = eventLog.lastPosition();
        report.ran(request, answer);

        List<String> foreign = foreignIds.in(request, answer);
        if (!foreign.isEmpty()) {
            report.leak(new Leak(Leak.FOREIGN_ID, request, foreign.toString(), answer));
        }
        List<Fuzzed> unlike = notFound.stream().filter(fuzzed -> !fuzzed.answer().sameAs(answer)).toList();
        if (!unlike.isEmpty()) {
            report.leak(new Leak(Leak.UNLIKE_NOT_FOUND, request, "differs from the answer with the "
                    + unlike.stream().map(Fuzzed::toString).collect(Collectors.joining("; with the ")), answer));
        }
        List<EventLog.StoredEvent> stored = eventLog.storedBetween(before, after).stream()
                .filter(event -> causedBy(event, request, key)).toList();
        if (!stored.isEmpty()) {
            report.leak(new Leak(Leak.STORED, request, "stored " + stored, answer));
        }
    }

    /**
     * An event stored while the request ran is the request's if it carries the request's idempotency key (commands
     * copy it onto every event they cause), or if it is the target bureau's or the target object's and carries no key
     * of another request and no other person as its actor. Other requests run meanwhile, in other bureaus; an event
     * with another request's key, or acted by another person (a supervisor's recorded read), is theirs.
     */
    private static boolean causedBy(EventLog.StoredEvent event, MatrixCase request, String key) {
        if (key != null && key.equals(event.idempotencyKey())) {
            return true;
        }
        boolean ofTarget = request.targetBureau().equals(event.tenantId())
                || request.targetId().equals(event.aggregateIdentifier());
        boolean anotherActor = event.userId() != null && !event.userId().equals(request.caller().userId());
        return ofTarget && event.idempotencyKey() == null && !anotherActor;
    }

    private void checkPermitted(MatrixCase request, ForeignIds foreignIds, MatrixReport report) {
        Map<String, Object> variables = request.operation().variables(request.ids());
        String key = idempotencyKeyOf(variables);
        long before = eventLog.lastPosition();
        Answer answer = client.send(tokenOf(request.caller()), request.operation().document(), variables);
        report.ran(request, answer);

        List<String> foreign = foreignIds.in(request, answer);
        if (!foreign.isEmpty()) {
            report.leak(new Leak(Leak.FOREIGN_ID, request, foreign.toString(), answer));
        }
        if (key != null) {
            List<EventLog.StoredEvent> elsewhere = eventLog.storedBetween(before, eventLog.lastPosition()).stream()
                    .filter(event -> key.equals(event.idempotencyKey()))
                    .filter(event -> !request.caller().bureau().equals(event.tenantId()))
                    .toList();
            if (!elsewhere.isEmpty()) {
                report.leak(new Leak(Leak.STORED_ELSEWHERE, request, "stored " + elsewhere, answer));
            }
        }
    }

    private Answer send(Caller caller, GeneratedOperation operation, Map<String, String> ids) {
        return client.send(tokenOf(caller), operation.document(), operation.variables(ids));
    }

    private String tokenOf(Caller caller) {
        return Phones.accessTokenOf(baseUrl, caller.login());
    }

    /** The request's idempotency key, wherever its input carries it; null for reads. */
    @SuppressWarnings("unchecked")
    private static String idempotencyKeyOf(Map<String, Object> variables) {
        for (Map.Entry<String, Object> entry : variables.entrySet()) {
            if (entry.getKey().equals("idempotencyKey") && entry.getValue() instanceof String key) {
                return key;
            }
            if (entry.getValue() instanceof Map<?, ?> nested) {
                String key = idempotencyKeyOf((Map<String, Object>) nested);
                if (key != null) {
                    return key;
                }
            }
        }
        return null;
    }

    private static <T> Map<String, List<T>> group(Iterable<T> items, Function<T, String> by) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        items.forEach(item -> groups.computeIfAbsent(by.apply(item), k -> new ArrayList<>()).add(item));
        return groups;
    }

    private static <T> T timed(MatrixReport report, String phase, Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        report.phase(phase, Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    /** Each group's items one after the other, the groups side by side; returns when all are done. */
    private static <T> Void inParallel(ExecutorService threads, Map<String, List<T>> groups, Consumer<T> task) {
        return CompletableFuture.allOf(groups.values().stream()
                        .map(items -> CompletableFuture.runAsync(() -> items.forEach(task), threads))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    /**
     * The tests that run next send as the same demo people, whose request budgets the matrix has spent; the budget
     * (a burst of 60 at 20 a second) is whole again after three seconds.
     */
    private static void letRequestBudgetsRefill() {
        try {
            TimeUnit.SECONDS.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A "not found" answer and the fuzzed id it answers. */
    private record Fuzzed(String fuzzedId, Answer answer) {
        @Override
        public String toString() {
            return fuzzedId + ": " + answer;
        }
    }
}
