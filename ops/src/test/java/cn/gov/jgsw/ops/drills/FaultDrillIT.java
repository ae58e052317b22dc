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
 * Keys that still answer {@code REQUEST_IN_PROGRESS} after the resend's three minutes are printed, not failed: the
 * twenty-kill drill found such keys in both of its runs (an open defect, BENCHMARKS.md), and until it is understood
 * this test guards what it can state: nothing acknowledged lost, nothing doubled (a stuck key's order is in the log
 * at most once), the read model equal to its replay.
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
        assertThat(report.kills()).isEqualTo(3);
        assertThat(report.acknowledged()).as("orders acknowledged under load").isPositive();
        assertThat(report.ordersInLog()).isEqualTo(report.attempts());
    }
}
