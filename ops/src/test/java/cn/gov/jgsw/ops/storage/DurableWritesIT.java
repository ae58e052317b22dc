package cn.gov.jgsw.ops.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledged means written: a child JVM writes through the embedded server, is killed hard ({@code SIGKILL}) right
 * after its N-th acknowledgement, and a fresh JVM on the same data directory finds every acknowledged write. Several
 * rounds on the same directory, so recovery after one crash is also crashed into.
 * <p>
 * {@code -Ddurability.forceCommits=false} runs the same test against H2's own once-a-second commit, to show what the
 * forced commits protect (the test then fails).
 */
class DurableWritesIT {

    private static final int ROUNDS = 3;
    private static final int ACKNOWLEDGED_WRITES = 300;
    private static final boolean FORCE_COMMITS =
            Boolean.parseBoolean(System.getProperty("durability.forceCommits", "true"));

    @TempDir
    Path dataDirectory;

    @Test
    void everyAcknowledgedWriteSurvivesAHardKill() throws Exception {
        List<String> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            String name = "round-" + round;
            int acknowledged = writeUntilKilled(name);
            long found = countAfterRestart(name);
            rounds.add(name + ": acknowledged " + acknowledged + ", found after restart " + found);
            System.out.println("[durability] forceCommits=" + FORCE_COMMITS + " " + rounds.get(rounds.size() - 1));
            assertThat(found).as(String.join("; ", rounds)).isGreaterThanOrEqualTo(acknowledged);
        }
    }

    /** Starts the writer, kills it hard right after the N-th acknowledgement; answers how many it saw acknowledged. */
    private int writeUntilKilled(String round) throws Exception {
        Process writer = child("write", round);
        int acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged = Integer.parseInt(line.substring(4)) + 1;
                    if (acknowledged == ACKNOWLEDGED_WRITES) {
                        writer.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("writes acknowledged before the kill").isEqualTo(ACKNOWLEDGED_WRITES);
        return acknowledged;
    }

    private long countAfterRestart(String round) throws Exception {
        Process counter = child("count", round);
        String output = new String(counter.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(counter.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output.lines().filter(l -> l.startsWith("COUNT ")).map(l -> Long.parseLong(l.substring(6)))
                .findFirst().orElseThrow(() -> new AssertionError("no count from restarted JVM: " + output));
    }

    private Process child(String mode, String round) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                AcknowledgedWriter.class.getName(), mode, dataDirectory.toString(), round,
                String.valueOf(FORCE_COMMITS))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
