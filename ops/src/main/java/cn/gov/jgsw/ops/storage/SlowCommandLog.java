package cn.gov.jgsw.ops.storage;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Logs every database command slower than a threshold (慢查询日志), with its collection and the shape of its filter
 * and sort: field names only, never values, so that the log holds nothing of the people's data. On the embedded server
 * a query that no unique index serves scans its collection (ARCHITECTURE.md); this is how the operator finds it.
 * <p>
 * On the embedded store the server times each command, from its arrival to its commit ({@link DurableBackend}), and
 * describes it only when it was slow, from the document the server has already read. On a real MongoDB the driver
 * reports each command to this as a {@link CommandListener}. The driver's command document is gone once it has been
 * sent, so there each command is described as it starts; reading it costs a measurable share of the platform's CPU
 * under load (BENCHMARKS.md), which is why the embedded store does not do it.
 */
final class SlowCommandLog implements CommandListener {

    /** The platform's default ({@code JGSW_SLOW_COMMAND_THRESHOLD}), for servers started without the setting. */
    static final Duration DEFAULT_THRESHOLD = Duration.ofMillis(200);

    private static final Logger log = LoggerFactory.getLogger(SlowCommandLog.class);

    private final long thresholdNanos;
    /** What each running command is, by the driver's request id. */
    private final Map<Integer, String> running = new ConcurrentHashMap<>();

    SlowCommandLog(Duration threshold) {
        this.thresholdNanos = threshold.toNanos();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        running.put(event.getRequestId(), describe(event.getCommandName(), event.getCommand()));
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        String command = running.remove(event.getRequestId());
        finished(event.getElapsedTime(TimeUnit.NANOSECONDS), false, () -> command);
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        String command = running.remove(event.getRequestId());
        finished(event.getElapsedTime(TimeUnit.NANOSECONDS), true, () -> command);
    }

    /** Logs a command that took at least the threshold; its description is asked for only then. */
    void finished(long elapsedNanos, boolean failed, Supplier<String> description) {
        if (elapsedNanos < thresholdNanos) {
            return;
        }
        String command = description.get();
        if (command != null) {
            log.warn("Slow database command ({} ms{}): {}", TimeUnit.NANOSECONDS.toMillis(elapsedNanos),
                    failed ? ", failed" : "", command);
        }
    }

    /**
     * The command's name, collection and the field names of its filter, sort or update target. Serves the driver's
     * documents and the embedded server's alike: both are maps of lists and maps. Only the parts this command has are
     * looked up, since the driver parses its document at every look-up.
     */
    static String describe(String commandName, Map<String, ?> command) {
        StringBuilder description = new StringBuilder(commandName);
        Object collection = command.get(commandName);
        if (collection instanceof String name) {
            description.append(' ').append(name);
        } else if (collection instanceof BsonString name) {
            description.append(' ').append(name.getValue());
        }
        switch (commandName) {
            case "find" -> appendShapes(description, command, "filter", "sort");
            case "count", "findAndModify" -> appendShapes(description, command, "query");
            case "update" -> appendFirstStatement(description, command, "updates");
            case "delete" -> appendFirstStatement(description, command, "deletes");
            default -> {
            }
        }
        return description.toString();
    }

    private static void appendShapes(StringBuilder description, Map<String, ?> command, String... parts) {
        for (String part : parts) {
            if (command.get(part) instanceof Map<?, ?> document) {
                description.append(' ').append(part).append(' ').append(shape(document));
            }
        }
    }

    private static void appendFirstStatement(StringBuilder description, Map<String, ?> command, String batch) {
        if (command.get(batch) instanceof List<?> statements && !statements.isEmpty()
                && statements.get(0) instanceof Map<?, ?> statement && statement.get("q") instanceof Map<?, ?> query) {
            description.append(' ').append(batch).append(" of ").append(shape(query));
        }
    }

    /** Field names and operators, nested; values left out. */
    private static String shape(Map<?, ?> document) {
        StringBuilder shape = new StringBuilder("{");
        document.forEach((name, value) -> {
            if (shape.length() > 1) {
                shape.append(", ");
            }
            shape.append(name);
            if (value instanceof Map<?, ?> nested) {
                shape.append(' ').append(shape(nested));
            } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
                shape.append(" [").append(shape(first)).append(", …]");
            }
        });
        return shape.append('}').toString();
    }
}
