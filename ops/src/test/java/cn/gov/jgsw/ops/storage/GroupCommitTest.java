package cn.gov.jgsw.ops.storage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Group commit against a stand-in store of two maps, a document and its index entry, and the "file" a commit writes
 * them to. Every interleaving that matters is forced with latches, not left to timing. How often requests share a
 * commit is a matter of speed, measured by the benchmark, not here.
 */
class GroupCommitTest {

    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong indexEntries = new AtomicLong();
    private final AtomicLong documentsInFile = new AtomicLong();
    private final List<String> tornCommits = new ArrayList<>();
    private final AtomicInteger commitsWritten = new AtomicInteger();

    @Test
    void everyRequestIsAnsweredOnlyOnceACommitHasWrittenItsChange() throws Exception {
        GroupCommit commits = new GroupCommit(this::commit);
        int requests = 400;
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<Long>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(threads.submit(() -> {
                long inserted = commits.run(this::insert);
                // What this request changed must be in the file when it is answered.
                return documentsInFile.get() - inserted;
            }));
        }
        for (Future<Long> answer : answers) {
            assertThat(answer.get(1, TimeUnit.MINUTES)).isGreaterThanOrEqualTo(0);
        }
        threads.shutdown();
        assertThat(documentsInFile.get()).isEqualTo(requests);
        assertThat(tornCommits).isEmpty();
    }

    @Test
    void aCommitWaitsUntilNoRequestIsHalfApplied() throws Exception {
        GroupCommit commits = new GroupCommit(this::commit);
        CountDownLatch finishApplying = new CountDownLatch(1);
        Thread inserting = insertStoppedHalfway(commits, finishApplying);
        // A request with nothing to change, finishing now, must write a commit and so waits for the insert.
        Thread reading = new Thread(() -> commits.run(() -> 0L));
        reading.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> reading.getState() == Thread.State.WAITING);
        assertThat(commitsWritten.get()).isZero();

        finishApplying.countDown();
        inserting.join(10_000);
        reading.join(10_000);
        assertThat(tornCommits).isEmpty();
        assertThat(documentsInFile.get()).isEqualTo(1);
    }

    @Test
    void aRequestThatACommitWaitedForIsAnsweredByThatCommit() throws Exception {
        GroupCommit commits = new GroupCommit(this::commit);
        CountDownLatch finishApplying = new CountDownLatch(1);
        Thread slow = insertStoppedHalfway(commits, finishApplying);
        // This request finishes first and starts a commit, which must wait for the slow one to finish applying.
        Thread quick = new Thread(() -> commits.run(this::insert));
        quick.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> quick.getState() == Thread.State.WAITING);

        finishApplying.countDown();
        slow.join(10_000);
        quick.join(10_000);
        assertThat(documentsInFile.get()).isEqualTo(2);
        // The slow request's change is in the commit that waited for it; it needs no commit of its own.
        assertThat(commitsWritten.get()).isEqualTo(1);
        assertThat(tornCommits).isEmpty();
    }

    @Test
    void aFailedCommitFailsTheRequestThatWroteItAndTheNextRequestCommitsAgain() {
        AtomicInteger attempts = new AtomicInteger();
        GroupCommit commits = new GroupCommit(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
            commit();
        });
        assertThatThrownBy(() -> commits.run(this::insert)).hasMessage("disk full");
        commits.run(this::insert);
        assertThat(documentsInFile.get()).isEqualTo(2);
    }

    @Test
    void aFailedRequestIsCommittedAllTheSameForWhatItMayHaveApplied() {
        GroupCommit commits = new GroupCommit(this::commit);
        assertThatThrownBy(() -> commits.run(() -> {
            insert();
            throw new IllegalStateException("second document refused");
        })).hasMessage("second document refused");
        assertThat(documentsInFile.get()).isEqualTo(1);
    }

    /**
     * Starts an insert and returns once it has applied its document and not yet its index entry; it finishes when
     * {@code finishApplying} counts down.
     */
    private Thread insertStoppedHalfway(GroupCommit commits, CountDownLatch finishApplying) {
        CountDownLatch halfApplied = new CountDownLatch(1);
        Thread inserting = new Thread(() -> commits.run(() -> {
            documents.incrementAndGet();
            halfApplied.countDown();
            waitFor(finishApplying);
            return indexEntries.incrementAndGet();
        }));
        inserting.start();
        waitFor(halfApplied);
        return inserting;
    }

    /** Two steps, as an insert updates its document and then its index. */
    private long insert() {
        long inserted = documents.incrementAndGet();
        indexEntries.incrementAndGet();
        return inserted;
    }

    private void commit() {
        long documentsNow = documents.get();
        long indexEntriesNow = indexEntries.get();
        if (documentsNow != indexEntriesNow) {
            synchronized (tornCommits) {
                tornCommits.add(documentsNow + " documents, " + indexEntriesNow + " index entries");
            }
        }
        documentsInFile.set(documentsNow);
        commitsWritten.incrementAndGet();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
