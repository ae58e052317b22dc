package cn.gov.jgsw.ops.drills;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault drill in the suite, reduced to three hard kills ({@code ops/bench/fault-drill.sh} runs twenty or more):
 * every acknowledged order answers the same after the restarts, every order is in the log exactly once, and the
 * vehicle-order read model equals its full replay. The seed is printed, so a failing run can be repeated.
 * <p>
 * A key that still answers {@code REQUEST_IN_PROGRESS} after the resend's three minutes fails it too. The
 * twenty-kill drill found such keys in two runs, and in another an order appended twice. A commit of the embedded
 * store that kept half of an insert explains both (the document without its unique-index entry was seen; the entry
 * without its document is the same fault the other way round); fixed in {@code GroupCommit}.
 */
class FaultDrillIT {

    @TempDir
    Path data;

    @Test
    void threeHardKillsUnderLoadLoseNothingAcknowledgedAndDoubleNothing() throws Exception {
        long seed = System.nanoTime();
        System.out.println("fault drill seed " + seed);

        FaultDrill.Report report = new FaultDrill(data, 3, Duration.ofSeconds(2), seed, System.out).run();
        System.out.println(FaultDrill.summary(report));

        assertThat(report.violations()).isEmpty();
        assertThat(report.stuckKeys()).as("keys still in progress after the resend").isEmpty();
        assertThat(report.kills()).isEqualTo(3);
        assertThat(report.acknowledged()).as("orders acknowledged under load").isPositive();
        assertThat(report.ordersInLog()).isEqualTo(report.attempts());
        assertThat(report.ordersRouted()).as("orders routed to their approvers once").isEqualTo(report.attempts());
    }
}
