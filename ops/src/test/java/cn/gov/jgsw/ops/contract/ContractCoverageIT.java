package cn.gov.jgsw.ops.contract;

import cn.gov.jgsw.ops.support.PlatformIT;
import cn.gov.jgsw.ops.support.contract.PersistedContract;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs last in the suite ({@code junit-platform.properties} orders classes by {@link Order}) and checks what the
 * whole suite did with the contract: every persisted operation was answered successfully at least once, by the real
 * platform, to a person of a role that uses it, each answer conforming to the operation's recorded shape (checked as
 * it arrived, {@link PersistedContract}); and no answer to a query, a screen of the app, reached 50 KiB.
 * <p>
 * Alone (without the rest of the suite) it has nothing to judge and is skipped.
 */
@Order(Integer.MAX_VALUE)
class ContractCoverageIT extends PlatformIT {

    /** A screen of the app on a phone: its answer stays below this, however full the bureau. */
    static final int LARGEST_SCREEN_BYTES = 50 * 1024;

    @Test
    void everyPersistedOperationWasAnsweredInItsShapeAndNoScreenReached50KiB() {
        Map<String, PersistedContract.Seen> seen = PersistedContract.seen();
        assumeTrue(seen.size() > 1, "run with the whole suite");

        Set<String> neverAnswered = new TreeSet<>(PersistedContract.operations().keySet());
        neverAnswered.removeAll(seen.keySet());
        Map<String, Integer> tooLarge = new TreeMap<>();
        seen.forEach((name, answers) -> {
            if (PersistedContract.operations().get(name).type().equals("query")
                    && answers.largestBytes() >= LARGEST_SCREEN_BYTES) {
                tooLarge.put(name, answers.largestBytes());
            }
        });
        StringBuilder report = new StringBuilder("contract: ").append(seen.size()).append(" of ")
                .append(PersistedContract.operations().size()).append(" persisted operations answered in shape;")
                .append(" largest answers:");
        seen.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().largestBytes(), a.getValue().largestBytes()))
                .limit(5)
                .forEach(entry -> report.append(' ').append(entry.getKey()).append(' ')
                        .append(entry.getValue().largestBytes()).append(" B"));
        System.out.println(report);

        assertThat(neverAnswered).as("persisted operations no test ran successfully").isEmpty();
        assertThat(tooLarge).as("screens of 50 KiB or more").isEmpty();
    }
}
