package cn.gov.jgsw.ops.support.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract's persisted operations as the tests use them: by name, with their ids and documents from the manifest
 * the build wrote, and the recorded shape of each one's answer ({@code src/test/resources/contract/shapes/NAME.shape}).
 * Every successful answer to a persisted operation anywhere in the suite is checked against its recorded shape, and
 * noted, so that {@code ContractCoverageIT} can tell at the end which operations ran and how large their answers
 * were.
 * <p>
 * When the schema or a document changes a shape on purpose, run the suite with {@code -Djgsw.contract.record=true}
 * to write the new golden files, and review their diff.
 */
public final class PersistedContract {

    private static final String MANIFEST = "/contract/persisted-operations.json";
    private static final Path SHAPES = Path.of("src/test/resources/contract/shapes");
    private static final boolean RECORD = Boolean.getBoolean("jgsw.contract.record");

    /** One persisted operation of the manifest. */
    public record Operation(String id, String name, String type, String body) {
    }

    /** What the suite saw of one operation: successful answers and the largest body in bytes. */
    public record Seen(int answers, int largestBytes) {
    }

    private static final Map<String, Operation> BY_NAME = read();
    private static final Map<String, Operation> BY_BODY = new ConcurrentHashMap<>();
    private static final Map<String, ResponseShape> SHAPES_BY_NAME = new ConcurrentHashMap<>();
    private static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();

    static {
        BY_NAME.values().forEach(operation -> BY_BODY.put(operation.body(), operation));
    }

    private PersistedContract() {
    }

    public static Map<String, Operation> operations() {
        return BY_NAME;
    }

    public static Optional<Operation> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The persisted operation whose document this is, exactly as the manifest holds it. */
    public static Optional<Operation> ofDocument(String document) {
        return Optional.ofNullable(BY_BODY.get(document));
    }

    /** The answers seen so far in this run, by operation name. */
    public static Map<String, Seen> seen() {
        return new TreeMap<>(SEEN);
    }

    /**
     * Checks a successful answer's {@code data} against the operation's recorded shape and notes it.
     *
     * @throws AssertionError if the shape changed or the answer does not conform to it
     */
    public static void check(String name, JsonNode data, int bodyBytes) {
        ResponseShape shape = SHAPES_BY_NAME.computeIfAbsent(name, PersistedContract::recordedShape);
        List<String> mismatches = shape.mismatches(data);
        if (!mismatches.isEmpty()) {
            throw new AssertionError("the answer to " + name + " does not conform to its recorded shape: "
                    + mismatches);
        }
        SEEN.merge(name, new Seen(1, bodyBytes),
                (before, now) -> new Seen(before.answers() + 1, Math.max(before.largestBytes(), bodyBytes)));
    }

    private static ResponseShape recordedShape(String name) {
        Operation operation = BY_NAME.get(name);
        ResponseShape shape = ResponseShape.of(ContractSchema.current(), operation.body());
        String recorded = golden(name);
        if (!shape.text().equals(recorded)) {
            if (!RECORD) {
                throw new AssertionError("the shape of " + name + (recorded == null ? " has no recording in "
                        : " is not the recorded one in ") + SHAPES.resolve(name + ".shape") + " (run with -Djgsw.contract.record=true to record it, and review the"
                        + " diff: a removed or retyped line breaks the app)\nnow:\n" + shape.text()
                        + "recorded:\n" + recorded);
            }
            try {
                Files.createDirectories(SHAPES);
                Files.writeString(SHAPES.resolve(name + ".shape"), shape.text(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shape;
    }

    /** The recorded shape, or null if there is none. */
    static String golden(String name) {
        try (InputStream in = PersistedContract.class.getResourceAsStream("/contract/shapes/" + name + ".shape")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Operation> read() {
        try (InputStream in = PersistedContract.class.getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException("no manifest " + MANIFEST + ": build mobile-contract first");
            }
            Map<String, Operation> byName = new TreeMap<>();
            for (JsonNode operation : new ObjectMapper().readTree(in).path("operations")) {
                byName.put(operation.get("name").asText(), new Operation(operation.get("id").asText(),
                        operation.get("name").asText(), operation.get("type").asText(),
                        operation.get("body").asText()));
            }
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
